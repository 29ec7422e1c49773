"""CSV and XLSX exports of a report, exactly as filtered on screen, streamed.

* Headers are in Bulgarian whatever the admin language: the files go to Bulgarian offices.
* CSV starts with a UTF-8 BOM and uses ";" (the list separator of Excel in Bulgarian), so Excel
  opens Cyrillic correctly into columns; it is produced row by row into a StreamingHttpResponse.
* XLSX is written with openpyxl's write-only mode into a temporary file (rows never pile up in
  memory) and that file is streamed; a second sheet has the per-school summary.
* Any text cell that begins with =, +, -, @ (or a tab / carriage return) gets a leading
  apostrophe, so no spreadsheet ever runs a formula a teacher typed into her name.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from courses.models import Enrollment
from schools.models import User

from .filters import NOT_STARTED
from .selectors import GroupRow, Summary

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """A text cell that a spreadsheet would read as a formula is made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def status_label(status: str) -> str:
    if status == NOT_STARTED:
        return _("not started")
    return str(dict(Enrollment.Status.choices).get(status, status))


def position_label(position: str) -> str:
    return str(dict(User.Position.choices).get(position, position or ""))


def _local(value):
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(tzinfo=None, microsecond=0)
    return value


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
        _local(row["r_enrolled"]),
        row["r_percent"],
        _local(row["r_last_activity"]),
        row["r_best"],
        row["r_attempts"],
        _local(row["r_completed"]),
        row["r_hours"],
        row["r_credits"],
        row["r_certificate"] or "",
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
        _("Not started"),
        _("Enrolled, not started"),
        _("In progress"),
        _("Completed"),
        _("Completion rate (%)"),
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
    ]


# --- writers -------------------------------------------------------------------------------


class _Echo:
    def write(self, value):
        return value


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, float | Decimal):
        # Bulgarian Excel reads a decimal comma.
        return f"{value:.1f}".replace(".", ",")
    return str(neutralise(value))


def csv_lines(headers: list[str], rows: Iterable[list]) -> Iterator[bytes]:
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff".encode()
    yield writer.writerow(headers).encode()
    for values in rows:
        yield writer.writerow([_csv_text(v) for v in values]).encode()


def csv_response(*, filename: str, headers: list[str], rows: Iterable[list]):
    response = StreamingHttpResponse(
        _in_bulgarian(csv_lines(headers, rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _in_bulgarian(lines: Iterator[bytes]) -> Iterator[bytes]:
    # Streaming runs after the view returned: keep Bulgarian labels for every row.
    with translation.override("bg"):
        yield from lines


def _xlsx_value(value):
    if isinstance(value, Decimal):
        return float(value)
    return neutralise(value)


def write_xlsx(
    output,
    *,
    sheets: list[tuple[str, list[str], Iterable[list]]],
) -> None:
    """Write sheets of (title, headers, rows) with openpyxl in write-only mode."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        header_cells = []
        for text in headers:
            cell = WriteOnlyCell(sheet, value=text)
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for values in rows:
            # Plain values, not WriteOnlyCell objects: a third faster on 100,000 rows. No text
            # can be read as a formula: neutralise() has prefixed every "=" already.
            sheet.append([_xlsx_value(value) for value in values])
    workbook.save(output)


def xlsx_response(*, filename: str, sheets) -> FileResponse:
    # A temporary file on disk rather than BytesIO: a national export must not sit in memory.
    output = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
    with translation.override("bg"):
        write_xlsx(output, sheets=sheets)
    output.seek(0)
    return FileResponse(
        output, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_TYPE
    )


def school_sheet(summary: Summary) -> tuple[str, list[str], list[list]]:
    return (
        _("Schools"),
        group_headers("school"),
        [group_values(row) for row in summary.rows],
    )


def teacher_lines(rows, course_title: str) -> Iterator[list]:
    for row in rows.iterator(chunk_size=2000):
        yield teacher_values(row, course_title)
