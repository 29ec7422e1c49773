"""Assigning courses to teachers with a due date (coordinators, their regions only)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses.assignments import assignments_create
from courses.services import CourseError

from ..assigning import AssignmentForm
from .base import CoordinatorViewMixin


class AssignView(CoordinatorViewMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "reports/assign.html"
    page_title = _("Assign courses")
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_form(self, form_class=None):
        if self.request.method == "POST":
            return AssignmentForm(self.request.POST, viewer=self.request.user)
        initial = {}
        if self.request.GET.get("course", "").isdigit():
            initial["courses"] = [int(self.request.GET["course"])]
        return AssignmentForm(viewer=self.request.user, initial=initial)

    def form_valid(self, form):
        ids = list(form.teachers().values_list("pk", flat=True))
        courses = list(form.cleaned_data["courses"])
        try:
            result = assignments_create(
                by=self.request.user,
                teacher_ids=ids,
                courses=courses,
                due_on=form.cleaned_data["due_on"],
                message=form.cleaned_data["message"],
            )
        except CourseError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        except PermissionDenied:
            form.add_error(None, _("Some of these teachers are outside your regions."))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Assigned: %(created)s new, %(changed)s changed (%(teachers)s teachers, "
                "%(courses)s courses); %(enrolled)s newly enrolled."
            )
            % {
                "created": len(result.created),
                "changed": len(result.changed),
                "teachers": len(ids),
                "courses": len(courses),
                "enrolled": result.enrolled,
            },
        )
        query = urlencode({"course": courses[0].pk, "assignment": "assigned", "level": "teacher"})
        return HttpResponseRedirect(reverse("drom_reports:course") + "?" + query)
