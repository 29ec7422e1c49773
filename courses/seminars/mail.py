"""E-mails about seminar bookings, in Bulgarian, through the ops outbox (delivered by a task once
the booking's transaction commits). A confirmed place comes with its calendar invitation."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from ops.addresses import public_url
from ops.mail import Attachment, email_queue, enqueue_delivery
from ops.models import OutgoingEmail

from ..models import SeminarBooking
from .ics import session_ics

CONFIRMED = "confirmed"
WAITING = "waiting"
PROMOTED = "promoted"
REMINDER = "reminder"
#: staff cancelled the session: every teacher booked or waiting is told (the booked with a
#: calendar cancellation)
SESSION_CANCELLED = "session_cancelled"


def _absolute(url: str) -> str:
    return url if url.startswith("http") else public_url(url)


def _context(booking: SeminarBooking) -> dict:
    session = booking.session
    return {
        "booking": booking,
        "session": session,
        "seminar": session.seminar,
        "starts": timezone.localtime(session.starts_at),
        "ends": timezone.localtime(session.ends_at),
        "url": _absolute(session.seminar.url or "/"),
    }


def booking_ics(booking: SeminarBooking) -> bytes:
    context = _context(booking)
    session = booking.session
    return session_ics(
        session=session,
        uid=f"drom-seminar-{session.pk}-{booking.pk}@drom",
        summary=session.seminar.title,
        description=render_to_string("courses/email/seminar_ics.txt", context).strip(),
        url=context["url"],
        cancelled=booking.status == SeminarBooking.Status.CANCELLED,
    )


def booking_email(booking: SeminarBooking, *, kind: str) -> OutgoingEmail:
    """Queue the e-mail about this booking (`kind`: confirmed, waiting or promoted)."""
    with translation.override("bg"):
        context = {**_context(booking), "kind": kind}
        attachment = None
        if kind in (CONFIRMED, PROMOTED):
            attachment = Attachment("seminar.ics", booking_ics(booking), "text/calendar")
        return email_queue(
            to=booking.teacher.email,
            subject=render_to_string("courses/email/seminar_subject.txt", context),
            body=render_to_string("courses/email/seminar_body.txt", context),
            kind=OutgoingEmail.Kind.REMINDER if kind == REMINDER else OutgoingEmail.Kind.OTHER,
            recipient=booking.teacher,
            attachment=attachment,
        )


def reminders_queue(bookings: list[SeminarBooking]) -> int:
    """Queue one reminder per booking and their delivery in batches (after the commit)."""
    ids = []
    with translation.override("bg"):
        for booking in bookings:
            context = {**_context(booking), "kind": REMINDER}
            email = email_queue(
                to=booking.teacher.email,
                subject=render_to_string("courses/email/seminar_subject.txt", context),
                body=render_to_string("courses/email/seminar_body.txt", context),
                kind=OutgoingEmail.Kind.REMINDER,
                recipient=booking.teacher,
                deliver=False,
            )
            ids.append(email.pk)
    enqueue_delivery(ids)
    return len(ids)


def ics_url(booking: SeminarBooking) -> str:
    return reverse("courses:booking_ics", args=[booking.pk])


def cancellations_queue(bookings: list[SeminarBooking]) -> int:
    """Tell each teacher of a cancelled session (one e-mail each, one delivery task per batch,
    after the commit); a teacher who had a place gets the calendar cancellation."""
    ids = []
    with translation.override("bg"):
        for booking in bookings:
            context = {**_context(booking), "kind": SESSION_CANCELLED}
            had_place = getattr(booking, "status_before", "") == SeminarBooking.Status.BOOKED
            attachment = None
            if had_place:
                attachment = Attachment("seminar.ics", booking_ics(booking), "text/calendar")
            email = email_queue(
                to=booking.teacher.email,
                subject=render_to_string("courses/email/seminar_subject.txt", context),
                body=render_to_string("courses/email/seminar_body.txt", context),
                kind=OutgoingEmail.Kind.OTHER,
                recipient=booking.teacher,
                attachment=attachment,
                deliver=False,
            )
            ids.append(email.pk)
    enqueue_delivery(ids)
    return len(ids)
