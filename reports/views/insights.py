"""Reports → Quiz statistics and Course drop-off: what authors learn from the results, as
aggregates over the viewer's scope (never a teacher's name or answers), exported through
reports.exports (CSV and XLSX, always in Bulgarian)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from schools import scoping

from .. import exports
from ..selectors.evaluations import ANONYMITY_THRESHOLD
from ..selectors.insights import course_insights, insight_courses, insight_quizzes, quiz_insights

KIND_LABELS = {
    "lesson": gettext_lazy("lesson"),
    "quiz": gettext_lazy("quiz"),
    "seminar": gettext_lazy("seminar"),
}


class InsightsViewMixin(WagtailAdminTemplateMixin):
    """Authors, methodologists and coordinators (else 403); never cached."""

    choices_label = gettext_lazy("Course")
    with_parent = False

    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        if not scoping.may_see_course_insights(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def choices(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.options = list(self.choices())
        wanted = request.GET.get("item", "")
        self.chosen = next((o for o in self.options if str(o.pk) == wanted), None)
        self.chosen = self.chosen or (self.options[0] if self.options else None)
        export = request.GET.get("export")
        if self.chosen is not None and export in ("csv", "xlsx"):
            with translation.override("bg"):
                headers, rows = self.table()
            name = f"{self.export_name}-{self.chosen.pk}"
            if export == "csv":
                return exports.csv_response(filename=name, headers=headers, rows=rows)
            sheet = (str(self.page_title), headers, rows)
            return exports.xlsx_response(filename=name, sheets=[sheet])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A quiz is named with its course (one query for all their parents).
        parents = dict(
            Page.objects.filter(
                path__in={o.path[: -Page.steplen] for o in self.options}
            ).values_list("path", "title")
        )
        labels = [
            (o, f"{parents[o.path[: -Page.steplen]]} – {o.title}" if self.with_parent else o.title)
            for o in self.options
        ]
        context.update(
            {
                "options": labels,
                "chosen": self.chosen,
                "choices_label": self.choices_label,
                "threshold": ANONYMITY_THRESHOLD,
            }
        )
        return context


class QuizInsightsView(InsightsViewMixin, TemplateView):
    template_name = "reports/quiz_insights.html"
    page_title = gettext_lazy("Quiz statistics")
    header_icon = "list-ol"
    choices_label = gettext_lazy("Quiz")
    with_parent = True
    export_name = "quiz-statistics"

    def choices(self):
        return insight_quizzes()

    @property
    def insights(self):
        if not hasattr(self, "_insights"):
            self._insights = quiz_insights(viewer=self.request.user, quiz=self.chosen)
        return self._insights

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["insights"] = self.insights if self.chosen else None
        return context

    def table(self):
        headers = [
            _("No."),
            _("Question"),
            _("Answered"),
            _("Facility"),
            _("Discrimination"),
            _("Most chosen wrong answers"),
        ]
        rows = [
            [
                q.number,
                q.text,
                q.answered,
                q.facility,
                q.discrimination,
                "; ".join(f"{text} ({n})" for text, n in q.wrong_answers),
            ]
            for q in self.insights.questions
        ]
        return headers, rows


class CourseInsightsView(InsightsViewMixin, TemplateView):
    template_name = "reports/course_insights.html"
    page_title = gettext_lazy("Course drop-off")
    header_icon = "order-down"
    export_name = "course-drop-off"

    def choices(self):
        return insight_courses()

    @property
    def insights(self):
        if not hasattr(self, "_insights"):
            self._insights = course_insights(viewer=self.request.user, course=self.chosen)
        return self._insights

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["insights"] = self.insights if self.chosen else None
        context["kinds"] = KIND_LABELS
        return context

    def table(self):
        headers = [
            _("No."),
            _("Step"),
            _("Kind"),
            _("Required"),
            _("Started"),
            _("Completed"),
            _("Completed (% of enrolled)"),
            _("Lost since the step before"),
        ]
        rows = [
            [
                s.number,
                s.title,
                str(KIND_LABELS.get(s.kind, s.kind)),
                s.required,
                s.started,
                s.completed,
                s.percent,
                s.lost,
            ]
            for s in self.insights.steps
        ]
        return headers, rows
