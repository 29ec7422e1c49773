"""Coordinator report screens in the Wagtail admin: thin views over reports.selectors.

Every view first asks schools.scoping whether the user is a coordinator (teachers and authors
get 403), then scopes every figure to what that coordinator may see. A filter value outside the
scope (a tampered URL) is a 404 with no data.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, Table, TitleColumn
from wagtail.admin.views.reports import ReportView

from schools import scoping

from . import exports, selectors, services
from .filters import GEOGRAPHY, ReportFilterForm, report_courses
from .models import ExportLog, ReportSubscription

LEVEL_LABELS = {
    "region": _("Planning regions"),
    "district": _("Districts"),
    "municipality": _("Municipalities"),
    "school": _("Schools"),
    "teacher": _("Teachers"),
}


def require_coordinator(user) -> None:
    if not scoping.is_coordinator(user):
        raise PermissionDenied


class CheckboxColumn(Column):
    cell_template_name = "reports/cells/remind_checkbox.html"


class CoordinatorViewMixin:
    header_icon = "table"

    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        require_coordinator(request.user)
        return super().dispatch(request, *args, **kwargs)


class CourseReportView(CoordinatorViewMixin, ReportView):
    """Course completion by region → district → municipality → school → teacher."""

    template_name = "reports/course_report.html"
    page_title = _("Course completion")
    paginate_by = 50
    index_url_name = "drom_reports:course"

    @cached_property
    def form(self) -> ReportFilterForm:
        data = self.request.GET.copy()
        if not data.get("course"):
            first = report_courses().first()
            if first is not None:
                data["course"] = str(first.pk)
        return ReportFilterForm(data, viewer=self.request.user)

    @cached_property
    def filters(self):
        # Wagtail's listing reads `filters` as a django-filter FilterSet: ours is a plain form.
        return None

    @cached_property
    def report_filters(self):
        return self.form.to_filters() if self.form.is_valid() else None

    @cached_property
    def level(self) -> str:
        natural = selectors.level_below(self.report_filters)
        asked = self.request.GET.get("level", "")
        # A deeper level may be asked (teachers of a whole region), never a wider one.
        if asked in selectors.LEVELS and (
            selectors.LEVELS.index(asked) > selectors.LEVELS.index(natural)
        ):
            return asked
        return natural

    def get_ordering(self):
        return self.request.GET.get("ordering", "name")

    @cached_property
    def show_export_buttons(self):
        return self.report_filters is not None

    def get_filename(self):
        return f"drom-{self.level}-{self.report_filters.course.slug}"

    def get(self, request, *args, **kwargs):
        if not report_courses().exists():
            return self.render_to_response({**self.get_context_data_base(), "no_courses": True})
        if self.form.tampered:
            raise Http404
        if self.report_filters is None:
            return self.render_to_response(self.get_context_data_base())
        if self.is_export:
            return self.export(request.GET["export"])
        if self.level == "teacher":
            object_list = selectors.teacher_rows(
                viewer=request.user, filters=self.report_filters, ordering=self.ordering
            )
            total = None
        else:
            summary = selectors.course_summary(
                viewer=request.user,
                filters=self.report_filters,
                level=self.level,
                ordering=self.ordering,
            )
            object_list, total = summary.rows, summary.total
        paginator, page, rows, _other = self.paginate_queryset(object_list, self.paginate_by)
        if self.level == "teacher":
            rows = [self.decorate_teacher(row) for row in rows]
        context = {
            **self.get_context_data_base(),
            "rows": rows,
            "total": total,
            "page_obj": page,
            "paginator": paginator,
            "items_count": paginator.count,
            "elided_page_range": paginator.get_elided_page_range(page.number),
            "table": self.build_table(rows),
            "trail": self.trail(),
            "csv_url": self.get_export_url("csv"),
            "xlsx_url": self.get_export_url("xlsx"),
            "chart_url": self.chart_url(),
            "teachers_url": self.teachers_url(),
            "remind_url": reverse("drom_reports:remind"),
            "course": self.report_filters.course,
            "subscribed": ReportSubscription.objects.filter(user=request.user).exists(),
        }
        return self.render_to_response(context)

    def get_context_data_base(self):
        return {
            "view": self,
            "form": self.form,
            "level": self.level if self.report_filters else "",
            "level_label": LEVEL_LABELS.get(self.level, "") if self.report_filters else "",
            "header_title": self.get_header_title(),
            "page_title": self.get_page_title(),
            "header_icon": self.header_icon,
            "breadcrumbs_items": self.get_breadcrumbs_items(),
            "header_buttons": [],
        }

    # --- links ---------------------------------------------------------------------------

    def params(self, **changes) -> str:
        params = self.report_filters.as_params()
        for key in ("level", "ordering"):
            if self.request.GET.get(key):
                params[key] = self.request.GET[key]
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = str(value)
        return "?" + urlencode(params)

    def drill_url(self, row) -> str:
        return reverse("drom_reports:course") + self.params(
            **{row.level: row.pk, "level": None, "ordering": None}
        )

    def teacher_url(self, teacher_id) -> str:
        return reverse("drom_reports:teacher", args=[teacher_id]) + self.params()

    def chart_url(self) -> str:
        return reverse("drom_reports:chart") + self.params(ordering=None)

    def teachers_url(self) -> str:
        return reverse("drom_reports:course") + self.params(level="teacher", ordering=None)

    def trail(self) -> list[dict]:
        """The drill-down path: the whole scope, then each place chosen, widest first."""
        filters = self.report_filters
        items = [
            {
                "label": _("All my regions"),
                "url": reverse("drom_reports:course")
                + self.params(**dict.fromkeys(GEOGRAPHY), level=None, ordering=None),
            }
        ]
        cleared = list(GEOGRAPHY)
        for name in GEOGRAPHY:
            cleared.remove(name)
            value = getattr(filters, name)
            if value is not None:
                items.append(
                    {
                        "label": value.name,
                        "url": reverse("drom_reports:course")
                        + self.params(**dict.fromkeys(cleared), level=None, ordering=None),
                    }
                )
        return items

    # --- table ---------------------------------------------------------------------------

    def decorate_teacher(self, row: dict) -> dict:
        row = dict(row)
        row["name"] = " ".join(p for p in (row["r_first"], row["r_father"], row["r_last"]) if p)
        row["status_label"] = exports.status_label(row["r_status"])
        row["position_label"] = exports.position_label(row["r_position"])
        row["remindable"] = row["r_teacher"] if row["r_status"] != "completed" else None
        row["url"] = self.teacher_url(row["r_teacher"])
        row["percent_label"] = f"{row['r_percent']} %"
        for key in ("r_last_activity", "r_completed"):
            row[key] = date_format(timezone.localtime(row[key]), "d.m.Y") if row[key] else ""
        return row

    def build_table(self, rows) -> Table:
        if self.level == "teacher":
            columns = [
                CheckboxColumn("remindable", label=_("Remind")),
                TitleColumn(
                    "name",
                    label=_("Teacher"),
                    sort_key="name",
                    get_url=lambda r: r["url"],
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
            ]
        else:
            get_url = self.drill_url
            columns = [
                TitleColumn(
                    "name", label=LEVEL_LABELS[self.level], sort_key="name", get_url=get_url
                ),
                Column("teachers", label=_("Teachers"), sort_key="teachers"),
                Column("not_started", label=_("Not started"), sort_key="not_started"),
                Column("enrolled", label=_("Enrolled, not started"), sort_key="enrolled"),
                Column("in_progress", label=_("In progress"), sort_key="in_progress"),
                Column("completed", label=_("Completed"), sort_key="completed"),
                Column("rate", label=_("Completion rate (%)"), sort_key="rate"),
            ]
        return Table(
            columns,
            rows,
            ordering=self.ordering,
            base_url=reverse("drom_reports:course"),
            classname="listing reports-table",
            caption=LEVEL_LABELS[self.level],
        )

    # --- export --------------------------------------------------------------------------

    def export(self, export_format: str):
        user, filters = self.request.user, self.report_filters
        with translation.override("bg"):
            school_summary = selectors.course_summary(viewer=user, filters=filters, level="school")
            if self.level == "teacher":
                rows_qs = selectors.teacher_rows(
                    viewer=user, filters=filters, ordering=self.ordering
                )
                count = rows_qs.count()
                headers = exports.teacher_headers()
                lines = exports.teacher_lines(rows_qs, filters.course.title)
            else:
                summary = selectors.course_summary(
                    viewer=user, filters=filters, level=self.level, ordering=self.ordering
                )
                count = len(summary.rows)
                headers = exports.group_headers(self.level)
                lines = [exports.group_values(row) for row in summary.rows]
            services.export_log_create(
                user=user,
                export_format=export_format,
                filters=filters,
                level=self.level,
                rows=count,
            )
            if export_format == "csv":
                return exports.csv_response(
                    filename=self.get_filename(), headers=headers, rows=lines
                )
            return exports.xlsx_response(
                filename=self.get_filename(),
                sheets=[
                    (str(LEVEL_LABELS[self.level]), headers, lines),
                    exports.school_sheet(school_summary),
                ],
            )


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


@never_cache
@require_POST
def remind(request):
    """Queue reminder e-mails for the teachers ticked on the teacher list."""
    require_coordinator(request.user)
    fallback = reverse("drom_reports:course")
    course = report_courses().filter(pk=request.POST.get("course") or 0).first()
    if course is None:
        raise Http404
    try:
        teacher_ids = [int(pk) for pk in request.POST.getlist("teacher")]
    except ValueError as error:
        raise Http404 from error
    try:
        result = services.reminders_send(
            sender=request.user, course=course, teacher_ids=teacher_ids
        )
    except services.ReportError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(_safe_next(request, fallback))
    messages.success(
        request,
        _(
            "Reminders sent: %(queued)s. Skipped — already completed: %(completed)s; "
            "reminded in the last 7 days: %(recent)s."
        )
        % {
            "queued": len(result.queued),
            "completed": result.completed,
            "recent": result.recent,
        },
    )
    return HttpResponseRedirect(_safe_next(request, fallback))


@never_cache
@require_POST
def subscription(request):
    require_coordinator(request.user)
    subscribed = request.POST.get("subscribe") == "1"
    services.subscription_set(user=request.user, subscribed=subscribed)
    if subscribed:
        messages.success(request, _("You will receive the weekly report every Monday."))
    else:
        messages.success(request, _("You will no longer receive the weekly report."))
    return HttpResponseRedirect(_safe_next(request, reverse("drom_reports:course")))


class ExportLogView(CoordinatorViewMixin, ReportView):
    """Who exported what and when: national coordinators only."""

    template_name = "reports/export_log.html"
    page_title = _("Report exports")
    header_icon = "download"
    paginate_by = 50
    index_url_name = "drom_reports:exports"
    model = ExportLog
    columns = [
        Column("created_at", label=_("Exported at")),
        Column("user", label=_("Exported by")),
        Column("format", label=_("Format")),
        Column("course", label=_("Course")),
        Column("level", label=_("Level")),
        Column("filters_label", label=_("Filters")),
        Column("rows", label=_("Rows")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not scoping.is_national(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return ExportLog.objects.select_related("user", "course").order_by("-created_at", "-pk")

    def decorate_paginated_queryset(self, object_list):
        for log in object_list:
            log.filters_label = ", ".join(f"{k}={v}" for k, v in log.filters.items())
        return object_list


def course_report_redirect(request):
    return redirect("drom_reports:course")


class ChartView(CourseReportView):
    """The same filters as the report, drawn: completion rate per place, completions per month."""

    template_name = "reports/charts.html"
    page_title = _("Course completion charts")

    def get(self, request, *args, **kwargs):
        from . import charts

        if not report_courses().exists() or self.form.tampered:
            raise Http404
        if self.report_filters is None:
            return self.render_to_response(self.get_context_data_base())
        level = "school" if self.level == "teacher" else self.level
        summary = selectors.course_summary(
            viewer=request.user, filters=self.report_filters, level=level, ordering="-rate"
        )
        rows = summary.rows[:40]
        months = selectors.completions_by_month(viewer=request.user, filters=self.report_filters)
        context = {
            **self.get_context_data_base(),
            "course": self.report_filters.course,
            "rows": rows,
            "more_rows": len(summary.rows) - len(rows),
            "chart_level_label": LEVEL_LABELS[level],
            "rate_chart": charts.rate_chart(rows),
            "months": months,
            "month_chart": charts.month_chart(months),
            "report_url": reverse("drom_reports:course") + self.params(level=None, ordering=None),
        }
        return self.render_to_response(context)


class TeacherReportView(CoordinatorViewMixin, ReportView):
    """A teacher for coordinators: each course's progress, quiz scores, certificate, reminders."""

    template_name = "reports/teacher.html"
    header_icon = "user"

    def get(self, request, *args, **kwargs):
        teacher = selectors.teacher_for_report(viewer=request.user, teacher_id=kwargs["pk"])
        if teacher is None:
            raise Http404
        self.teacher = teacher
        back = reverse("drom_reports:course")
        if request.GET.get("course"):
            back += "?" + request.GET.urlencode()
        context = {
            "view": self,
            "teacher": teacher,
            "progress": selectors.teacher_progress(teacher=teacher),
            "header_title": teacher.get_full_name(),
            "page_title": teacher.get_full_name(),
            "header_icon": self.header_icon,
            "breadcrumbs_items": [
                *self.breadcrumbs_items,
                {"url": back, "label": _("Course completion")},
                {"url": "", "label": teacher.get_full_name()},
            ],
            "header_buttons": [],
            "back_url": back,
            "remind_url": reverse("drom_reports:remind"),
            "position_label": exports.position_label(teacher.position),
            # The certificate PDF view lets national coordinators (not regional) download it.
            "can_download_pdf": scoping.is_national(request.user),
        }
        return self.render_to_response(context)
