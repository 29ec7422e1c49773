"""Staff cancel a seminar session: every teacher booked or waiting gets an e-mail through the
outbox (the booked with a calendar cancellation), their bookings are cancelled so they may book
another session, and cancelling again mails nobody twice."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import SeminarBooking
from courses.seminars import services
from ops.models import OutgoingEmail
from tests.courses.seminar_builders import make_blended_course, make_session
from tests.factories import make_school, make_teacher

pytestmark = pytest.mark.django_db
Status = SeminarBooking.Status


@pytest.fixture
def booked(home_bg):
    _course, _lesson, seminar = make_blended_course(home_bg)
    session = make_session(seminar, capacity=1)
    school = make_school("BG-02", code="2096001")
    first = make_teacher(school, email="parva@example.test")
    second = make_teacher(school, email="vtora@example.test")
    services.seminar_book(teacher=first, session=session)
    services.seminar_book(teacher=second, session=session)  # on the waiting list
    OutgoingEmail.objects.all().delete()
    return seminar, session, first, second


def test_cancelling_a_session_tells_every_teacher_and_frees_them(
    booked, django_capture_on_commit_callbacks
):
    seminar, session, first, second = booked
    with django_capture_on_commit_callbacks(execute=True):
        assert services.seminar_session_cancel(session=session) == 2
    session.refresh_from_db()
    assert session.cancelled_at is not None
    assert set(SeminarBooking.objects.values_list("status", flat=True)) == {Status.CANCELLED}
    mails = {m.to_email: m for m in OutgoingEmail.objects.all()}
    assert set(mails) == {first.email, second.email}
    assert all("Сесията е отменена" in m.subject for m in mails.values())
    assert "отменена" in mails[second.email].body
    # Only the teacher who had a place gets the calendar's cancellation.
    assert mails[first.email].attachment_name == "seminar.ics"
    with mails[first.email].attachment.open("rb") as f:
        assert b"METHOD:CANCEL" in f.read()
    assert not mails[second.email].attachment_name
    # Delivered through the task queue once the transaction committed.
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}

    # Cancelling again mails nobody; and she may book another session of the seminar.
    assert services.seminar_session_cancel(session=session) == 0
    other = make_session(seminar, days=14)
    assert services.seminar_book(teacher=first, session=other).status == Status.BOOKED


def test_attendance_already_recorded_is_kept(booked):
    _seminar, session, first, _second = booked
    SeminarBooking.objects.filter(teacher=first).update(attendance="present")
    assert services.seminar_session_cancel(session=session) == 1
    assert SeminarBooking.objects.get(teacher=first).status == Status.BOOKED


def test_the_national_coordinator_cancels_in_the_admin_and_the_teachers_are_mailed(
    client, booked, national, django_capture_on_commit_callbacks
):
    _seminar, session, first, second = booked
    client.force_login(national)
    url = reverse("seminar_sessions:edit", args=[session.pk])
    form = client.get(url)
    assert form.status_code == 200
    local = timezone.localtime
    data = {
        "seminar": session.seminar_id,
        "starts_at": local(session.starts_at).strftime("%Y-%m-%d %H:%M"),
        "ends_at": local(session.ends_at).strftime("%Y-%m-%d %H:%M"),
        "region": "",
        "place": session.place or "Сливен",
        "meeting_url": "",
        "trainer": session.trainer_id,
        "capacity": session.capacity,
        "academic_hours": session.academic_hours,
        "cancelled_at": local(timezone.now() - timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M"),
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert set(OutgoingEmail.objects.values_list("to_email", flat=True)) == {
        first.email,
        second.email,
    }
