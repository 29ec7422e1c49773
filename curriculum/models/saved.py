"""A teacher's bookmarks: the lesson plans they saved to "My lesson plans"."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedLessonPlan(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="saved_lesson_plans",
    )
    # A bookmark, not a learning record: it goes with the plan if the plan is deleted.
    page = models.ForeignKey(
        "curriculum.LessonPlanPage",
        verbose_name=_("lesson plan"),
        on_delete=models.CASCADE,
        related_name="saved_by",
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved lesson plan")
        verbose_name_plural = _("saved lesson plans")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="unique_saved_lesson_plan")
        ]

    def __str__(self):
        return f"{self.user} → {self.page}"
