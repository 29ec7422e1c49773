"""The course completion report (a Wagtail ReportView) and the same filters drawn as charts."""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from .. import charts, exports, selectors, services
from ..models import REMINDER_INTERVAL, ReportPreference, ReportSubscription
from .base import LEVEL_LABELS, CoordinatorViewMixin, CourseFiltersMixin


class CheckboxColumn(Column):
    cell_template_name = "reports/cells/remind_checkbox.html"


TEACHER_TABLE_COLUMNS = [
    CheckboxColumn("remindable", label=_("Remind")),
    TitleColumn(
        "name",
        label=_("Teacher"),
        sort_key="name",
        get_url=lambda row: row["url"],
        classname="reports-name",
    ),
    Column("position_label", label=_("Position")),
    Column("r_school_name", label=_("School"), sort_key="school"),
    Column("status_label", label=_("Status"), sort_key="status"),
    Column("percent_label", label=_("Done"), sort_key="percent"),
    Column("r_last_activity", label=_("Last activity"), sort_key="last_activity"),
    Column("r_best", label=_("Best quiz score (%)"), sort_key="best_score"),
    Column("r_completed", label=_("Completed"), sort_key="completed"),
    Column("r_certificate", label=_("Certificate")),
    Column("due_label", label=_("Due date"), sort_key="due"),
]

#: the teacher columns a coordinator may hide (name, status and the tick box always show)
OPTIONAL_COLUMNS = (
    "position_label",
    "r_school_name",
    "percent_label",
    "r_last_activity",
    "r_best",
    "r_completed",
    "r_certificate",
    "due_label",
)

GROUP_COUNT_COLUMNS = [
    Column("teachers", label=_("Teachers"), sort_key="teachers"),
    Column("not_started", label=_("Not enrolled"), sort_key="not_started"),
    Column("enrolled", label=_("Enrolled, no progress yet"), sort_key="enrolled"),
    Column("in_progress", label=_("In progress"), sort_key="in_progress"),
    Column("completed", label=_("Completed"), sort_key="completed"),
    Column("rate", label=_("Completion rate (%)"), sort_key="rate"),
    Column("assigned", label=_("Assigned"), sort_key="assigned"),
    Column("overdue", label=_("Overdue"), sort_key="overdue"),
]


