"""Reminders: to unfinished teachers in scope, once a week per course, logged, sent by a task."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from reports import services
from reports.models import ReminderLog

pytestmark = pytest.mark.django_db

REMIND = "/admin/coordinator-reports/remind/"


def post_remind(client, course, teachers, capture):
    with capture(execute=True):
        return client.post(
            REMIND,
            {"course": course.pk, "teacher": [t.pk for t in teachers], "next": "/admin/"},
        )


def test_reminders_go_to_unfinished_teachers_with_the_course_link(
    coordinator_client, course, network, django_capture_on_commit_callbacks
):
    people = [network["not_started"], network["in_progress"], network["completed"]]
    response = post_remind(coordinator_client, course, people, django_capture_on_commit_callbacks)
    assertRedirects(response, "/admin/", fetch_redirect_response=False)
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.test", "vera@example.test"]
    message = mail.outbox[0]
    assert "Напомняне" in message.subject
    assert course.title in message.subject
    assert course.get_full_url() in message.body
    logs = ReminderLog.objects.all()
    assert logs.count() == 2
    assert all(log.sent_at is not None for log in logs)


def test_one_reminder_per_teacher_and_course_per_week(
    coordinator_client, course, network, django_capture_on_commit_callbacks
):
    anna = network["not_started"]
    post_remind(coordinator_client, course, [anna], django_capture_on_commit_callbacks)
    post_remind(coordinator_client, course, [anna], django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert ReminderLog.objects.count() == 1
    # A week later she may be reminded again.
    ReminderLog.objects.update(created_at=ReminderLog.objects.get().created_at - timedelta(days=8))
    post_remind(coordinator_client, course, [anna], django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_no_reminder_when_the_course_is_closed(
    coordinator_client, course, network, django_capture_on_commit_callbacks
):
    course.enrollment_open = False
    course.save()
    post_remind(
        coordinator_client, course, [network["not_started"]], django_capture_on_commit_callbacks
    )
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()


def test_reminding_outside_ones_regions_is_refused_and_sends_nothing(
    coordinator_client, course, network, django_capture_on_commit_callbacks
):
    people = [network["not_started"], network["vidin_new"]]
    response = post_remind(coordinator_client, course, people, django_capture_on_commit_callbacks)
    assert response.status_code in (302, 403)
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()


def test_teachers_cannot_remind(client, course, network, django_capture_on_commit_callbacks):
    client.force_login(network["completed"])
    post_remind(client, course, [network["not_started"]], django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()


def test_remind_needs_post(coordinator_client, course, network):
    response = coordinator_client.get(
        REMIND, {"course": course.pk, "teacher": network["not_started"].pk}
    )
    assert response.status_code == 405
    assert not ReminderLog.objects.exists()


def test_no_teacher_chosen_gives_a_message(coordinator_client, course, network):
    response = coordinator_client.post(REMIND, {"course": course.pk}, follow=True)
    assert "Изберете поне един учител" in response.content.decode()


def test_reminder_history_is_on_the_teacher_page(
    coordinator_client, coordinator, course, network, django_capture_on_commit_callbacks
):
    anna = network["not_started"]
    post_remind(coordinator_client, course, [anna], django_capture_on_commit_callbacks)
    html = coordinator_client.get(reverse("drom_reports:teacher", args=[anna.pk])).content.decode()
    assert str(coordinator) in html
    assert "Все още няма напомняния." not in html


def test_service_refuses_non_coordinators(course, network):
    with pytest.raises(services.PermissionDenied):
        services.reminders_send(
            sender=network["completed"], course=course, teacher_ids=[network["not_started"].pk]
        )


def test_reminded_teacher_shows_the_date_and_cannot_be_ticked_again(
    coordinator_client, course, network, django_capture_on_commit_callbacks
):
    anna = network["not_started"]
    post_remind(coordinator_client, course, [anna], django_capture_on_commit_callbacks)
    html = coordinator_client.get(
        "/admin/coordinator-reports/", {"course": course.pk, "level": "teacher"}
    ).content.decode()
    assert "напомнено на " in html
    assert f'id="remind-{anna.pk}"' not in html
    assert f'id="remind-{network["enrolled"].pk}"' in html
    # After the throttle she can be ticked again; the date stays shown.
    ReminderLog.objects.update(created_at=ReminderLog.objects.get().created_at - timedelta(days=8))
    html = coordinator_client.get(
        "/admin/coordinator-reports/", {"course": course.pk, "level": "teacher"}
    ).content.decode()
    assert f'id="remind-{anna.pk}"' in html and "напомнено на " in html


def test_date_filters_are_bulgarian(coordinator_client, course, network):
    html = coordinator_client.get(
        "/admin/coordinator-reports/", {"course": course.pk, "enrolled_from": "01.11.2026"}
    ).content.decode()
    assert 'value="01.11.2026"' in html
    assert 'type="date"' not in html
    assert 'placeholder="дд.мм.гггг"' in html


def test_status_names_cannot_be_confused(coordinator_client, course, network):
    html = coordinator_client.get("/admin/coordinator-reports/", {"course": course.pk}).content
    html = html.decode()
    assert "Не са се записали" in html and "Записани, без напредък" in html
    assert "Не са започнали" not in html
