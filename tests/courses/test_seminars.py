"""Seminar steps: booking with a waiting list, cancelling, the region rule, invitations and
reminders through the outbox, attendance by the session's trainer completing the course."""

from datetime import UTC, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrollment, SeminarBooking
from courses.seminars import services
from courses.services import CourseError, enrollment_create
from ops.models import OutgoingEmail
from tests.courses.seminar_builders import make_blended_course, make_session
from tests.factories import make_school, make_teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def blended(home_bg):
    return make_blended_course(home_bg)


@pytest.fixture
def burgas_teacher(db):
    return make_teacher(make_school("BG-02", code="2099001"), email="burgas@example.test")


@pytest.fixture
def sofia_teacher(db):
    return make_teacher(make_school("BG-22", code="2299001"), email="sofia@example.test")


def book_via_page(client, session):
    return client.post(reverse("courses:seminar_book", args=[session.pk]), follow=True)


def test_a_teacher_books_from_the_page_and_gets_the_invitation(client, blended, burgas_teacher):
    _course, _lesson, seminar = blended
    session = make_session(seminar, region_code="BG34")
    enrollment_create(teacher=burgas_teacher, course=_course)
    client.force_login(burgas_teacher)
    page = client.get(seminar.url)
    assert page.status_code == 200
    assert session.place in page.text

    response = book_via_page(client, session)
    assert response.status_code == 200
    booking = SeminarBooking.objects.get(teacher=burgas_teacher)
    assert booking.status == SeminarBooking.Status.BOOKED
    # Booking enrolls her in the course.
    assert Enrollment.objects.filter(teacher=burgas_teacher, course=_course).count() == 1
    email = OutgoingEmail.objects.get(recipient=burgas_teacher)
    assert email.attachment_name == "seminar.ics"
    assert "Семинар" in email.subject
    with email.attachment.open("rb") as f:
        invitation = f.read().decode()
    assert "BEGIN:VEVENT" in invitation
    assert f"DTSTART:{session.starts_at.astimezone(UTC):%Y%m%dT%H%M%SZ}" in invitation

    ics = client.get(reverse("courses:booking_ics", args=[booking.pk]))
    assert ics["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:\xd0\xa1\xd0\xb5\xd0\xbc\xd0\xb8\xd0\xbd\xd0\xb0\xd1\x80" in ics.content


def test_booking_twice_is_one_booking_and_a_second_session_is_refused(blended, burgas_teacher):
    _course, _lesson, seminar = blended
    first = make_session(seminar)
    second = make_session(seminar, days=9)
    assert services.seminar_book(teacher=burgas_teacher, session=first) == services.seminar_book(
        teacher=burgas_teacher, session=first
    )
    with pytest.raises(CourseError, match="друга сесия"):
        services.seminar_book(teacher=burgas_teacher, session=second)


def test_a_full_session_puts_teachers_on_the_waiting_list_and_a_cancel_promotes_the_first(
    blended, burgas_teacher
):
    _course, _lesson, seminar = blended
    session = make_session(seminar, capacity=1)
    second = make_teacher(burgas_teacher.school, email="second@example.test")
    third = make_teacher(burgas_teacher.school, email="third@example.test")
    first_booking = services.seminar_book(teacher=burgas_teacher, session=session)
    second_booking = services.seminar_book(teacher=second, session=session)
    services.seminar_book(teacher=third, session=session)
    assert second_booking.status == SeminarBooking.Status.WAITING

    services.seminar_booking_cancel(booking=first_booking, teacher=burgas_teacher)
    second_booking.refresh_from_db()
    assert second_booking.status == SeminarBooking.Status.BOOKED
    assert SeminarBooking.objects.get(teacher=third).status == SeminarBooking.Status.WAITING
    promoted = OutgoingEmail.objects.filter(recipient=second).order_by("pk").last()
    assert promoted.attachment_name == "seminar.ics"


def test_cancelling_after_the_deadline_is_refused(client, blended, burgas_teacher):
    _course, _lesson, seminar = blended
    session = make_session(seminar, days=1)  # 24 hours away; the seminar allows 48
    booking = services.seminar_book(teacher=burgas_teacher, session=session)
    client.force_login(burgas_teacher)
    response = client.post(reverse("courses:booking_cancel", args=[booking.pk]), follow=True)
    assert "48 часа" in response.text
    booking.refresh_from_db()
    assert booking.status == SeminarBooking.Status.BOOKED


def test_a_session_in_another_region_cannot_be_booked(client, blended, sofia_teacher):
    _course, _lesson, seminar = blended
    session = make_session(seminar, region_code="BG34")
    enrollment_create(teacher=sofia_teacher, course=_course)
    client.force_login(sofia_teacher)
    page = client.get(seminar.url)
    assert reverse("courses:seminar_book", args=[session.pk]) not in page.text
    response = book_via_page(client, session)
    assert "друг регион" in response.text
    assert not SeminarBooking.objects.exists()


def test_someone_else_cannot_cancel_or_download_a_booking(client, blended, burgas_teacher):
    _course, _lesson, seminar = blended
    booking = services.seminar_book(teacher=burgas_teacher, session=make_session(seminar))
    other = make_teacher(burgas_teacher.school, email="other@example.test")
    client.force_login(other)
    assert client.post(reverse("courses:booking_cancel", args=[booking.pk])).status_code == 404
    assert client.get(reverse("courses:booking_ics", args=[booking.pk])).status_code == 404


def test_reminders_go_out_once_for_sessions_within_a_day(blended, burgas_teacher, sofia_teacher):
    _course, _lesson, seminar = blended
    soon = make_session(seminar, days=0, hours=2)
    soon.starts_at = timezone.now() + timedelta(hours=5)
    soon.ends_at = soon.starts_at + timedelta(hours=2)
    soon.save()
    later = make_session(seminar, days=10)
    services.seminar_book(teacher=burgas_teacher, session=soon)
    services.seminar_book(teacher=sofia_teacher, session=later)
    call_command("send_seminar_reminders")
    call_command("send_seminar_reminders")
    reminders = OutgoingEmail.objects.filter(kind=OutgoingEmail.Kind.REMINDER)
    assert [e.recipient for e in reminders] == [burgas_teacher]
    assert "Напомняне" in reminders[0].subject


def test_cancelling_frees_the_place_for_booking_again(blended, burgas_teacher):
    _course, _lesson, seminar = blended
    session = make_session(seminar)
    booking = services.seminar_book(teacher=burgas_teacher, session=session)
    services.seminar_booking_cancel(booking=booking, teacher=burgas_teacher)
    again = services.seminar_book(teacher=burgas_teacher, session=session)
    assert again.pk != booking.pk and again.status == SeminarBooking.Status.BOOKED


@pytest.mark.parametrize("size", [1, 8])
def test_the_seminar_page_costs_the_same_queries_for_1_or_8_sessions(
    client, blended, burgas_teacher, size, django_assert_num_queries
):
    course, _lesson, seminar = blended
    sessions = [make_session(seminar, days=7 + n) for n in range(size)]
    for n, session in enumerate(sessions):
        services.seminar_book(teacher=make_teacher(email=f"s{n}@example.test"), session=session)
    enrollment_create(teacher=burgas_teacher, course=course)
    client.force_login(burgas_teacher)
    client.get(seminar.url)
    with django_assert_num_queries(SEMINAR_PAGE_QUERIES):
        response = client.get(seminar.url)
    assert response.text.count('class="session') == size


# Wagtail routing and the menu, the course state (as a lesson), sessions, the booking, region.
# 13 since routes, outline and header links are remembered (cms.caching), whatever the sessions;
# 11 since a course without quizzes reads no quiz attempts (courses.progress) and a step not
# finished reads no completion.
SEMINAR_PAGE_QUERIES = 11
