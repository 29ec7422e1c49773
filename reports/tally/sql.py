"""The SQL of the enrollment tally's triggers, for SQLite and PostgreSQL (see reports.tally).

Every statement is built from this module's own constants (table and column names): no input
reaches it.
"""

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

from django.conf import settings

from courses.passport import PERIOD_YEARS

#: the tallies: table → key columns taken from the teacher besides the common key. The one by
#: position serves the position filter (its rows are several times as many, so the summary
#: without that filter reads the first).
TABLES = {"reports_enrollmenttally": (), "reports_enrollmenttallybyposition": ("position",)}
PREFIX = "reports_tally_"
#: "no active assignment" in the key (NULL would make every such row a key of its own)
NO_DUE_DATE = "9999-12-31"
KEY = ("teacher_school_id", "school_id", "course_id", "period", "due_on")
#: the teacher's columns in the key of a tally (TABLES)
TEACHER_KEY = tuple(sorted({column for extra in TABLES.values() for column in extra}))
PLACES = (
    "teacher_municipality_id",
    "teacher_district_id",
    "teacher_region_id",
    "municipality_id",
    "district_id",
    "region_id",
)
COUNTS = ("n_enrolled", "n_in_progress", "n_completed", "hours", "credits")
#: the columns of an enrollment that the tally counts by
WATCHED = (
    "teacher_id",
    "course_id",
    "school_id",
    "status",
    "completed_at",
    "hours_earned",
    "credits_earned",
)
#: an enrollment's columns as the selects below read them (alias e)
ENROLLMENT_COLUMNS = ("teacher_id", "course_id", *WATCHED[2:])
# The places of the teacher's school (ts, tm, td) and of the school enrolled at (es, em, ed).
PLACE_JOINS = (
    "JOIN schools_school ts ON ts.id = u.school_id "
    "JOIN schools_municipality tm ON tm.id = ts.municipality_id "
    "JOIN schools_district td ON td.id = tm.district_id "
    "LEFT JOIN schools_school es ON es.id = e.school_id "
    "LEFT JOIN schools_municipality em ON em.id = es.municipality_id "
    "LEFT JOIN schools_district ed ON ed.id = em.district_id"
)
PLACE_VALUES = "tm.id, td.id, td.region_id, em.id, ed.id, ed.region_id"


