"""CSV and XLSX exports of a report, exactly as filtered on screen: the columns and their
Bulgarian headers. Writing the files (BOM, ";", Bulgarian dates, formulas neutralised,
streaming) is `ops.spreadsheets`, shared by every export of Drom.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from courses.models import Enrollment
from ops import spreadsheets
from ops.spreadsheets import local
from schools.models import User

from .filters import NOT_STARTED
from .selectors import GroupRow, Summary


@lru_cache(maxsize=8)
def _labels(language: str) -> tuple[dict, dict]:
    """Status and position names in one language, built once (an export asks per row)."""
    statuses = {value: str(label) for value, label in Enrollment.Status.choices}
    # Names that cannot be confused: who never enrolled, who enrolled but has done nothing.
    statuses[NOT_STARTED] = _("not enrolled")
    statuses[Enrollment.Status.ENROLLED] = _("enrolled, no progress yet")
    positions = {value: str(label) for value, label in User.Position.choices}
    return statuses, positions


def status_label(status: str) -> str:
    return _labels(get_language())[0].get(status, status)


def position_label(position: str) -> str:
    return _labels(get_language())[1].get(position, position or "")


def is_overdue(row: dict) -> bool:
    return bool(
        row.get("r_due")
        and row["r_due"] < timezone.localdate()
        and row["r_status"] != Enrollment.Status.COMPLETED
    )


def due_label(row: dict) -> str:
    if not row.get("r_due"):
        return ""
    text = row["r_due"].strftime("%d.%m.%Y")
    return f"{text} ({_('overdue')})" if is_overdue(row) else text


# --- columns -------------------------------------------------------------------------------


def teacher_headers() -> list[str]:
    return [
        _("Planning region"),
        _("District"),
        _("Municipality"),
        _("School code"),
        _("School"),
        _("Teacher"),
        _("E-mail"),
        _("Position"),
        _("Course"),
        _("Status"),
        _("Enrolled"),
        _("Percent done"),
        _("Last activity"),
        _("Best quiz score (%)"),
        _("Quiz attempts"),
        _("Completed"),
        _("Academic hours"),
        pgettext("qualification", "Credits"),
        _("Certificate number"),
        _("Due date"),
        _("Overdue"),
    ]


def teacher_values(row: dict, course_title: str) -> list:
    name = " ".join(p for p in (row["r_first"], row["r_father"], row["r_last"]) if p)
    return [
        row["r_region"],
        row["r_district"],
        row["r_municipality"],
        row["r_school_code"],
        row["r_school_name"],
        name,
        row["r_email"],
        position_label(row["r_position"]),
        course_title,
        status_label(row["r_status"]),
        local(row["r_enrolled"]),
        row["r_percent"],
        local(row["r_last_activity"]),
        row["r_best"],
        row["r_attempts"],
        local(row["r_completed"]),
        row["r_hours"],
        row["r_credits"],
        row["r_certificate"] or "",
        row["r_due"],
        is_overdue(row) if row["r_due"] else None,
    ]


def group_headers(level: str) -> list[str]:
    names = {
        "region": _("Planning region"),
        "district": _("District"),
        "municipality": _("Municipality"),
        "school": _("School"),
    }
    return [
        names[level],
        _("Code"),
        _("Teachers"),
        _("Not enrolled"),
        _("Enrolled, no progress yet"),
        _("In progress"),
        _("Completed"),
        _("Completion rate (%)"),
        _("Assigned"),
        _("Overdue"),
    ]


def group_values(row: GroupRow) -> list:
    return [
        row.name,
        row.code,
        row.teachers,
        row.not_started,
        row.enrolled,
        row.in_progress,
        row.completed,
        row.rate,
        row.assigned,
        row.overdue,
    ]


# --- writers: the one module every export goes through ---------------------------------------

csv_response = spreadsheets.csv_response
xlsx_response = spreadsheets.xlsx_response


def school_sheet(summary: Summary) -> tuple[str, list[str], list[list]]:
    return (
        _("Schools"),
        group_headers("school"),
        [group_values(row) for row in summary.rows],
    )


def teacher_lines(rows, course_title: str) -> Iterator[list]:
    for row in spreadsheets.stream(rows):
        yield teacher_values(row, course_title)
