"""Reports → "I taught this": teachers' feedback per lesson plan, without names, for authors,
methodologists and national coordinators; methodologists approve or reject it here (a POST
form per row, no script needed). Exported as CSV or XLSX through ops.spreadsheets."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from ops import spreadsheets

from .feedback import (
    feedback_per_plan,
    feedback_rows,
    may_moderate,
    may_read,
    plan_feedback_moderate,
)
from .models import LessonPlanFeedback

Status = LessonPlanFeedback.Status


class FeedbackView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "curriculum/admin/feedback.html"
    page_title = gettext_lazy("“I taught this” feedback")
    header_icon = "comment"

    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        if not may_read(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def status(self) -> str:
        wanted = self.request.GET.get("status", "")
        return wanted if wanted in Status.values else ""

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            with translation.override("bg"):
                headers = [_("Lesson plan"), _("Rating"), _("Comment"), _("Status"), _("Month")]
                rows = [
                    [
                        row.plan.title,
                        row.rating,
                        row.comment,
                        row.get_status_display(),
                        f"{row.updated_at:%Y-%m}",
                    ]
                    for row in feedback_rows(status=self.status())
                ]
            if export == "csv":
                return spreadsheets.csv_response(
                    filename="lesson-plan-feedback", headers=headers, rows=rows
                )
            return spreadsheets.xlsx_response(
                filename="lesson-plan-feedback", sheets=[(str(self.page_title), headers, rows)]
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "plans": list(feedback_per_plan()),
                "rows": list(feedback_rows(status=self.status())[:200]),
                "statuses": Status.choices,
                "status": self.status(),
                "may_moderate": may_moderate(self.request.user),
            }
        )
        return context


@never_cache
@require_POST
def feedback_moderate(request, pk: int):
    if not may_moderate(request.user):
        raise PermissionDenied
    feedback = get_object_or_404(LessonPlanFeedback, pk=pk)
    decision = request.POST.get("decision")
    if decision not in ("approve", "reject"):
        messages.error(request, _("Choose to approve or to reject the feedback."))
        return redirect(reverse("plan_feedback:index") + "?status=pending")
    approve = decision == "approve"
    plan_feedback_moderate(feedback=feedback, moderator=request.user, approve=approve)
    messages.success(
        request, _("The feedback is approved.") if approve else _("The feedback is rejected.")
    )
    return redirect(reverse("plan_feedback:index") + "?status=pending")


class FeedbackViewSet(ViewSet):
    name = "plan_feedback"
    url_prefix = "lesson-plan-feedback"
    icon = "comment"

    def get_urlpatterns(self):
        return [
            path("", FeedbackView.as_view(), name="index"),
            path("<int:pk>/moderate/", feedback_moderate, name="moderate"),
        ]
