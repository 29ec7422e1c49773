"""The course evaluation: a short form (ratings and free text) a teacher fills in after the last
step and before her certificate is issued, and the answers as records that outlive page edits."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.authoring.forms import TranslatedPageForm

from ..evaluation_blocks import EvaluationStreamBlock, questions
from .step_base import CourseStepMixin, PrivatePageMixin


class CourseEvaluationPage(CourseStepMixin, PrivatePageMixin, Page):
    """At most one per course; while it is live, certificates wait for the teacher's answers."""

    base_form_class = TranslatedPageForm
    introduction = models.TextField(_("introduction"), blank=True)
    questions = StreamField(EvaluationStreamBlock(), verbose_name=_("questions"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("questions")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course evaluation form")
        verbose_name_plural = _("course evaluation forms")

    step_kind = "evaluation"
    shows_certificate = True

    def get_context(self, request, *args, enrollment=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        submitted = (
            enrollment is not None
            and CourseEvaluation.objects.filter(enrollment=enrollment).exists()
        )
        context.update(
            {
                "course": self.course,
                "enrollment": enrollment,
                "items": questions(self.questions),
                "submitted": submitted,
                "can_answer": bool(enrollment and enrollment.is_completed and not submitted),
                "certificate": getattr(enrollment, "certificate", None) if enrollment else None,
                "errors": {},
                "typed": {},
            }
        )
        return context


class CourseEvaluation(models.Model):
    """One teacher's answers; coordinators read them without names (see reports)."""

    enrollment = models.OneToOneField(
        "courses.Enrollment", on_delete=models.PROTECT, related_name="evaluation"
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="evaluations",
        verbose_name=_("course"),
    )
    form = models.ForeignKey(
        CourseEvaluationPage, on_delete=models.PROTECT, related_name="responses"
    )
    # The questions as they were answered: the results never change with a later edit.
    questions = models.JSONField(default=list)
    answers = models.JSONField(_("answers"), default=dict)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("course evaluation")
        verbose_name_plural = _("course evaluations")
        indexes = [models.Index(fields=["course", "submitted_at"], name="evaluation_course")]

    def __str__(self) -> str:
        return f"{self.course_id} – {self.submitted_at:%Y-%m-%d}"
