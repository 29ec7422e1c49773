"""Writes with rules for seminars: booking (with its waiting list), cancelling, reminders and
the trainer's attendance register, which completes the step through courses.progress.

Keyword-only and atomic like courses.services; refusals raise CourseError with a message for the
person who asked. The session row is locked while places are counted, so two teachers booking
the last place at once cannot both get it.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schools import scoping
from schools.signals import people_touched

from ..access import enrollment_for
from ..models import Enrollment, SeminarBooking, SeminarSession
from ..services import CourseError, enrollment_create, enrollment_refresh
from ..steps import canonical
from . import mail

#: reminders go out this long before a session starts
REMINDER_AHEAD = timedelta(hours=24)

Status = SeminarBooking.Status
Attendance = SeminarBooking.Attendance


def _locked_session(session: SeminarSession) -> SeminarSession:
    return (
        SeminarSession.objects.select_for_update()
        .select_related("seminar", "trainer")
        .get(pk=session.pk)
    )


def _enrollment(teacher, seminar) -> Enrollment:
    course = seminar.get_parent().specific
    return enrollment_for(user=teacher, course=course) or enrollment_create(
        teacher=teacher, course=course
    )


@transaction.atomic
def seminar_book(*, teacher, session: SeminarSession) -> SeminarBooking:
    """Book a place at `session`, or a place on its waiting list when it is full (idempotent).

    The teacher is enrolled in the course if she is not yet; one live booking per seminar.
    """
    session = _locked_session(session)
    seminar = canonical(session.seminar)
    if session.cancelled_at is not None or not seminar.live:
        raise CourseError(_("This session has been cancelled."))
    if session.starts_at <= timezone.now():
        raise CourseError(_("This session has already started: booking is closed."))
    if not scoping.may_book_in_region(teacher, region_id=session.region_id):
        raise CourseError(_("This session is for the teachers of another region."))
    enrollment = _enrollment(teacher, seminar)
    live = SeminarBooking.objects.filter(teacher=teacher, seminar=seminar).exclude(
        status=Status.CANCELLED
    )
    existing = live.first()
    if existing is not None:
        if existing.session_id == session.pk:
            return existing
        raise CourseError(
            _("You have already booked another session of this seminar: cancel it first.")
        )
    taken = session.bookings.filter(status=Status.BOOKED).count()
    status = Status.BOOKED if taken < session.capacity else Status.WAITING
    try:
        with transaction.atomic():
            booking = SeminarBooking.objects.create(
                session=session,
                seminar=seminar,
                enrollment=enrollment,
                teacher=teacher,
                status=status,
            )
    except IntegrityError:  # a double click raced us: the booking exists
        return live.get()
    mail.booking_email(booking, kind=mail.CONFIRMED if status == Status.BOOKED else mail.WAITING)
    return booking


def cancel_deadline(session: SeminarSession):
    return session.starts_at - timedelta(hours=session.seminar.cancel_hours_before)


@transaction.atomic
def seminar_booking_cancel(*, booking: SeminarBooking, teacher) -> SeminarBooking:
    """The teacher gives up her place (or her place in the queue) until the seminar's deadline;
    a freed place goes to the first teacher waiting, who is told by e-mail."""
    session = _locked_session(booking.session)
    booking = SeminarBooking.objects.select_for_update().get(pk=booking.pk, teacher=teacher)
    if booking.status == Status.CANCELLED:
        return booking
    if booking.attendance:
        raise CourseError(_("Your attendance has been recorded: the booking cannot be cancelled."))
    if timezone.now() > cancel_deadline(session):
        raise CourseError(
            _("Bookings can be cancelled until %(hours)s hours before the session starts.")
            % {"hours": session.seminar.cancel_hours_before}
        )
    freed = booking.status == Status.BOOKED
    booking.status = Status.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["status", "cancelled_at"])
    if freed:
        first = session.bookings.filter(status=Status.WAITING).order_by("created_at", "pk").first()
        if first is not None:
            first.status = Status.BOOKED
            first.save(update_fields=["status"])
            mail.booking_email(first, kind=mail.PROMOTED)
    return booking


@transaction.atomic
def seminar_session_cancel(*, session: SeminarSession) -> int:
    """Staff cancel a session: the bookings without recorded attendance are cancelled (so the
    teachers may book another session) and every teacher booked or waiting gets an e-mail
    through the outbox. Idempotent: the bookings once cancelled are never mailed again. Returns the
    number of e-mails queued."""
    session = _locked_session(session)
    now = timezone.now()
    if session.cancelled_at is None:
        session.cancelled_at = now
        session.save(update_fields=["cancelled_at"])
    bookings = list(
        session.bookings.select_for_update(of=("self",))
        .filter(status__in=[Status.BOOKED, Status.WAITING], attendance="")
        .select_related("teacher", "session__seminar", "session__trainer")
    )
    for booking in bookings:
        booking.status_before = booking.status
        booking.status, booking.cancelled_at = Status.CANCELLED, now
    SeminarBooking.objects.bulk_update(bookings, ["status", "cancelled_at"])
    people_touched(__name__, [b.teacher_id for b in bookings])  # (no model signals in bulk)
    return mail.cancellations_queue(bookings)


@transaction.atomic
def seminar_reminders_send(*, now=None) -> int:
    """Remind every teacher booked for a session starting within REMINDER_AHEAD (once each)."""
    now = now or timezone.now()
    bookings = list(
        SeminarBooking.objects.select_for_update(of=("self",))
        .filter(
            status=Status.BOOKED,
            reminded_at__isnull=True,
            session__cancelled_at__isnull=True,
            session__starts_at__gt=now,
            session__starts_at__lte=now + REMINDER_AHEAD,
        )
        .select_related("teacher", "session__seminar", "session__trainer")
    )
    SeminarBooking.objects.filter(pk__in=[b.pk for b in bookings]).update(reminded_at=now)
    people_touched(__name__, [b.teacher_id for b in bookings])
    return mail.reminders_queue(bookings)


@dataclass(frozen=True)
class Mark:
    attendance: str
    hours: int


@transaction.atomic
def attendance_record(*, session: SeminarSession, trainer, marks: dict[int, Mark]) -> int:
    """Record the register of `session` (booking id → mark), kept by its own trainer from the
    day it takes place. Each teacher's step is completed through courses.progress; returns how
    many bookings changed."""
    session = _locked_session(session)
    if not scoping.can_take_attendance(trainer, trainer_id=session.trainer_id):
        raise CourseError(_("Only the trainer of this session may take its attendance."))
    if timezone.localdate(session.starts_at) > timezone.localdate():
        raise CourseError(_("Attendance can be taken from the day of the session."))
    bookings = {
        b.pk: b
        for b in session.bookings.select_for_update(of=("self",))
        .filter(status=Status.BOOKED, pk__in=marks)
        .select_related("enrollment__course")
    }
    changed = 0
    now = timezone.now()
    for pk, mark in marks.items():
        booking = bookings.get(pk)
        if booking is None:
            raise CourseError(_("This teacher is not booked for the session."))
        hours = {Attendance.PRESENT: session.academic_hours, Attendance.ABSENT: 0}.get(
            mark.attendance, mark.hours
        )
        if mark.attendance == Attendance.PARTLY and not 0 < hours < session.academic_hours:
            raise CourseError(
                _("Partly present: give the hours attended, from 1 to %(max)s.")
                % {"max": session.academic_hours - 1}
            )
        if (booking.attendance, booking.attended_hours) == (mark.attendance, hours):
            continue
        booking.attendance = mark.attendance
        booking.attended_hours = hours
        booking.attendance_by = trainer
        booking.attendance_at = now
        booking.save(
            update_fields=["attendance", "attended_hours", "attendance_by", "attendance_at"]
        )
        enrollment = Enrollment.objects.select_for_update().select_related("course")
        enrollment_refresh(enrollment=enrollment.get(pk=booking.enrollment_id))
        changed += 1
    return changed
