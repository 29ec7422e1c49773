"""Every course at once: per place and per teacher, status for each course, hours and credits
earned in the current attestation period, overdue assignments.

A fixed number of queries whatever the number of courses, schools and teachers: counts are read
per (school, course) and rolled up to the level in Python — a loop over schools × courses, never
over teachers. The teacher list reads one page (or one export chunk) of teachers and then their
enrollments and overdue assignments in one query each.

Counting follows the single-course report where it can: an enrolled teacher counts at the
school she enrolled at; one who never enrolled in a course counts, for that course, at her
current school.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from courses.models import Assignment, CoursePage, Enrollment
from courses.passport import attestation_period
from reports.models import EnrollmentTally, EnrollmentTallyByPosition
from schools import scoping
from schools.models import User

from ..filters import GEOGRAPHY, NOT_STARTED
from .scope import GEO
from .summary import _GROUP_COLUMNS

ALL_ORDERINGS = ("name", "teachers", "completed", "hours", "credits", "overdue")


@dataclass(frozen=True)
class AllCoursesFilters:
    courses: tuple[CoursePage, ...]
    region: object = None
    district: object = None
    municipality: object = None
    school: object = None
    network_member: bool | None = None
    position: str = ""


@dataclass
class CourseCell:
    teachers: int = 0
    enrolled: int = 0
    in_progress: int = 0
    completed: int = 0
    overdue: int = 0

    @property
    def not_started(self) -> int:
        return max(0, self.teachers - self.enrolled - self.in_progress - self.completed)

    @property
    def rate(self) -> float:
        return round(100 * self.completed / self.teachers, 1) if self.teachers else 0.0


@dataclass
class AllRow:
    level: str
    pk: int | None
    name: str
    code: str = ""
    teachers: int = 0
    hours: int = 0
    credits: int = 0
    cells: dict[int, CourseCell] = field(default_factory=dict)

    def cell(self, course_id: int) -> CourseCell:
        return self.cells.setdefault(course_id, CourseCell())

    @property
    def completed(self) -> int:
        return sum(c.completed for c in self.cells.values())

    @property
    def overdue(self) -> int:
        return sum(c.overdue for c in self.cells.values())


def period(today: dt.date | None = None) -> tuple[dt.datetime, dt.datetime]:
    start, end = attestation_period(today or timezone.localdate())
    aware = timezone.make_aware
    return aware(dt.datetime.combine(start, dt.time.min)), aware(
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min)
    )


def _place_q(filters: AllCoursesFilters, prefix: str) -> Q:
    query = Q()
    for name in GEOGRAPHY:
        value = getattr(filters, name)
        if value is not None:
            query &= Q(**{prefix + GEO[name]: value})
    if filters.network_member is not None:
        query &= Q(**{f"{prefix}school__network_member": filters.network_member})
    return query


def _teacher_q(*, viewer, filters: AllCoursesFilters, prefix: str) -> Q:
    """The report's teachers (in the viewer's scope, active, at a school, in the place and
    position filters) as a condition on `prefix` (a relation to the teacher, or "")."""
    query = scoping.teachers_visible_q(viewer, prefix=prefix) & Q(
        **{f"{prefix}is_active": True, f"{prefix}school__isnull": False}
    )
    query &= _place_q(filters, prefix)
    if filters.position:
        query &= Q(**{f"{prefix}position": filters.position})
    return query


def teachers_for(*, viewer, filters: AllCoursesFilters) -> QuerySet[User]:
    return User.objects.filter(_teacher_q(viewer=viewer, filters=filters, prefix=""))


def _school_place_q(filters: AllCoursesFilters) -> Q:
    """The place filters as a condition on schools."""
    place = Q()
    for name in GEOGRAPHY:
        value = getattr(filters, name)
        if value is not None:
            place &= Q(**{GEO[name].removeprefix("school").removeprefix("__") or "pk": value.pk})
    if filters.network_member is not None:
        place &= Q(network_member=filters.network_member)
    return place


def _school_groups(*, viewer, filters: AllCoursesFilters, level: str) -> dict[int, tuple]:
    pk, name, code = _GROUP_COLUMNS[level]
    columns = ["pk", pk, name] + ([code] if code else [])
    rows = (
        scoping.schools_visible_to(viewer)
        .filter(_school_place_q(filters))
        .values_list(*columns)
        .order_by()
    )
    return {row[0]: (row[1], row[2], row[3] if code else "") for row in rows}


def _in_report(viewer, filters: AllCoursesFilters) -> Q:
    """On a record's `school` (where one enrolled): a school of the report. For a coordinator
    on the tables the query joins already (a subquery repeated in six sums cost a third of the
    national summary); for anyone else through the list of schools."""
    visible = scoping.teachers_by_school_q(viewer, prefix="")
    if visible is None:
        schools = scoping.schools_visible_to(viewer).filter(_school_place_q(filters))
        return Q(school__in=schools.values("pk"))
    return visible & _place_q(filters, "")


def _at_school(level: str) -> str:
    """From a relation to a school to its group at `level` ("" for the school itself)."""
    path = _GROUP_COLUMNS[level][0]
    return "_id" if path == "pk" else f"__{path}"


_SUMS = (
    "sum_any",
    "sum_enrolled",
    "sum_in_progress",
    "sum_completed",
    "sum_hours",
    "sum_credits",
    "sum_overdue",
)


def _enrollment_counts(*, viewer, filters, course_ids, level):
    """(teacher's group, group enrolled at, course, enrollments, of them enrolled / in progress /
    completed at a school in the report, hours and credits earned there in the period,
    unfinished with an active assignment past due), from the enrollments themselves: for any
    viewer and filter."""
    start, end = period()
    status = Enrollment.Status
    here = _in_report(viewer, filters)
    in_period = here & Q(status=status.COMPLETED, completed_at__gte=start, completed_at__lt=end)
    # Assigning enrolls: an overdue assignment is an unfinished enrollment whose active
    # assignment is past its due date (as in the single-course report).
    late = Assignment.objects.active().filter(
        teacher=OuterRef("teacher_id"),
        course=OuterRef("course_id"),
        due_on__lt=timezone.localdate(),
    )
    at = _at_school(level)
    return (
        Enrollment.objects.filter(course_id__in=course_ids)
        .filter(_teacher_q(viewer=viewer, filters=filters, prefix="teacher__"))
        .values_list(f"teacher__school{at}", f"school{at}", "course_id")
        .annotate(
            sum_any=Count("pk"),
            sum_enrolled=Count("pk", filter=here & Q(status=status.ENROLLED)),
            sum_in_progress=Count("pk", filter=here & Q(status=status.IN_PROGRESS)),
            sum_completed=Count("pk", filter=here & Q(status=status.COMPLETED)),
            sum_hours=Sum("hours_earned", filter=in_period),
            sum_credits=Sum("credits_earned", filter=in_period),
            sum_overdue=Count("pk", filter=~Q(status=status.COMPLETED) & Q(Exists(late))),
        )
        .order_by()
        .values_list(f"teacher__school{at}", f"school{at}", "course_id", *_SUMS)
    )


def _tally_serves(viewer) -> bool:
    """The tally counts active teachers with a school, per school: it answers for viewers whose
    scope is a set of schools (national and regional coordinators)."""
    return scoping.teachers_by_school_q(viewer, prefix="") is not None


#: a filter of the report → the tally's column for it, on the teacher's side ("teacher_" + it)
#: and on the side of the school enrolled at
_TALLY_PLACES = {
    "region": "region",
    "district": "district",
    "municipality": "municipality",
    "school": "school",
}


def _tally_places(viewer, filters: AllCoursesFilters, side: str) -> Q:
    """Scope and place filters on one side's place columns of the tally."""
    if scoping.is_national(viewer):  # every region: only "at a school at all" is left to ask
        query = Q() if side == "teacher_" else Q(**{f"{side}region__isnull": False})
    else:
        query = Q(**{f"{side}region__in": scoping.regions_visible_to(viewer)})
    for name, column in _TALLY_PLACES.items():
        value = getattr(filters, name)
        if value is not None:
            query &= Q(**{f"{side}{column}": value})
    if filters.network_member is not None:
        query &= Q(**{f"{side}school__network_member": filters.network_member})
    return query


