"""Who exported what and when: the export log, for national coordinators, in words.

The log stores the filters as the report's GET parameters (ids); this screen and its own export
turn them into names ("Обучение: …; Област: Сливен") with one query per kind of place per page.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from ops.spreadsheets import SafeSpreadsheetExportMixin, csv_text
from schools import scoping
from schools.models import District, Municipality, Region, School, User

from ..filters import STATUS_CHOICES, ReportFilterForm
from ..models import ExportLog
from .base import LEVEL_LABELS, CoordinatorViewMixin

PLACES = {"region": Region, "district": District, "municipality": Municipality, "school": School}
DATES = ("enrolled_from", "enrolled_to", "completed_from", "completed_to")


def _date(value: str) -> str:
    parts = value.split("-")
    return ".".join(reversed(parts)) if len(parts) == 3 else value


def describe(logs) -> None:
    """Give each log `filters_label`, `level_label`, `when` and `who`, in a fixed number of
    queries whatever the number of logs."""
    logs = list(logs)
    names = {}
    for key, model in PLACES.items():
        ids = {log.filters[key] for log in logs if str(log.filters.get(key, "")).isdigit()}
        names[key] = dict(model.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}
    labels = {name: field.label for name, field in ReportFilterForm.base_fields.items()}
    statuses = dict(STATUS_CHOICES)
    positions = dict(User.Position.choices)
    for log in logs:
        parts = []
        for key, value in log.filters.items():
            if key == "course":
                continue  # its own column
            if key in PLACES:
                shown = names[key].get(int(value), value) if str(value).isdigit() else value
            elif key == "status":
                shown = statuses.get(value, value)
            elif key == "position":
                shown = positions.get(value, value)
            elif key == "network_member":
                shown = _("members") if value == "1" else _("not members")
            elif key in DATES:
                shown = _date(value)
            else:
                shown = value
            parts.append(f"{labels.get(key, key)}: {shown}")
        log.filters_label = "; ".join(parts) or "—"
        log.format_label = log.get_format_display()
        log.level_label = {**LEVEL_LABELS, "all-courses": _("All courses")}.get(
            log.level, log.level
        )
        log.when = csv_text(log.created_at)
        log.who = f"{log.user.get_full_name() or log.user.email} ({log.user.email})"
        log.course_title = log.course.title if log.course else "—"


class ExportLogView(CoordinatorViewMixin, SafeSpreadsheetExportMixin, ReportView):
    """Who exported what and when: national coordinators only."""

    template_name = "reports/export_log.html"
    page_title = _("Report exports")
    header_icon = "download"
    paginate_by = 50
    index_url_name = "drom_reports:exports"
    export_filename = "drom-report-exports"
    model = ExportLog
    columns = [
        Column("when", label=_("Exported at")),
        Column("who", label=_("Exported by")),
        Column("format_label", label=_("Format")),
        Column("course_title", label=_("Course")),
        Column("level_label", label=_("Level")),
        Column("filters_label", label=_("Filters")),
        Column("rows", label=_("Rows")),
    ]
    list_export = ["created_at", "who", "format_label", "course_title", "level_label"]
    list_export += ["filters_label", "rows"]
    export_headings = {
        "created_at": _("Exported at"),
        "who": _("Exported by"),
        "format_label": _("Format"),
        "course_title": _("Course"),
        "level_label": _("Level"),
        "filters_label": _("Filters"),
        "rows": _("Rows"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not scoping.is_national(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return ExportLog.objects.select_related("user", "course").order_by("-created_at", "-pk")

    def decorate_paginated_queryset(self, object_list):
        describe(object_list)
        return object_list

    def export_rows(self, queryset):
        # In pages of logs, so that the names are looked up once per page, not per row.
        page = []
        for log in self.export_items(queryset):
            page.append(log)
            if len(page) == 500:
                yield from self._described(page)
                page = []
        yield from self._described(page)

    def _described(self, page):
        describe(page)
        for log in page:
            yield self.export_row(log)