class CourseReportView(CoordinatorViewMixin, CourseFiltersMixin, ReportView):
    """Course completion by region → district → municipality → school → teacher.

    The rows are places (a computed summary) or teachers (a UNION queryset paginated in the
    database); ReportView paginates either, renders the table and answers `?export=`.
    """

    template_name = "reports/course_report.html"
    page_title = _("Course completion")
    paginate_by = 50
    index_url_name = "drom_reports:course"
    table_classname = "listing reports-table"
    # The downloads are buttons on the page, next to the table they export.
    header_more_buttons: list = []

    @property
    def is_export(self) -> bool:
        # Without a valid course and filters there is nothing to export: the page says why.
        return self._export_asked and self.report_filters is not None

    @is_export.setter
    def is_export(self, value: bool) -> None:
        self._export_asked = value

    def get_ordering(self):
        return self.request.GET.get("ordering", "name")

    def get_paginate_by(self, queryset):
        # An export streams teacher_rows itself; the page is cut as usual (cheaply, see
        # TeacherPages), so that a national export never loads its 100,000 rows to show them.
        return self.paginate_by

    def get_filename(self):
        return f"drom-{self.level}-{self.report_filters.course.slug}"

    @cached_property
    def summary(self) -> selectors.Summary:
        return selectors.course_summary(
            viewer=self.request.user,
            filters=self.report_filters,
            level=self.level,
            ordering=self.ordering,
        )

    def get_queryset(self):
        if self.no_courses:
            return []
        if self.form.tampered:
            raise Http404
        if self.report_filters is None:
            return []
        if self.level == "teacher":
            # Counted and paged cheaply; an export streams teacher_rows (as_spreadsheet).
            return selectors.TeacherPages(
                viewer=self.request.user, filters=self.report_filters, ordering=self.ordering
            )
        return self.summary.rows

    @property
    def columns(self):
        if self.report_filters is None:
            return []
        if self.level == "teacher":
            shown = set(self.shown_columns)
            return [
                c
                for c in TEACHER_TABLE_COLUMNS
                if c.name not in OPTIONAL_COLUMNS or c.name in shown
            ]
        name = TitleColumn(
            "name", label=LEVEL_LABELS[self.level], sort_key="name", get_url=self.drill_url
        )
        return [name, *GROUP_COUNT_COLUMNS]

    @cached_property
    def shown_columns(self) -> list[str]:
        """The optional columns this coordinator chose, remembered for her account (one
        query to read them; choosing writes them)."""
        user = self.request.user
        if self.request.GET.get("columns") == "1":
            chosen = [c for c in OPTIONAL_COLUMNS if c in self.request.GET.getlist("col")]
            ReportPreference.objects.update_or_create(
                user=user, defaults={"teacher_columns": chosen}
            )
            return chosen
        preference = ReportPreference.objects.filter(user=user).first()
        if preference is None:
            return list(OPTIONAL_COLUMNS)
        return [c for c in preference.teacher_columns if c in OPTIONAL_COLUMNS]

    def column_choices(self) -> list[dict]:
        shown = set(self.shown_columns)
        return [
            {"name": c.name, "label": c.label, "checked": c.name in shown}
            for c in TEACHER_TABLE_COLUMNS
            if c.name in OPTIONAL_COLUMNS
        ]

    def get_table_kwargs(self):
        kwargs = super().get_table_kwargs()
        if self.report_filters is not None:
            kwargs["caption"] = LEVEL_LABELS[self.level]
        return kwargs

    def decorate_paginated_queryset(self, object_list):
        # In place: the table built from this page of rows renders after this hook.
        if self.report_filters is not None and self.level == "teacher" and not self.is_export:
            reminded = selectors.last_reminders(
                course=self.report_filters.course, teacher_ids=[r["r_teacher"] for r in object_list]
            )
            for row in object_list:
                self.decorate_teacher(row, reminded.get(row["r_teacher"]))
        return object_list

    def decorate_teacher(self, row: dict, reminded_at=None) -> dict:
        row["name"] = " ".join(p for p in (row["r_first"], row["r_father"], row["r_last"]) if p)
        row["status_label"] = exports.status_label(row["r_status"])
        row["position_label"] = exports.position_label(row["r_position"])
        row["remindable"] = row["r_teacher"] if row["r_status"] != "completed" else None
        row["reminded_on"] = ""
        if reminded_at is not None:
            row["reminded_on"] = date_format(timezone.localtime(reminded_at), "d.m.Y H:i")
            if reminded_at > timezone.now() - REMINDER_INTERVAL:
                row["remindable"] = None  # not selectable again within the throttle
        row["url"] = self.teacher_url(row["r_teacher"])
        row["percent_label"] = f"{row['r_percent']} %"
        row["due_label"] = exports.due_label(row)
        for key in ("r_last_activity", "r_completed"):
            row[key] = date_format(timezone.localtime(row[key]), "d.m.Y") if row[key] else ""
        return row

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["no_courses"] = self.no_courses
        if self.report_filters is None:
            return context
        context.update(
            {
                "rows": context["object_list"],
                "total": None if self.level == "teacher" else self.summary.total,
                "trail": self.trail(),
                "csv_url": self.get_export_url("csv"),
                "xlsx_url": self.get_export_url("xlsx"),
                "chart_url": self.chart_url(),
                "teachers_url": self.teachers_url(),
                "remind_url": reverse("drom_reports:remind"),
                "course": self.report_filters.course,
                "subscribed": ReportSubscription.objects.filter(user=self.request.user).exists(),
                "column_choices": self.column_choices() if self.level == "teacher" else [],
                "report_params": self.report_filters.as_params(),
            }
        )
        return context

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """Every row of the report (not only the page), plus a sheet per school in XLSX,
        always in Bulgarian; teacher rows are streamed from the database."""
        queryset = self.object_list
        user, filters = self.request.user, self.report_filters
        with translation.override("bg"):
            if self.level == "teacher":
                count = queryset.count()  # TeacherPages: two plain counts
                headers = exports.teacher_headers()
                rows = selectors.teacher_rows(viewer=user, filters=filters, ordering=self.ordering)
                lines = exports.teacher_lines(rows, filters.course.title)
            else:
                count = len(queryset)
                headers = exports.group_headers(self.level)
                lines = [exports.group_values(row) for row in queryset]
            services.export_log_create(
                user=user,
                export_format=spreadsheet_format,
                filters=filters,
                level=self.level,
                rows=count,
            )
            if spreadsheet_format == self.FORMAT_CSV:
                return exports.csv_response(
                    filename=self.get_filename(), headers=headers, rows=lines
                )
            school_summary = selectors.course_summary(viewer=user, filters=filters, level="school")
            return exports.xlsx_response(
                filename=self.get_filename(),
                sheets=[
                    (str(LEVEL_LABELS[self.level]), headers, lines),
                    exports.school_sheet(school_summary),
                ],
            )


class ChartView(CoordinatorViewMixin, CourseFiltersMixin, WagtailAdminTemplateMixin, TemplateView):
    """The same filters as the report, drawn: completion rate per place, completions per month."""

    template_name = "reports/charts.html"
    page_title = _("Course completion charts")
    #: places drawn at most; the rest are counted below the chart
    MAX_BARS = 40

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        if self.no_courses or self.form.tampered:
            raise Http404
        context = super().get_context_data(**kwargs)
        if self.report_filters is None:
            return context
        level = "school" if self.level == "teacher" else self.level
        summary = selectors.course_summary(
            viewer=self.request.user, filters=self.report_filters, level=level, ordering="-rate"
        )
        rows = summary.rows[: self.MAX_BARS]
        months = selectors.completions_by_month(
            viewer=self.request.user, filters=self.report_filters
        )
        context.update(
            {
                "course": self.report_filters.course,
                "rows": rows,
                "more_rows": len(summary.rows) - len(rows),
                "chart_level_label": LEVEL_LABELS[level],
                "rate_chart": charts.rate_chart(rows),
                "months": months,
                "month_chart": charts.month_chart(months),
                "report_url": self.report_url(),
            }
        )
        return context
