"""Records the coordinator reports keep: exports, reminders and subscriptions.

The figures themselves are never stored here: they are aggregated from `courses.Enrollment`
each time, so a report can never disagree with the learner records.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

#: at most one reminder per teacher and course in this time (manual or scheduled)
REMINDER_INTERVAL = timedelta(days=7)


class ExportLog(models.Model):
    """Who exported which report, with which filters, when, and how many rows left the system."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("exported by"),
    )
    created_at = models.DateTimeField(_("exported at"), auto_now_add=True)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("course"),
    )
    level = models.CharField(_("level"), max_length=20)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    rows = models.PositiveIntegerField(_("rows"), default=0)

    class Meta:
        verbose_name = _("report export")
        verbose_name_plural = _("report exports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["created_at"], name="exportlog_created")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.format} {self.created_at:%Y-%m-%d %H:%M}"


class ReminderLog(models.Model):
    """One reminder to one teacher about one course: queued by a coordinator, sent by a task.

    The 7-day rule is checked while the teacher rows are locked (see services.reminders_send);
    this table is what it is checked against and what the teacher's page shows.
    """

    class Kind(models.TextChoices):
        MANUAL = "manual", _("by a coordinator")
        DUE_14 = "due_14", _("14 days before the due date")
        DUE_3 = "due_3", _("3 days before the due date")
        OVERDUE = "overdue", _("the day after the due date")

    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="course_reminders",
        verbose_name=_("teacher"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("course"),
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    email = models.EmailField(_("sent to"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MANUAL)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["teacher", "course", "created_at"], name="reminder_teacher_course")
        ]

    def __str__(self) -> str:
        return f"{self.teacher_id} – {self.course_id} {self.created_at:%Y-%m-%d}"


class ReportSubscription(models.Model):
    """A coordinator who wants the weekly XLSX of their regions by e-mail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="report_subscription",
        verbose_name=_("coordinator"),
    )
    created_at = models.DateTimeField(_("subscribed at"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("last sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("weekly report subscription")
        verbose_name_plural = _("weekly report subscriptions")

    def __str__(self) -> str:
        return str(self.user_id)


class ReportPreference(models.Model):
    """What a coordinator chose to see in the report tables, kept across sessions and devices."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="report_preference",
        verbose_name=_("coordinator"),
    )
    #: the optional columns of the teacher table she keeps shown (names of report columns)
    teacher_columns = models.JSONField(_("teacher table columns"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("report preference")
        verbose_name_plural = _("report preferences")

    def __str__(self) -> str:
        return str(self.user_id)
