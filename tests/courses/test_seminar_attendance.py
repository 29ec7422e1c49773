"""The trainer's register: only the session's own trainer keeps it, on a plain form (no script);
attendance completes the seminar step and the certificate shows the split of hours."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Certificate, Enrollment, SeminarBooking
from courses.seminars import services
from courses.services import lesson_complete
from tests.courses.seminar_builders import make_blended_course, make_session
from tests.factories import TrainerFactory, make_teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def blended(home_bg):
    return make_blended_course(home_bg)


@pytest.fixture
def trainer(db):
    return TrainerFactory(email="trainer@example.test")


@pytest.fixture
def today_session(blended, trainer):
    """A session that started an hour ago, booked by one teacher who finished the lesson."""
    _course, lesson, seminar = blended
    session = make_session(seminar, trainer=trainer, hours=8)
    teacher = make_teacher(email="booked@example.test")
    booking = services.seminar_book(teacher=teacher, session=session)
    lesson_complete(enrollment=booking.enrollment, lesson=lesson)
    session.starts_at = timezone.now() - timedelta(hours=1)
    session.ends_at = session.starts_at + timedelta(hours=8)
    session.save()
    return session, booking


def register_url(session):
    return reverse("courses:session_attendance", args=[session.pk])


def test_the_trainer_marks_present_and_the_teacher_gets_the_split_certificate(
    client, trainer, today_session
):
    session, booking = today_session
    client.force_login(trainer)
    listing = client.get(reverse("courses:trainer_sessions"))
    assert register_url(session) in listing.text
    page = client.get(register_url(session))
    assert page.status_code == 200
    assert f'name="attendance-{booking.pk}"' in page.text

    response = client.post(register_url(session), {f"attendance-{booking.pk}": "present"})
    assert response.status_code == 302
    enrollment = Enrollment.objects.get(pk=booking.enrollment_id)
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert (enrollment.hours_earned, enrollment.in_person_hours) == (16, 8)
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.hours_display == "16 (8 ч. присъствено + 8 ч. самостоятелно)"

    client.force_login(booking.teacher)
    learning = client.get(reverse("courses:my_learning"))
    assert "8 ч. присъствено + 8 ч. самостоятелно" in learning.text
    passport = client.get(reverse("courses:passport_csv"))
    assert "8 ч. присъствено + 8 ч. самостоятелно" in passport.content.decode()


def test_partly_present_counts_the_hours_attended(client, trainer, today_session):
    session, booking = today_session
    client.force_login(trainer)
    client.post(
        register_url(session),
        {f"attendance-{booking.pk}": "partly", f"hours-{booking.pk}": "6"},
    )
    enrollment = Enrollment.objects.get(pk=booking.enrollment_id)
    # 6 of 8 hours is 75 %, the seminar's threshold: the step is done, 2 hours are not certified.
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert (enrollment.hours_earned, enrollment.in_person_hours) == (14, 6)
    assert enrollment.credits_earned == 0  # 14 hours are less than one credit's 16


def test_too_few_hours_or_absent_leave_the_step_open(client, trainer, today_session):
    session, booking = today_session
    client.force_login(trainer)
    client.post(
        register_url(session), {f"attendance-{booking.pk}": "partly", f"hours-{booking.pk}": "2"}
    )
    assert Enrollment.objects.get(pk=booking.enrollment_id).status != "completed"
    client.post(register_url(session), {f"attendance-{booking.pk}": "absent"})
    booking.refresh_from_db()
    assert (booking.attendance, booking.attended_hours) == ("absent", 0)
    assert Enrollment.objects.get(pk=booking.enrollment_id).status != "completed"


def test_bad_hours_are_refused_in_bulgarian_and_nothing_is_saved(client, trainer, today_session):
    session, booking = today_session
    client.force_login(trainer)
    response = client.post(
        register_url(session), {f"attendance-{booking.pk}": "partly", f"hours-{booking.pk}": "99"}
    )
    assert response.status_code == 400
    assert "от 1 до 7" in response.text
    # What was typed is kept.
    assert 'value="partly" checked' in response.text
    booking.refresh_from_db()
    assert booking.attendance == ""


@pytest.mark.parametrize("who", ["other_trainer", "teacher", "coordinator", "national"])
def test_nobody_but_the_sessions_trainer_sees_or_keeps_its_register(
    client, today_session, who, coordinator, national
):
    session, booking = today_session
    person = {
        "other_trainer": TrainerFactory(email="other-trainer@example.test"),
        "teacher": booking.teacher,
        "coordinator": coordinator,
        "national": national,
    }[who]
    client.force_login(person)
    assert client.get(register_url(session)).status_code == 403
    response = client.post(register_url(session), {f"attendance-{booking.pk}": "present"})
    assert response.status_code == 403
    booking.refresh_from_db()
    assert booking.attendance == ""
    if who != "other_trainer":
        assert client.get(reverse("courses:trainer_sessions")).status_code == 403
    else:
        assert register_url(session) not in client.get(reverse("courses:trainer_sessions")).text


def test_anonymous_visitors_are_sent_to_log_in(client, today_session):
    session, _booking = today_session
    response = client.get(register_url(session))
    assert response.status_code == 302 and "/login" in response["Location"]


def test_attendance_is_not_taken_before_the_day(client, trainer, blended):
    _course, _lesson, seminar = blended
    session = make_session(seminar, trainer=trainer, days=3)
    booking = services.seminar_book(teacher=make_teacher(), session=session)
    client.force_login(trainer)
    response = client.post(
        register_url(session), {f"attendance-{booking.pk}": "present"}, follow=True
    )
    assert "от деня на сесията" in response.text
    booking.refresh_from_db()
    assert booking.attendance == ""


def test_a_recorded_booking_cannot_be_cancelled(trainer, today_session):
    session, booking = today_session
    services.attendance_record(
        session=session, trainer=trainer, marks={booking.pk: services.Mark("present", 0)}
    )
    session.starts_at = timezone.now() + timedelta(days=10)  # even before the deadline
    session.ends_at = session.starts_at + timedelta(hours=8)
    session.save()
    with pytest.raises(services.CourseError):
        services.seminar_booking_cancel(booking=booking, teacher=booking.teacher)
    assert SeminarBooking.objects.get(pk=booking.pk).status == "booked"


@pytest.mark.parametrize("size", [1, 12])
def test_the_register_costs_the_same_queries_for_1_or_12_teachers(
    client, trainer, blended, size, django_assert_num_queries
):
    _course, _lesson, seminar = blended
    session = make_session(seminar, trainer=trainer)
    for n in range(size):
        services.seminar_book(teacher=make_teacher(email=f"t{n}@example.test"), session=session)
    client.force_login(trainer)
    client.get(register_url(session))  # warm the session and site caches
    with django_assert_num_queries(7):
        assert client.get(register_url(session)).status_code == 200