def _tally_counts(*, viewer, filters, course_ids, level):
    """The rows of `_enrollment_counts`, from the tally (kept by reports/tally/; the one by
    position for a position filter): one scan, no join (places are columns of the tally)."""
    first, _last = attestation_period(timezone.localdate())
    here = _tally_places(viewer, filters, "")
    in_period = here & Q(period=first.year)
    column = _TALLY_PLACES[level]

    unfinished = F("n_enrolled") + F("n_in_progress")
    if filters.position:
        rows = EnrollmentTallyByPosition.objects.filter(position=filters.position)
    else:
        rows = EnrollmentTally.objects.all()
    return (
        rows.filter(course_id__in=course_ids)
        .filter(_tally_places(viewer, filters, "teacher_"))
        .values_list(f"teacher_{column}_id", f"{column}_id", "course_id")
        .annotate(
            sum_any=Sum(unfinished + F("n_completed")),
            sum_enrolled=Sum("n_enrolled", filter=here),
            sum_in_progress=Sum("n_in_progress", filter=here),
            sum_completed=Sum("n_completed", filter=here),
            sum_hours=Sum("hours", filter=in_period),
            sum_credits=Sum("credits", filter=in_period),
            sum_overdue=Sum(unfinished, filter=Q(due_on__lt=timezone.localdate())),
        )
        .order_by()
        .values_list(f"teacher_{column}_id", f"{column}_id", "course_id", *_SUMS)
    )


