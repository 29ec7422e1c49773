"""The assignments of a coordinator's regions: due dates, who is overdue, cancel one."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from courses.assignments import assignment_cancel
from courses.models import Enrollment
from ops.spreadsheets import SafeSpreadsheetExportMixin

from .. import exports, selectors
from ..filters import report_courses
from .base import CoordinatorViewMixin, require_coordinator


class CancelColumn(Column):
    cell_template_name = "reports/cells/cancel_assignment.html"


class AssignmentListView(CoordinatorViewMixin, SafeSpreadsheetExportMixin, ReportView):
    template_name = "reports/assignments.html"
    page_title = _("Assignments")
    header_icon = "tasks"
    paginate_by = 50
    index_url_name = "drom_reports:assignments"
    export_filename = "drom-assignments"
    columns = [
        Column("teacher_name", label=_("Teacher")),
        Column("school_name", label=_("School")),
        Column("course_title", label=_("Course")),
        Column("due_label", label=_("Due date")),
        Column("status_label", label=_("Status")),
        Column("assigned_by_name", label=_("Assigned by")),
        CancelColumn("pk", label=pgettext_lazy("assignment", "Cancel")),
    ]
    list_export = ["teacher_name", "teacher.email", "school_name", "course_title", "due_on"]
    list_export += ["overdue", "status_label", "assigned_by_name", "created_at"]
    export_headings = {
        "teacher_name": _("Teacher"),
        "teacher.email": _("E-mail"),
        "school_name": _("School"),
        "course_title": _("Course"),
        "due_on": _("Due date"),
        "overdue": _("Overdue"),
        "status_label": _("Status"),
        "assigned_by_name": _("Assigned by"),
        "created_at": _("Assigned at"),
    }

    def get_queryset(self):
        course = None
        if self.request.GET.get("course", "").isdigit():
            course = report_courses().filter(pk=self.request.GET["course"]).first()
        return selectors.assignments_visible_to(
            viewer=self.request.user,
            course=course,
            overdue=self.request.GET.get("overdue") == "1",
        )

    def decorate(self, assignment):
        today = timezone.localdate()
        assignment.teacher_name = assignment.teacher.get_full_name()
        assignment.school_name = assignment.teacher.school.name if assignment.teacher.school else ""
        assignment.course_title = assignment.course.title
        assignment.overdue = (
            assignment.due_on < today and assignment.status != Enrollment.Status.COMPLETED
        )
        assignment.due_label = exports.due_label(
            {"r_due": assignment.due_on, "r_status": assignment.status}
        )
        assignment.status_label = exports.status_label(assignment.status or "not_started")
        by = assignment.assigned_by
        assignment.assigned_by_name = by.get_full_name() or by.email
        return assignment

    def decorate_paginated_queryset(self, object_list):
        for assignment in object_list:
            self.decorate(assignment)
        return object_list

    def export_row(self, item):
        return super().export_row(self.decorate(item))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["overdue_only"] = self.request.GET.get("overdue") == "1"
        context["assign_url"] = reverse("drom_reports:assign")
        return context


@never_cache
@require_POST
def assignment_cancel_view(request, pk: int):
    require_coordinator(request.user)
    assignment = selectors.assignments_visible_to(viewer=request.user).filter(pk=pk).first()
    if assignment is None:
        raise Http404
    assignment_cancel(by=request.user, assignment=assignment)
    messages.success(
        request,
        _("The assignment of “%(course)s” to %(teacher)s is cancelled.")
        % {"course": assignment.course.title, "teacher": assignment.teacher.get_full_name()},
    )
    return HttpResponseRedirect(reverse("drom_reports:assignments"))
