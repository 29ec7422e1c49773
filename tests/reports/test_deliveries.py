"""Reports → E-mail problems: failed and retrying e-mails, scoped to the coordinator's regions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ops.models import OutgoingEmail
from reports.selectors import problems_visible_to

pytestmark = pytest.mark.django_db
URL = reverse("drom_reports:deliveries")


def problem(recipient, *, status="failed", attempts=6, **fields):
    return OutgoingEmail.objects.create(
        kind=OutgoingEmail.Kind.REMINDER,
        status=status,
        recipient=recipient,
        to_email=recipient.email if recipient else "nobody@example.test",
        subject=f"Напомняне за {recipient.email if recipient else '—'}",
        body="…",
        attempts=attempts,
        last_error="SMTPRecipientsRefused: 550 mailbox unavailable",
        next_attempt_at=timezone.now() + timedelta(minutes=15),
        **fields,
    )


def test_a_coordinator_sees_the_problems_of_her_regions_only(coordinator_client, network):
    problem(network["not_started"])  # Sliven: hers
    problem(network["burgas_new"], status="pending", attempts=2)  # retrying
    problem(network["vidin_new"])  # Vidin: another region
    OutgoingEmail.objects.create(  # delivered: not a problem
        kind="reminder", status="sent", sent_at=timezone.now(), recipient=network["enrolled"],
        to_email="boris@example.test", subject="ok", body="…", attempts=1,
    )  # fmt: skip
    response = coordinator_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "anna@example.test" in html and "emil@example.test" in html
    assert "zori@example.test" not in html and "boris@example.test" not in html
    assert "550 mailbox unavailable" in html
    assert "Нов опит в" in html  # the retrying one says when
    assert "Изпрати отново" in html


def test_a_national_coordinator_sees_every_problem(national_client, network):
    problem(network["vidin_new"])
    problem(None)  # an address with no account (a removed teacher)
    html = national_client.get(URL).content.decode()
    assert "zori@example.test" in html and "nobody@example.test" in html


def test_the_screen_is_refused_to_teachers_authors_and_visitors(client, network, author):
    client.force_login(network["not_started"])
    assert client.get(URL).status_code in (302, 403)
    client.force_login(author)
    refused = client.get(URL)
    assert refused.status_code in (302, 403)
    assert "Проблеми с имейли" not in refused.content.decode()
    client.logout()
    anonymous = client.get(URL)
    assert anonymous.status_code == 302 and "/login/" in anonymous.url


def test_send_again_only_within_scope(
    coordinator_client, network, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mine = problem(network["not_started"])
    theirs = problem(network["vidin_new"])
    with django_capture_on_commit_callbacks(execute=True):
        refused = coordinator_client.post(reverse("drom_reports:delivery_retry", args=[theirs.pk]))
    assert refused.status_code == 302
    theirs.refresh_from_db()
    assert theirs.status == "failed"
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(reverse("drom_reports:delivery_retry", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.status == "sent"
    assert [m.to for m in mail.outbox] == [["anna@example.test"]]
    assert (
        coordinator_client.get(reverse("drom_reports:delivery_retry", args=[mine.pk])).status_code
        == 405
    )


def test_the_list_costs_the_same_queries_for_5_and_40_problems(
    coordinator, coordinator_client, network, django_assert_max_num_queries
):
    for _ in range(5):
        problem(network["not_started"])
    coordinator_client.get(URL)  # warm the session and Wagtail's caches
    with django_assert_max_num_queries(20) as few:
        coordinator_client.get(URL)
    for _ in range(35):
        problem(network["burgas_new"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = coordinator_client.get(URL)
    assert response.content.decode().count("Напомняне за emil@example.test") == 35
    assert problems_visible_to(coordinator).count() == 40
