"""Reports → Course evaluations: averages and comments, without names, withheld below five
responses in the coordinator's scope; the national coordinator downloads every response (CSV)."""

from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses.models import CoursePage
from schools import scoping

from ..selectors.evaluations import (
    ANONYMITY_THRESHOLD,
    evaluated_courses,
    evaluation_export_rows,
    evaluation_summary,
)
from .base import CoordinatorViewMixin


class EvaluationsView(CoordinatorViewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/evaluations.html"
    page_title = gettext_lazy("Course evaluations")
    header_icon = "pick"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        courses = list(evaluated_courses())
        chosen = next((c for c in courses if str(c.pk) == self.request.GET.get("course")), None)
        chosen = chosen or (courses[0] if courses else None)
        context.update(
            {
                "courses": courses,
                "chosen": chosen,
                "summary": evaluation_summary(viewer=self.request.user, course=chosen)
                if chosen
                else None,
                "threshold": ANONYMITY_THRESHOLD,
                "can_export": scoping.is_national(self.request.user),
            }
        )
        return context


@never_cache
def evaluations_export(request, course_id: int):
    if not scoping.is_national(request.user):
        raise PermissionDenied
    course = get_object_or_404(CoursePage, pk=course_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="course-evaluations.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Course"), course.title])
    for row in evaluation_export_rows(course=course):
        writer.writerow([_safe(str(cell)) for cell in row])
    return response


def _safe(value: str) -> str:
    # A cell that starts like a formula must never run as one in a spreadsheet.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
