"""Reads for the coordinator reports: side-effect free, keyword-only, scoped, aggregated in SQL.

A report row is one teacher × one course, and it belongs to one school:

* a teacher who enrolled belongs to the school recorded on the enrollment (history is never
  rewritten when she moves);
* a teacher who never enrolled ("not started") belongs to her current school.

So every teacher is counted exactly once, rates never pass 100 %, and the figures of the
schools add up to those of their municipality, district and region.

Whatever the number of schools or teachers, a summary costs two queries (enrollments grouped by
status, not-started teachers grouped) and a teacher list one query (a UNION of both) plus its
count. Nothing here reads LessonCompletion or QuizAttempt except the one teacher's page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import (
    CharField,
    Count,
    DateTimeField,
    DecimalField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone

from courses.models import CoursePage, Enrollment, QuizAttempt
from schools import scoping
from schools.models import User

from .filters import NOT_STARTED, UNFINISHED, ReportFilters
from .models import ReminderLog

LEVELS = ("region", "district", "municipality", "school", "teacher")

# The same path serves enrollments (school at enrollment) and teachers (current school).
_GEO = {
    "region": "school__municipality__district__region",
    "district": "school__municipality__district",
    "municipality": "school__municipality",
    "school": "school",
}

GROUP_ORDERINGS = (
    "name",
    "teachers",
    "not_started",
    "enrolled",
    "in_progress",
    "completed",
    "rate",
)

TEACHER_ORDERINGS = {
    "name": ("r_last", "r_first", "r_teacher"),
    "school": ("r_school_name", "r_last", "r_teacher"),
    "status": ("r_status", "r_last", "r_teacher"),
    "percent": ("r_percent", "r_last", "r_teacher"),
    "last_activity": ("r_last_activity", "r_last", "r_teacher"),
    "best_score": ("r_best", "r_last", "r_teacher"),
    "completed": ("r_completed", "r_last", "r_teacher"),
}

#: the columns of a teacher row, in the order both halves of the UNION select them
ROW_FIELDS = (
    "r_teacher",
    "r_first",
    "r_father",
    "r_last",
    "r_email",
    "r_position",
    "r_school",
    "r_school_code",
    "r_school_name",
    "r_municipality",
    "r_district",
    "r_region",
    "r_status",
    "r_enrolled",
    "r_percent",
    "r_last_activity",
    "r_best",
    "r_attempts",
    "r_completed",
    "r_hours",
    "r_credits",
    "r_certificate",
    "r_certificate_code",
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


# --- scoping and filters -------------------------------------------------------------------


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
    for name, path in _GEO.items():
        value = getattr(filters, name)
        if value is not None:
            query &= Q(**{path: value})
    if filters.network_member is not None:
        query &= Q(school__network_member=filters.network_member)
    return query


def _wants_enrollments(filters: ReportFilters) -> bool:
    return filters.status != NOT_STARTED


def _wants_not_started(filters: ReportFilters) -> bool:
    # Date ranges are about enrolling and completing: a teacher who never enrolled has neither.
    return filters.status in ("", NOT_STARTED, UNFINISHED) and not filters.has_dates


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
    return qs


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
    for name, path in _GEO.items():
        value = getattr(filters, name)
        if value is not None:
            lookup = path.removeprefix("school").removeprefix("__") or "pk"
            # The school filter holds a School; a pk lookup needs its id.
            place &= Q(**{lookup: getattr(value, "pk", value) if lookup == "pk" else value})
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
    if level not in _GEO:
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

    if _wants_enrollments(filters):
        status = Enrollment.Status
        counted = (
            scoped_enrollments(viewer=viewer, filters=filters)
            .values("school_id")
            .annotate(
                n_enrolled=Count("pk", filter=Q(status=status.ENROLLED)),
                n_in_progress=Count("pk", filter=Q(status=status.IN_PROGRESS)),
                n_completed=Count("pk", filter=Q(status=status.COMPLETED)),
            )
            .order_by()
        )
        for values in counted:
            group = row(values["school_id"])
            if group is not None:
                group.enrolled += values["n_enrolled"]
                group.in_progress += values["n_in_progress"]
                group.completed += values["n_completed"]
    if _wants_not_started(filters):
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
    return Summary(level=level, rows=rows, total=total)


def sort_groups(rows: list[GroupRow], ordering: str) -> list[GroupRow]:
    descending = ordering.startswith("-")
    key = ordering.lstrip("-")
    if key not in GROUP_ORDERINGS:
        key, descending = "name", False
    if key == "name":
        return sorted(rows, key=lambda r: (r.name.casefold(), r.pk or 0), reverse=descending)
    return sorted(rows, key=lambda r: (getattr(r, key), r.name.casefold()), reverse=descending)


# --- teacher rows --------------------------------------------------------------------------


def _none(output_field):
    return Value(None, output_field=output_field)


def teacher_rows(*, viewer, filters: ReportFilters, ordering: str = "name") -> QuerySet:
    """One row (a dict) per teacher × course, enrolled or not, as one UNION query.

    Sliceable and countable, so Django's Paginator pages it in the database.
    """
    enrolled_part = not_started_part = None
    if _wants_enrollments(filters):
        enrolled_part = (
            scoped_enrollments(viewer=viewer, filters=filters)
            .annotate(
                r_teacher=F("teacher_id"),
                r_first=F("teacher__first_name"),
                r_father=F("teacher__father_name"),
                r_last=F("teacher__last_name"),
                r_email=F("teacher__email"),
                r_position=F("teacher__position"),
                r_school=F("school_id"),
                r_school_code=F("school__code"),
                r_school_name=F("school__name"),
                r_municipality=F("school__municipality__name"),
                r_district=F("school__municipality__district__name"),
                r_region=F("school__municipality__district__region__name"),
                r_status=F("status"),
                r_enrolled=F("enrolled_at"),
                r_percent=F("percent"),
                r_last_activity=F("last_activity"),
                r_best=F("best_quiz_score"),
                r_attempts=F("quiz_attempts"),
                r_completed=F("completed_at"),
                r_hours=F("hours_earned"),
                r_credits=F("credits_earned"),
                r_certificate=F("certificate__number"),
                r_certificate_code=F("certificate__code"),
            )
            .values(*ROW_FIELDS)
            .order_by()
        )
    if _wants_not_started(filters):
        not_started_part = (
            not_started_teachers(viewer=viewer, filters=filters)
            .annotate(
                r_teacher=F("pk"),
                r_first=F("first_name"),
                r_father=F("father_name"),
                r_last=F("last_name"),
                r_email=F("email"),
                r_position=F("position"),
                r_school=F("school_id"),
                r_school_code=F("school__code"),
                r_school_name=F("school__name"),
                r_municipality=F("school__municipality__name"),
                r_district=F("school__municipality__district__name"),
                r_region=F("school__municipality__district__region__name"),
                r_status=Value(NOT_STARTED, output_field=CharField()),
                r_enrolled=_none(DateTimeField()),
                r_percent=Value(0, output_field=IntegerField()),
                r_last_activity=_none(DateTimeField()),
                r_best=_none(DecimalField(max_digits=5, decimal_places=2)),
                r_attempts=Value(0, output_field=IntegerField()),
                r_completed=_none(DateTimeField()),
                r_hours=Value(0, output_field=IntegerField()),
                r_credits=Value(0, output_field=IntegerField()),
                r_certificate=_none(CharField()),
                r_certificate_code=_none(CharField()),
            )
            .values(*ROW_FIELDS)
            .order_by()
        )
    if enrolled_part is not None and not_started_part is not None:
        rows = enrolled_part.union(not_started_part, all=True)
    else:
        rows = enrolled_part if enrolled_part is not None else not_started_part
    if rows is None:
        return Enrollment.objects.none().values(*ROW_FIELDS)
    descending = ordering.startswith("-")
    keys = TEACHER_ORDERINGS.get(ordering.lstrip("-"), TEACHER_ORDERINGS["name"])
    if descending:
        keys = tuple(f"-{key}" for key in keys)
    return rows.order_by(*keys)


# --- charts --------------------------------------------------------------------------------


def completions_by_month(*, viewer, filters: ReportFilters) -> list[tuple[dt.date, int]]:
    """How many of the filtered teachers completed the course each month (one query)."""
    if not _wants_enrollments(filters) or filters.status == UNFINISHED:
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


# --- one teacher ---------------------------------------------------------------------------


def teacher_for_report(*, viewer, teacher_id: int) -> User | None:
    """The teacher if the viewer may see her (a coordinator, never the teacher herself here)."""
    if not scoping.is_coordinator(viewer):
        return None
    return (
        scoping.teachers_visible_to(viewer)
        .select_related("school__municipality__district__region")
        .filter(pk=teacher_id)
        .first()
    )


@dataclass
class CourseProgress:
    course: CoursePage
    enrollment: Enrollment | None
    quizzes: list[dict]
    reminders: list[ReminderLog]


def teacher_progress(*, teacher: User) -> list[CourseProgress]:
    """Every report course with her enrollment (or none), per-quiz scores and reminders.

    Four queries however many courses, quizzes or attempts.
    """
    from .filters import report_courses

    courses = list(report_courses())
    enrollments = {
        e.course_id: e
        for e in Enrollment.objects.filter(teacher=teacher).select_related("certificate", "school")
    }
    quizzes: dict[int, list[dict]] = {}
    attempts = (
        QuizAttempt.objects.filter(enrollment__teacher=teacher, submitted_at__isnull=False)
        .values("enrollment_id", "quiz_id", "quiz__title")
        .annotate(best=Max("score"), used=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
        .order_by("quiz__path")
    )
    for values in attempts:
        quizzes.setdefault(values["enrollment_id"], []).append(values)
    reminders: dict[int, list[ReminderLog]] = {}
    for log in ReminderLog.objects.filter(teacher=teacher).select_related("sent_by"):
        reminders.setdefault(log.course_id, []).append(log)
    result = []
    for course in courses:
        enrollment = enrollments.get(course.pk)
        result.append(
            CourseProgress(
                course=course,
                enrollment=enrollment,
                quizzes=quizzes.get(enrollment.pk, []) if enrollment else [],
                reminders=reminders.get(course.pk, []),
            )
        )
    return result