def all_courses_summary(
    *, viewer, filters: AllCoursesFilters, level: str, ordering: str = "name"
) -> tuple[list[AllRow], AllRow]:
    """Rows at `level` (region … school) and their total, in three queries.

    Counted per group of the level and course in the database (at national level 6 regions ×
    the courses, not 2,500 schools × the courses: reading 100,000 grouped rows into Python cost
    seconds at national scale). The enrollments are counted grouped both by the teacher's
    current place (to find who never enrolled there) and by the place she enrolled at (her
    status, hours and credits), with the overdue assignments: from the enrollment tally for
    coordinators (reports/tally/: 300,000 enrollments and their teachers were 600–900 ms of
    SQL at national scale), from the enrollments for anyone else.
    """
    schools = _school_groups(viewer=viewer, filters=filters, level=level)
    places = {pk: (name, code) for pk, name, code in schools.values()}
    course_ids = [c.pk for c in filters.courses]
    groups: dict[int, AllRow] = {}
    total = AllRow(level="total", pk=None, name="")

    def row(pk) -> AllRow | None:
        place = places.get(pk)
        if place is None:
            return None
        if pk not in groups:
            name, code = place
            groups[pk] = AllRow(level=level, pk=pk, name=name or "", code=code or "")
        return groups[pk]

    # Teachers per school (no joins; 2,500 rows at national scale), added up per group here.
    per_group = defaultdict(int)
    teachers = teachers_for(viewer=viewer, filters=filters)
    for school_id, n in teachers.values_list("school_id").annotate(n=Count("pk")).order_by():
        if school_id in schools:
            per_group[schools[school_id][0]] += n
    enrolled_here: dict[tuple[int, int], int] = defaultdict(int)
    source = _tally_counts if _tally_serves(viewer) else _enrollment_counts
    counted = source(viewer=viewer, filters=filters, course_ids=course_ids, level=level)
    for current, enrolled_at, course_id, n_any, *counts, hours, credits, n_overdue in counted:
        enrolled_here[current, course_id] += n_any or 0
        if n_overdue and (group := row(current)) is not None:
            group.cell(course_id).overdue += n_overdue
        n_enrolled, n_in_progress, n_completed = (n or 0 for n in counts)
        if not (n_enrolled or n_in_progress or n_completed) or (group := row(enrolled_at)) is None:
            continue
        cell = group.cell(course_id)
        cell.enrolled += n_enrolled
        cell.in_progress += n_in_progress
        cell.completed += n_completed
        cell.teachers += n_enrolled + n_in_progress + n_completed
        group.hours += hours or 0
        group.credits += credits or 0
    for pk, count in per_group.items():
        group = row(pk)
        if group is None:
            continue
        group.teachers += count
        for course_id in course_ids:
            not_enrolled = count - enrolled_here.get((pk, course_id), 0)
            group.cell(course_id).teachers += not_enrolled
    rows = list(groups.values())
    for group in rows:
        total.teachers += group.teachers
        total.hours += group.hours
        total.credits += group.credits
        for course_id, cell in group.cells.items():
            into = total.cell(course_id)
            for name in ("teachers", "enrolled", "in_progress", "completed", "overdue"):
                setattr(into, name, getattr(into, name) + getattr(cell, name))
    return sort_rows(rows, ordering), total


def sort_rows(rows: list[AllRow], ordering: str) -> list[AllRow]:
    descending = ordering.startswith("-")
    key = ordering.lstrip("-")
    if key not in ALL_ORDERINGS:
        key, descending = "name", False
    if key == "name":
        return sorted(rows, key=lambda r: (r.name.casefold(), r.pk or 0), reverse=descending)
    return sorted(rows, key=lambda r: (getattr(r, key), r.name.casefold()), reverse=descending)


@dataclass
class TeacherLine:
    teacher: User
    statuses: dict[int, str] = field(default_factory=dict)
    overdue: dict[int, dt.date] = field(default_factory=dict)
    hours: int = 0
    credits: int = 0


def teacher_lines(*, teachers: list[User], course_ids: list[int]) -> list[TeacherLine]:
    """One line per teacher (a page or a chunk of them): two queries whatever their number."""
    lines = {t.pk: TeacherLine(teacher=t) for t in teachers}
    start, end = period()
    for e in Enrollment.objects.filter(teacher_id__in=lines, course_id__in=course_ids).values(
        "teacher_id", "course_id", "status", "completed_at", "hours_earned", "credits_earned"
    ):
        line = lines[e["teacher_id"]]
        line.statuses[e["course_id"]] = e["status"]
        if e["status"] == Enrollment.Status.COMPLETED and start <= e["completed_at"] < end:
            line.hours += e["hours_earned"]
            line.credits += e["credits_earned"]
    for a in (
        Assignment.objects.active()
        .filter(teacher_id__in=lines, course_id__in=course_ids, due_on__lt=timezone.localdate())
        .values("teacher_id", "course_id", "due_on")
    ):
        line = lines[a["teacher_id"]]
        if line.statuses.get(a["course_id"]) != Enrollment.Status.COMPLETED:
            line.overdue[a["course_id"]] = a["due_on"]
    for line in lines.values():
        for course_id in course_ids:
            line.statuses.setdefault(course_id, NOT_STARTED)
    return list(lines.values())