def _new_year_offset_hours() -> int:
    """Hours from UTC at local midnight of 1 January (for SQLite, which has no time zones): the
    year of a completion is the local year, and New Year is always in the zone's winter time."""
    zone = ZoneInfo(settings.TIME_ZONE)
    offset = dt.datetime(2001, 1, 1, tzinfo=zone).utcoffset()
    return int(offset.total_seconds() // 3600)


def _year(column: str, vendor: str) -> str:
    if vendor == "postgresql":
        zone = settings.TIME_ZONE.replace("'", "")
        return f"EXTRACT(YEAR FROM {column} AT TIME ZONE '{zone}')::int"
    hours = _new_year_offset_hours()
    return f"CAST(strftime('%Y', {column}, '{hours:+d} hours') AS INTEGER)"


def _period(column: str, vendor: str) -> str:
    """The first year of the attestation period `column` falls in (courses.passport), 0 for
    none. Integer division of a number kept positive, so that it floors in both databases."""
    first = int(getattr(settings, "COURSES_ATTESTATION_FIRST_YEAR", 2024))
    years = PERIOD_YEARS
    shifted = f"({_year(column, vendor)} - {first} + {1000 * years})"
    return f"COALESCE(({shifted} / {years} - 1000) * {years} + {first}, 0)"


def _flag(condition: str, vendor: str) -> str:
    return f"({condition})::int" if vendor == "postgresql" else f"({condition})"


def _true(column: str, vendor: str) -> str:
    return column if vendor == "postgresql" else f"{column} = 1"


def _counts(sign: str, vendor: str) -> str:
    """The SELECT list of the counts of the enrollments `e`, summed, with `sign`."""
    completed = _flag("e.status = 'completed'", vendor)
    parts = (
        _flag("e.status = 'enrolled'", vendor),
        _flag("e.status = 'in_progress'", vendor),
        completed,
        f"{completed} * e.hours_earned",
        f"{completed} * e.credits_earned",
    )
    return ", ".join(f"{sign}SUM({part})" for part in parts)


def _no_due(vendor: str) -> str:
    return f"DATE '{NO_DUE_DATE}'" if vendor == "postgresql" else f"'{NO_DUE_DATE}'"


def active_due(teacher: str, course: str, vendor: str) -> str:
    """The due date of the (teacher, course)'s active assignment, or NO_DUE_DATE."""
    return (
        "COALESCE((SELECT MIN(a.due_on) FROM courses_assignment a WHERE a.teacher_id = "
        f"{teacher} AND a.course_id = {course} AND a.cancelled_at IS NULL), {_no_due(vendor)})"
    )


def _row(record: str, columns) -> str:
    """A one-row table of a trigger's OLD or NEW record, usable in a FROM clause."""
    return "(SELECT " + ", ".join(f"{record}.{c} AS {c}" for c in columns) + ")"


def _select(
    *, enrollments: str, teacher: str, where: str, sign: str, vendor: str, extra=(), due=None
):
    """The contribution (with `sign`) of the enrollments `e` (a table expression) of the active
    teachers with a school `u` (a table expression), grouped by key, with their places."""
    due = due or active_due("e.teacher_id", "e.course_id", vendor)
    # A completed enrollment is never overdue: its due date would only split its key.
    due = f"CASE WHEN e.status = 'completed' THEN {_no_due(vendor)} ELSE {due} END"
    key = [
        "u.school_id",
        "e.school_id",
        "e.course_id",
        _period("e.completed_at", vendor),
        due,
        *(f"u.{column}" for column in extra),
    ]
    grouped = ", ".join(str(n) for n in range(1, len(key) + len(PLACES) + 1))
    return (
        f"SELECT {', '.join(key)}, {PLACE_VALUES}, {_counts(sign, vendor)} "
        f"FROM {enrollments} e JOIN {teacher} u ON u.id = e.teacher_id {PLACE_JOINS} "
        f"WHERE {_true('u.is_active', vendor)} AND {where} GROUP BY {grouped}"
    )


def upserts(vendor: str, **select) -> list[str]:
    """Add the selected contribution to each tally."""
    statements = []
    for table, extra in TABLES.items():
        key = (*KEY, *extra)
        updates = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in COUNTS)
        statements.append(
            f"INSERT INTO {table} ({', '.join((*key, *PLACES, *COUNTS))}) "
            f"{_select(vendor=vendor, extra=extra, **select)} "
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"
        )
    return statements


def _enrollment(record: str, sign: str, vendor: str) -> list[str]:
    """One enrollment (OLD or NEW) taken off or added."""
    return upserts(
        vendor,
        enrollments=_row(record, ENROLLMENT_COLUMNS),
        teacher="schools_user",
        where="TRUE" if vendor == "postgresql" else "1",
        sign=sign,
    )


def _teacher(record: str, sign: str, vendor: str) -> list[str]:
    """All of a teacher's enrollments, as she was (OLD) or is (NEW)."""
    return upserts(
        vendor,
        enrollments="courses_enrollment",
        teacher=_row(record, ("id", "school_id", "is_active", *TEACHER_KEY)),
        where=f"e.teacher_id = {record}.id",
        sign=sign,
    )


def _assignment(record: str, *, leaving: bool, vendor: str) -> list[str]:
    """The enrollment of an active assignment (OLD or NEW) moved from or to its due date."""
    due = f"{record}.due_on"
    none = _no_due(vendor)
    move = (due, none) if leaving else (none, due)  # (from, to)
    where = f"e.teacher_id = {record}.teacher_id AND e.course_id = {record}.course_id"
    return [
        statement
        for sign, due_on in (("-", move[0]), ("", move[1]))
        for statement in upserts(
            vendor,
            enrollments="courses_enrollment",
            teacher="schools_user",
            where=where,
            sign=sign,
            due=due_on,
        )
    ]


def _places(table: str, record: str, vendor: str) -> list[str]:
    """When a school, municipality or district moves, the place columns of its rows follow."""
    district_region = "(SELECT region_id FROM schools_district WHERE id = {})"
    municipality_district = "(SELECT district_id FROM schools_municipality WHERE id = {})"
    if table == "schools_school":
        m = f"{record}.municipality_id"
        values = {
            "municipality_id": m,
            "district_id": municipality_district.format(m),
            "region_id": district_region.format(municipality_district.format(m)),
        }
        of = "school_id"
    elif table == "schools_municipality":
        d = f"{record}.district_id"
        values = {"district_id": d, "region_id": district_region.format(d)}
        of = "municipality_id"
    else:
        values = {"region_id": f"{record}.region_id"}
        of = "district_id"
    return [
        f"UPDATE {tally} SET "
        + ", ".join(f"{side}{column} = {value}" for column, value in values.items())
        + f" WHERE {side}{of} = {record}.id"
        for tally in TABLES
        for side in ("teacher_", "")
    ]


