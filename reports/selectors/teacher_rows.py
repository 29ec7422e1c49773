"""The teacher list of a report: one row per teacher × course, enrolled or not, in one query.

A row comes from an enrollment or, for a teacher who never enrolled, from the teacher herself;
the two halves are a UNION, so they must select the same columns in the same order. The columns
are declared once, in TEACHER_COLUMNS, with where each half takes its value from.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import (
    CharField,
    DateField,
    DateTimeField,
    DecimalField,
    F,
    IntegerField,
    QuerySet,
    Subquery,
    Value,
)

from courses.models import Enrollment

from ..filters import NOT_STARTED, ReportFilters
from .scope import (
    active_assignment,
    not_started_teachers,
    scoped_enrollments,
    wants_enrollments,
    wants_not_started,
)


def _none(output_field):
    return Value(None, output_field=output_field)


def _zero():
    return Value(0, output_field=IntegerField())


#: (column, its value in an enrollment's row, its value in a not-started teacher's row)
TEACHER_COLUMNS = (
    ("r_teacher", F("teacher_id"), F("pk")),
    ("r_first", F("teacher__first_name"), F("first_name")),
    ("r_father", F("teacher__father_name"), F("father_name")),
    ("r_last", F("teacher__last_name"), F("last_name")),
    ("r_email", F("teacher__email"), F("email")),
    ("r_position", F("teacher__position"), F("position")),
    # An enrollment's school is the one at enrollment; a teacher's, her current one.
    ("r_school", F("school_id"), F("school_id")),
    ("r_school_code", F("school__code"), F("school__code")),
    ("r_school_name", F("school__name"), F("school__name")),
    ("r_municipality", F("school__municipality__name"), F("school__municipality__name")),
    (
        "r_district",
        F("school__municipality__district__name"),
        F("school__municipality__district__name"),
    ),
    (
        "r_region",
        F("school__municipality__district__region__name"),
        F("school__municipality__district__region__name"),
    ),
    ("r_status", F("status"), Value(NOT_STARTED, output_field=CharField())),
    ("r_enrolled", F("enrolled_at"), _none(DateTimeField())),
    ("r_percent", F("percent"), _zero()),
    ("r_last_activity", F("last_activity"), _none(DateTimeField())),
    ("r_best", F("best_quiz_score"), _none(DecimalField(max_digits=5, decimal_places=2))),
    ("r_attempts", F("quiz_attempts"), _zero()),
    ("r_completed", F("completed_at"), _none(DateTimeField())),
    ("r_hours", F("hours_earned"), _zero()),
    ("r_credits", F("credits_earned"), _zero()),
    ("r_certificate", F("certificate__number"), _none(CharField())),
    ("r_certificate_code", F("certificate__code"), _none(CharField())),
    # Filled in by teacher_rows (it depends on the course): the active assignment's due date.
    ("r_due", None, _none(DateField())),
)

#: the columns of a teacher row, in the order both halves of the UNION select them
ROW_FIELDS = tuple(name for name, _enrolled, _not_started in TEACHER_COLUMNS)

TEACHER_ORDERINGS = {
    "name": ("r_last", "r_first", "r_teacher"),
    "school": ("r_school_name", "r_last", "r_teacher"),
    "status": ("r_status", "r_last", "r_teacher"),
    "percent": ("r_percent", "r_last", "r_teacher"),
    "last_activity": ("r_last_activity", "r_last", "r_teacher"),
    "best_score": ("r_best", "r_last", "r_teacher"),
    "completed": ("r_completed", "r_last", "r_teacher"),
    "due": ("r_due", "r_last", "r_teacher"),
}

_ENROLLED, _NOT_STARTED = 1, 2
#: orderings whose columns both halves fill with typed values (see TeacherPages.__getitem__)
PUSHABLE = {"r_last", "r_school_name", "r_status", "r_percent"}


def _rows(queryset: QuerySet, source: int, filters: ReportFilters) -> QuerySet:
    columns = {column[0]: column[source] for column in TEACHER_COLUMNS}
    if source == _ENROLLED:
        columns["r_due"] = Subquery(active_assignment(filters).values("due_on")[:1])
    return queryset.annotate(**columns).values(*ROW_FIELDS).order_by()


def _parts(*, viewer, filters: ReportFilters) -> list[tuple[QuerySet, QuerySet]]:
    """(the half to count, its rows) for each half of the list the filters ask for."""
    parts = []
    if wants_enrollments(filters):
        enrollments = scoped_enrollments(viewer=viewer, filters=filters)
        parts.append((enrollments, _rows(enrollments, _ENROLLED, filters)))
    if wants_not_started(filters):
        teachers = not_started_teachers(viewer=viewer, filters=filters)
        parts.append((teachers, _rows(teachers, _NOT_STARTED, filters)))
    return parts


def _ordering_keys(ordering: str) -> tuple[str, ...]:
    keys = TEACHER_ORDERINGS.get(ordering.lstrip("-"), TEACHER_ORDERINGS["name"])
    if ordering.startswith("-"):
        keys = tuple(f"-{key}" for key in keys)
    return keys


def teacher_rows(*, viewer, filters: ReportFilters, ordering: str = "name") -> QuerySet:
    """One row (a dict) per teacher × course, enrolled or not, as one UNION query.

    What an export streams (every row, with iterator()); a screen pages TeacherPages instead.
    """
    parts = [rows for _count, rows in _parts(viewer=viewer, filters=filters)]
    if not parts:
        return Enrollment.objects.none().values(*ROW_FIELDS)
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return rows.order_by(*_ordering_keys(ordering))


class TeacherPages:
    """The teacher list as a screen pages it: the same rows as teacher_rows, read cheaply.

    At national scale the UNION costs its full width for every row before it can sort, count
    or cut a page (a second for 100,000 teachers). Here each half is counted on its own,
    without the place names, certificate and due date it would show, and a page is a UNION of
    each half already sorted and cut to the end of the page: sorted by name, PostgreSQL walks
    the teachers' name index and stops after a few hundred rows (schools migration 0006).
    Four queries whatever the size of the network. Databases that cannot sort and cut inside a
    UNION (SQLite) cut the full UNION instead.
    """

    ordered = True

    def __init__(self, *, viewer, filters: ReportFilters, ordering: str = "name"):
        self._parts = _parts(viewer=viewer, filters=filters)
        self._keys = _ordering_keys(ordering)
        self._count = None
        rows = [rows for _count, rows in self._parts]
        self.model = rows[0].model if rows else Enrollment

    def count(self) -> int:
        if self._count is None:
            self._count = sum(counted.order_by().count() for counted, _rows in self._parts)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("TeacherPages is read a page (a slice) at a time.")
        start, stop = index.start or 0, index.stop
        halves = [rows for _count, rows in self._parts]
        if not halves:
            return []
        if len(halves) == 1:
            return list(halves[0].order_by(*self._keys)[start:stop])
        connection = connections[halves[0].db]
        # A half sorted inside the UNION must not sort by a column the other half fills with
        # NULL (PostgreSQL then types that NULL as text and refuses the UNION): those orderings
        # cut the full UNION, as a database without the feature does.
        pushable = self._keys[0].lstrip("-") in PUSHABLE
        if (
            pushable
            and stop is not None
            and connection.features.supports_slicing_ordering_in_compound
        ):
            halves = [half.order_by(*self._keys)[:stop] for half in halves]
        rows = halves[0].union(*halves[1:], all=True).order_by(*self._keys)
        return list(rows[start:stop])
