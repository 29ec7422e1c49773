"""Course completion counted per region, district, municipality or school, and per month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from courses.models import Enrollment
from schools import scoping

from ..filters import UNFINISHED, ReportFilters
from .scope import (
    GEO,
    active_assignment,
    not_started_teachers,
    scoped_enrollments,
    wants_enrollments,
    wants_not_started,
)

LEVELS = ("region", "district", "municipality", "school", "teacher")

GROUP_ORDERINGS = (
    "name",
    "teachers",
    "not_started",
    "enrolled",
    "in_progress",
    "completed",
    "rate",
    "assigned",
    "overdue",
)


@dataclass
class GroupRow:
    """One region, district, municipality or school of a course summary."""

    level: str
    pk: int | None
    name: str
    code: str = ""
    not_started: int = 0
    enrolled: int = 0
    in_progress: int = 0
    completed: int = 0
    #: teachers with an active assignment of the course; those past its due date, unfinished
    assigned: int = 0
    overdue: int = 0

    @property
    def teachers(self) -> int:
        return self.not_started + self.enrolled + self.in_progress + self.completed

    @property
    def unfinished(self) -> int:
        return self.teachers - self.completed

    @property
    def rate(self) -> float:
        """Completion rate in per cent (0 when nobody is counted)."""
        return round(100 * self.completed / self.teachers, 1) if self.teachers else 0.0


@dataclass
class Summary:
    level: str
    rows: list[GroupRow]
    total: GroupRow = field(default_factory=lambda: GroupRow(level="total", pk=None, name=""))


# --- summaries -----------------------------------------------------------------------------


def level_below(filters: ReportFilters) -> str:
    """The level a report shows: one deeper than the narrowest place chosen."""
    if filters.school is not None:
        return "teacher"
    if filters.municipality is not None:
        return "school"
    if filters.district is not None:
        return "municipality"
    if filters.region is not None:
        return "district"
    return "region"


_GROUP_COLUMNS = {
    "school": ("pk", "name", "code"),
    "municipality": ("municipality_id", "municipality__name", None),
    "district": (
        "municipality__district_id",
        "municipality__district__name",
        "municipality__district__code",
    ),
    "region": (
        "municipality__district__region_id",
        "municipality__district__region__name",
        "municipality__district__region__code",
    ),
}


def _school_groups(*, viewer, filters: ReportFilters, level: str) -> dict[int, tuple]:
    """school id → (group id, name, code) at ``level`` for the schools in scope and in the
    place filters: at most a few thousand short rows, read once to roll school counts up."""
    place = Q()
    for name, path in GEO.items():
        value = getattr(filters, name)
        if value is not None:
            place &= Q(**{path.removeprefix("school").removeprefix("__") or "pk": value.pk})
    if filters.network_member is not None:
        place &= Q(network_member=filters.network_member)
    pk, name, code = _GROUP_COLUMNS[level]
    columns = ["pk", pk, name] + ([code] if code else [])
    rows = scoping.schools_visible_to(viewer).filter(place).values_list(*columns).order_by()
    return {row[0]: (row[1], row[2], row[3] if code else "") for row in rows}


def course_summary(
    *, viewer, filters: ReportFilters, level: str, ordering: str = "name"
) -> Summary:
    """Counts per group at ``level`` (region … school), sorted by ``ordering``.

    Three queries whatever the size of the network: enrollments counted per school and status,
    not-started teachers counted per school (both without joining the place hierarchy, which
    keeps them cheap at national scale), and the schools in scope; school counts are then rolled
    up to the level in Python — a loop over schools, never over teachers.
    """
    if level not in GEO:
        raise ValueError(level)
    schools = _school_groups(viewer=viewer, filters=filters, level=level)
    groups: dict[int, GroupRow] = {}

    def row(school_id) -> GroupRow | None:
        group = schools.get(school_id)
        if group is None:  # outside the scope or the place filters: counted nowhere
            return None
        pk, name, code = group
        if pk not in groups:
            groups[pk] = GroupRow(level=level, pk=pk, name=name or "", code=code or "")
        return groups[pk]

    if wants_enrollments(filters):
        status = Enrollment.Status
        active = active_assignment(filters)
        late = active.filter(due_on__lt=timezone.localdate())
        counted = (
            scoped_enrollments(viewer=viewer, filters=filters)
            .values("school_id")
            .annotate(
                n_enrolled=Count("pk", filter=Q(status=status.ENROLLED)),
                n_in_progress=Count("pk", filter=Q(status=status.IN_PROGRESS)),
                n_completed=Count("pk", filter=Q(status=status.COMPLETED)),
                n_assigned=Count("pk", filter=Q(Exists(active))),
                n_overdue=Count("pk", filter=Q(Exists(late)) & ~Q(status=status.COMPLETED)),
            )
            .order_by()
        )
        for values in counted:
            group = row(values["school_id"])
            if group is not None:
                group.enrolled += values["n_enrolled"]
                group.in_progress += values["n_in_progress"]
                group.completed += values["n_completed"]
                group.assigned += values["n_assigned"]
                group.overdue += values["n_overdue"]
    if wants_not_started(filters):
        counted = (
            not_started_teachers(viewer=viewer, filters=filters)
            .values("school_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for values in counted:
            group = row(values["school_id"])
            if group is not None:
                group.not_started += values["n"]

    rows = sort_groups(list(groups.values()), ordering)
    total = GroupRow(level="total", pk=None, name="")
    for group in rows:
        total.not_started += group.not_started
        total.enrolled += group.enrolled
        total.in_progress += group.in_progress
        total.completed += group.completed
        total.assigned += group.assigned
        total.overdue += group.overdue
    return Summary(level=level, rows=rows, total=total)


def sort_groups(rows: list[GroupRow], ordering: str) -> list[GroupRow]:
    descending = ordering.startswith("-")
    key = ordering.lstrip("-")
    if key not in GROUP_ORDERINGS:
        key, descending = "name", False
    if key == "name":
        return sorted(rows, key=lambda r: (r.name.casefold(), r.pk or 0), reverse=descending)
    return sorted(rows, key=lambda r: (getattr(r, key), r.name.casefold()), reverse=descending)


# --- charts --------------------------------------------------------------------------------


def completions_by_month(*, viewer, filters: ReportFilters) -> list[tuple[dt.date, int]]:
    """How many of the filtered teachers completed the course each month (one query)."""
    if not wants_enrollments(filters) or filters.status == UNFINISHED:
        return []
    counted = (
        scoped_enrollments(viewer=viewer, filters=filters)
        .filter(status=Enrollment.Status.COMPLETED)
        .annotate(month=TruncMonth("completed_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    result = []
    for values in counted:
        month = values["month"]
        if isinstance(month, dt.datetime):
            month = timezone.localtime(month).date() if timezone.is_aware(month) else month.date()
        result.append((month, values["n"]))
    return result
