"""Which enrollments and teachers a report counts: the viewer's scope narrowed by the filters."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from courses.models import Assignment, Enrollment
from schools import scoping
from schools.models import User

from ..filters import (
    ASSIGNED,
    DUE_SOON,
    DUE_SOON_DAYS,
    NOT_STARTED,
    OVERDUE,
    UNFINISHED,
    ReportFilters,
)

# The same path serves enrollments (school at enrollment) and teachers (current school).
GEO = {
    "region": "school__municipality__district__region",
    "district": "school__municipality__district",
    "municipality": "school__municipality",
    "school": "school",
}


def _local_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _search_q(text: str, *, prefix: str) -> Q:
    """Every word must match a name or the e-mail.

    SQLite's LIKE folds case for ASCII only, so a Cyrillic word is also tried as written,
    lower-cased and capitalised (how names are stored); PostgreSQL folds everything anyway.
    """
    query = Q()
    for word in text.split()[:5]:
        variants = {word, word.lower(), word.capitalize()}
        word_q = Q()
        for variant in variants:
            for name in ("first_name", "father_name", "last_name", "email"):
                word_q |= Q(**{f"{prefix}{name}__icontains": variant})
        query &= word_q
    return query


def _place_q(filters: ReportFilters) -> Q:
    query = Q()
    for name, path in GEO.items():
        value = getattr(filters, name)
        if value is not None:
            query &= Q(**{path: value})
    if filters.network_member is not None:
        query &= Q(school__network_member=filters.network_member)
    return query


def active_assignment(filters: ReportFilters) -> QuerySet[Assignment]:
    """The course's active assignment of the enrollment's teacher (for Exists / Subquery)."""
    return Assignment.objects.active().filter(course=filters.course, teacher=OuterRef("teacher_id"))


def _assignment_q(filters: ReportFilters) -> Q:
    if not filters.assignment:
        return Q()
    active = active_assignment(filters)
    if filters.assignment == ASSIGNED:
        return Q(Exists(active))
    today = timezone.localdate()
    if filters.assignment == OVERDUE:
        due = active.filter(due_on__lt=today)
    elif filters.assignment == DUE_SOON:
        due = active.filter(due_on__gte=today, due_on__lte=today + dt.timedelta(DUE_SOON_DAYS))
    else:
        return Q()
    return Q(Exists(due)) & ~Q(status=Enrollment.Status.COMPLETED)


def wants_enrollments(filters: ReportFilters) -> bool:
    return filters.status != NOT_STARTED


def wants_not_started(filters: ReportFilters) -> bool:
    # Date ranges are about enrolling and completing: a teacher who never enrolled has neither;
    # an assigned teacher is always enrolled (assigning enrolls).
    return (
        filters.status in ("", NOT_STARTED, UNFINISHED)
        and not filters.has_dates
        and not filters.assignment
    )


def scoped_enrollments(*, viewer, filters: ReportFilters) -> QuerySet[Enrollment]:
    """The course's enrollments at schools the viewer may see, narrowed by the filters."""
    qs = Enrollment.objects.filter(
        course=filters.course, school__in=scoping.schools_visible_to(viewer)
    ).filter(_place_q(filters))
    if filters.position:
        qs = qs.filter(teacher__position=filters.position)
    if filters.status == UNFINISHED:
        qs = qs.exclude(status=Enrollment.Status.COMPLETED)
    elif filters.status and filters.status != NOT_STARTED:
        qs = qs.filter(status=filters.status)
    if filters.enrolled_from:
        qs = qs.filter(enrolled_at__gte=_local_start(filters.enrolled_from))
    if filters.enrolled_to:
        qs = qs.filter(enrolled_at__lt=_local_start(filters.enrolled_to + dt.timedelta(days=1)))
    if filters.completed_from:
        qs = qs.filter(completed_at__gte=_local_start(filters.completed_from))
    if filters.completed_to:
        qs = qs.filter(completed_at__lt=_local_start(filters.completed_to + dt.timedelta(days=1)))
    if filters.q:
        qs = qs.filter(_search_q(filters.q, prefix="teacher__"))
    return qs.filter(_assignment_q(filters))


def scoped_teachers(*, viewer) -> QuerySet[User]:
    """Active people attached to a school the viewer sees: schools.scoping's "teachers".

    Deliberately not a join on the Teachers group: at national scale that join over 100,000
    memberships triples the cost of every summary, and everyone attached to a school is
    school staff (sign-up and import both put them in the Teachers group).
    """
    return scoping.teachers_visible_to(viewer).filter(is_active=True, school__isnull=False)


def not_started_teachers(*, viewer, filters: ReportFilters) -> QuerySet[User]:
    """Teachers in scope who have no enrollment at all in the course."""
    enrolled = Enrollment.objects.filter(teacher=OuterRef("pk"), course=filters.course)
    qs = scoped_teachers(viewer=viewer).filter(~Exists(enrolled)).filter(_place_q(filters))
    if filters.position:
        qs = qs.filter(position=filters.position)
    if filters.q:
        qs = qs.filter(_search_q(filters.q, prefix=""))
    return qs
