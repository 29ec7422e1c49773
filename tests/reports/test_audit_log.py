"""Certificates issued and revoked, imports, report exports and reminders leave Wagtail log
entries with Bulgarian labels, which national coordinators read in the admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from courses import assignments
from courses import services as course_services
from courses.models import Enrollment
from ops import audit
from reports import services
from tests.schools.test_import_admin import APPLY, upload

pytestmark = pytest.mark.django_db

LOG = reverse("drom_reports:audit")


def test_everything_done_outside_pages_is_logged_and_shown_to_national_coordinators(
    client, coordinator, national, course, network
):
    # A regional coordinator reminds a teacher, exports a report and imports schools.
    services.reminders_send(
        sender=coordinator, course=course, teacher_ids=[network["not_started"].pk]
    )
    client.force_login(coordinator)
    export = client.get(f"/admin/coordinator-reports/?course={course.pk}&export=csv")
    assert export.status_code == 200
    upload(client, "schools_utf8_bom_semicolon.csv")
    client.post(APPLY)
    # …and assigns the course to a teacher of her region, with a due date.
    due = timezone.localdate() + timedelta(days=30)
    assignments.assignments_create(
        by=coordinator, teacher_ids=[network["not_started"].pk], courses=[course], due_on=due
    )
    # A certificate is issued and then revoked by a national coordinator.
    enrollment = Enrollment.objects.filter(status=Enrollment.Status.COMPLETED).first()
    certificate = course_services.certificate_issue(enrollment=enrollment)
    course_services.certificate_revoke(certificate=certificate, by=national, reason="Грешка")

    actions = list(ModelLogEntry.objects.values_list("action", flat=True))
    for action in (
        audit.REMINDER_QUEUE,
        audit.REPORT_EXPORT,
        audit.IMPORT_SCHOOLS,
        audit.CERTIFICATE_ISSUE,
        audit.CERTIFICATE_REVOKE,
        assignments.ASSIGN,
    ):
        assert action in actions, action
    revoke = ModelLogEntry.objects.get(action=audit.CERTIFICATE_REVOKE)
    assert revoke.user == national and revoke.data == {"reason": "Грешка"}
    assert revoke.label == certificate.number  # no name is copied into the log

    client.force_login(national)
    response = client.get(LOG)
    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "Журнал на действията",
        "Изпратено напомняне",
        "Експортирана справка",
        "Импортирани училища",
        "Издадено удостоверение",
        "Отнето удостоверение",
        "Възложено обучение",
        certificate.number,
    ):
        assert label in html, label
    # The certificate's own history in the register shows the same entries.
    history = client.get(reverse("certificates:history", args=[certificate.pk]))
    assert history.status_code == 200
    assert "Отнето удостоверение" in history.content.decode()


@pytest.mark.parametrize("who", ["coordinator", "author", "teacher"])
def test_the_action_log_is_for_national_coordinators_only(
    client, who, coordinator, author, teacher
):
    client.force_login({"coordinator": coordinator, "author": author, "teacher": teacher}[who])
    response = client.get(LOG)
    assert response.status_code in (302, 403)


def test_the_action_log_has_a_fixed_query_budget(
    client, national, django_assert_max_num_queries, course, network
):
    for person in ("not_started", "enrolled"):
        services.reminders_send(sender=national, course=course, teacher_ids=[network[person].pk])
    client.force_login(national)
    with django_assert_max_num_queries(25):
        assert client.get(LOG).status_code == 200
