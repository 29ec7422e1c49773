"""Reads for seminars, side-effect free, in a constant number of queries."""

from django.db.models import Count, Q
from django.utils import timezone

from schools import scoping

from ..models.seminars import SeminarBooking, SeminarSession
from ..selectors import lesson_context
from ..steps import canonical

Status = SeminarBooking.Status


def sessions_with_places(queryset):
    """Sessions with their places taken and their waiting list counted (in the same query)."""
    return queryset.select_related("seminar", "trainer", "region").annotate(
        taken=Count("bookings", filter=Q(bookings__status=Status.BOOKED)),
        waiting=Count("bookings", filter=Q(bookings__status=Status.WAITING)),
    )


def seminar_context(*, seminar, enrollment, user) -> dict:
    """The seminar step page: its sessions with free places, the teacher's booking, and for each
    session whether she may book it (the region rule of schools.scoping)."""
    context = lesson_context(lesson=seminar, enrollment=enrollment)
    source = canonical(seminar)
    sessions = list(
        sessions_with_places(
            SeminarSession.objects.filter(seminar=source, cancelled_at__isnull=True)
        ).order_by("starts_at", "pk")
    )
    booking = None
    if getattr(user, "is_authenticated", False):
        booking = (
            SeminarBooking.objects.filter(teacher=user, seminar=source)
            .exclude(status=Status.CANCELLED)
            .select_related("session")
            .first()
        )
    now = timezone.now()
    my_region = scoping.teacher_region_id(user)
    is_teacher = scoping.is_teacher(user)
    rows = [
        {
            "session": s,
            "free": max(0, s.capacity - s.taken),
            "mine": booking is not None and booking.session_id == s.pk,
            "can_book": is_teacher
            and booking is None
            and s.starts_at > now
            and (s.region_id is None or s.region_id == my_region),
        }
        for s in sessions
    ]
    context.update({"sessions": rows, "booking": booking, "seminar_source": source, "now": now})
    return context


def trainer_sessions(*, trainer) -> list[SeminarSession]:
    """The sessions a trainer leads (the register's entry screen), newest first."""
    if not scoping.is_trainer(trainer):
        return []
    return list(
        sessions_with_places(SeminarSession.objects.filter(trainer=trainer)).order_by(
            "-starts_at", "-pk"
        )
    )


def session_register(*, session: SeminarSession) -> list[SeminarBooking]:
    """The teachers booked for a session, with their schools, by name (one query)."""
    return list(
        session.bookings.filter(status=Status.BOOKED)
        .select_related("teacher", "teacher__school")
        .order_by("teacher__last_name", "teacher__first_name", "pk")
    )


def bookings_visible_to(user):
    """Bookings of the teachers a coordinator may see (none for anyone else), with everything a
    report row shows, for the reports and their exports."""
    return (
        SeminarBooking.objects.filter(teacher__in=scoping.bookings_scope(user))
        .select_related(
            "teacher",
            "enrollment__school",
            "session__seminar",
            "session__trainer",
            "session__region",
        )
        .order_by("-session__starts_at", "session_id", "teacher__last_name", "pk")
    )