def _changed(names, vendor: str) -> str:
    distinct = "IS DISTINCT FROM" if vendor == "postgresql" else "IS NOT"
    return "(" + " OR ".join(f"OLD.{name} {distinct} NEW.{name}" for name in names) + ")"


MOVES = {
    "schools_school": "municipality_id",
    "schools_municipality": "district_id",
    "schools_district": "region_id",
}


def _triggers(vendor: str) -> dict[str, tuple[str, str, str, list[str]]]:
    """{name: (table, event, WHEN condition or "", statements)}."""
    assignment_changed = _changed(("teacher_id", "course_id", "due_on", "cancelled_at"), vendor)
    old_active, new_active = "OLD.cancelled_at IS NULL", "NEW.cancelled_at IS NULL"
    triggers = {
        "enrollment_insert": ("courses_enrollment", "INSERT", "", _enrollment("NEW", "", vendor)),
        "enrollment_update": (
            "courses_enrollment",
            "UPDATE",
            _changed(WATCHED, vendor),
            [*_enrollment("OLD", "-", vendor), *_enrollment("NEW", "", vendor)],
        ),
        "enrollment_delete": ("courses_enrollment", "DELETE", "", _enrollment("OLD", "-", vendor)),
        "teacher_update": (
            "schools_user",
            "UPDATE",
            _changed(("school_id", "is_active", *TEACHER_KEY), vendor),
            [*_teacher("OLD", "-", vendor), *_teacher("NEW", "", vendor)],
        ),
        "assignment_insert": (
            "courses_assignment",
            "INSERT",
            new_active,
            _assignment("NEW", leaving=False, vendor=vendor),
        ),
        # One trigger for each side of a change: a WHEN condition cannot guard one statement.
        "assignment_update_old": (
            "courses_assignment",
            "UPDATE",
            f"{assignment_changed} AND {old_active}",
            _assignment("OLD", leaving=True, vendor=vendor),
        ),
        "assignment_update_new": (
            "courses_assignment",
            "UPDATE",
            f"{assignment_changed} AND {new_active}",
            _assignment("NEW", leaving=False, vendor=vendor),
        ),
        "assignment_delete": (
            "courses_assignment",
            "DELETE",
            old_active,
            _assignment("OLD", leaving=True, vendor=vendor),
        ),
    }
    for table, column in MOVES.items():
        triggers[f"{table.removeprefix('schools_')}_move"] = (
            table,
            "UPDATE",
            _changed((column,), vendor),
            _places(table, "NEW", vendor),
        )
    return triggers


def definitions(vendor: str) -> tuple[list[str], dict[str, tuple[str, str]]]:
    """(functions to create first, {trigger name: (table, CREATE TRIGGER)}). Each name ends in a
    digest of all the SQL, so that a change here replaces the triggers (and recounts) on
    migrate. On PostgreSQL each trigger runs a function of its own."""
    functions, created = [], {}
    for name, (table, event, when, statements) in _triggers(vendor).items():
        created[name] = (table, event, when, statements)
    digest = hashlib.sha256(repr(sorted(created.items())).encode()).hexdigest()[:8]
    named = {}
    for name, (table, event, when, statements) in created.items():
        full = f"{PREFIX}{name}_{digest}"
        condition = f" WHEN ({when})" if when else ""
        if vendor == "postgresql":
            body = "".join(f"{statement};\n" for statement in statements)
            functions.append(
                f"CREATE OR REPLACE FUNCTION {full}() RETURNS trigger AS $$\n"
                f"BEGIN\n{body}RETURN NULL;\nEND\n$$ LANGUAGE plpgsql"
            )
            sql = (
                f"CREATE TRIGGER {full} AFTER {event} ON {table} FOR EACH ROW{condition} "
                f"EXECUTE FUNCTION {full}()"
            )
        else:
            body = " ".join(f"{statement};" for statement in statements)
            sql = f"CREATE TRIGGER {full} AFTER {event} ON {table}{condition} BEGIN {body} END"
        named[full] = (table, sql)
    return functions, named
