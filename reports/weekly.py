"""The weekly XLSX report of a coordinator's regions: one sheet per course, one row per school."""

from __future__ import annotations

import io
import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ops import spreadsheets
from ops.mail import Attachment, email_queue
from ops.models import OutgoingEmail
from schools import scoping

from . import exports, selectors
from .filters import ReportFilters, report_courses
from .models import ReportSubscription

XLSX_TYPE = spreadsheets.XLSX_TYPE


def _sheet_title(title: str, used: set[str]) -> str:
    clean = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:28] or "Sheet"
    candidate, n = clean, 2
    while candidate in used:
        candidate, n = f"{clean[:25]} {n}", n + 1
    used.add(candidate)
    return candidate


def weekly_workbook(*, viewer) -> bytes:
    """Per-school figures for every live course, scoped to the viewer (two queries a course)."""
    sheets, used = [], set()
    for course in report_courses().filter(live=True):
        summary = selectors.course_summary(
            viewer=viewer, filters=ReportFilters(course=course), level="school"
        )
        sheets.append(
            (
                _sheet_title(course.title, used),
                exports.group_headers("school"),
                [exports.group_values(row) for row in summary.rows],
            )
        )
    output = io.BytesIO()
    spreadsheets.write_xlsx(output, sheets=sheets or [("—", exports.group_headers("school"), [])])
    return output.getvalue()


def weekly_report_send(*, subscription: ReportSubscription) -> bool:
    """Queue one coordinator's weekly report; False (and nothing sent) if she no longer is one."""
    user = subscription.user
    if not scoping.is_coordinator(user):
        return False
    with translation.override("bg"):
        content = weekly_workbook(viewer=user)
        context = {"user": user, "site_name": settings.WAGTAIL_SITE_NAME}
        subject = render_to_string("reports/email/weekly_subject.txt", context).strip()
        body = render_to_string("reports/email/weekly_body.txt", context)
    day = timezone.localdate().isoformat()
    email_queue(
        to=user.email,
        subject=subject,
        body=body,
        kind=OutgoingEmail.Kind.WEEKLY_REPORT,
        recipient=user,
        attachment=Attachment(f"drom-report-{day}.xlsx", content, XLSX_TYPE),
    )
    subscription.last_sent_at = timezone.now()
    subscription.save(update_fields=["last_sent_at"])
    return True
