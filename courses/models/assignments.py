"""Assignments: a coordinator asks a teacher to complete a course by a date.

An assignment enrolls the teacher (when she starts stays her choice) and carries the due date and
the coordinator's message. Reminders before and after the due date are marked on the row, so a
scheduled job sends each one once however often it runs. Cancelling keeps the row (and its log).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AssignmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(cancelled_at__isnull=True)


class Assignment(models.Model):
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="course_assignments",
        verbose_name=_("teacher"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("course"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    due_on = models.DateField(_("due date"))
    message = models.TextField(_("message"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # Each reminder once: 14 and 3 days before the due date, and the day after it.
    reminded_14_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_3_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_overdue_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "course"],
                condition=Q(cancelled_at__isnull=True),
                name="one_active_assignment",
            )
        ]
        indexes = [
            models.Index(fields=["course", "due_on"], name="assignment_course_due"),
            models.Index(fields=["due_on"], name="assignment_due"),
        ]

    def __str__(self) -> str:
        return f"{self.course} – {self.teacher} ({self.due_on:%d.%m.%Y})"
