"""Teachers' "I taught this" (Преподавах това): a rating and a short comment on a lesson plan,
shown on the plan once a methodologist approved it. One per teacher and plan (she may edit it,
which sends it back for moderation); it points at the plan in the default language, so the
Bulgarian plan and its translations share their feedback."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

COMMENT_MAX = 500


class LessonPlanFeedback(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting moderation")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    plan = models.ForeignKey(
        "curriculum.LessonPlanPage",
        on_delete=models.CASCADE,  # a teacher's word about a plan goes with the plan
        related_name="feedback",
        verbose_name=_("lesson plan"),
    )
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="lesson_plan_feedback",
        verbose_name=_("teacher"),
    )
    rating = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("given at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )

    class Meta:
        verbose_name = _("“I taught this” feedback")
        verbose_name_plural = _("“I taught this” feedback")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["teacher", "plan"], name="one_feedback_per_plan"),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="feedback_rating_range"
            ),
        ]
        indexes = [models.Index(fields=["plan", "status"], name="feedback_plan_status")]

    def __str__(self) -> str:
        return f"{self.plan_id} – {self.rating}/5"
