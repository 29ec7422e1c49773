"""Records the coordinator reports keep: exports, reminders and subscriptions, and the
enrollment tally.

The figures are aggregated from `courses.Enrollment`: each time for the single-course report, and
from `EnrollmentTally` — which the database itself keeps equal to the enrollments, in the same
transaction as every write (reports/tally/) — for the all-courses summary.
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


def _place(model: str, *, null: bool = False):
    """A reference kept by the tally's triggers, not by Django (no constraint, no cascade, no
    index of its own: each would slow every trigger's write; places move rarely)."""
    return models.ForeignKey(
        model,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        null=null,
        related_name="+",
    )


class TallyBase(models.Model):
    """Enrollments counted per (teacher's current school, school enrolled at, course,
    attestation period of completion, due date of the active assignment), for active teachers
    who have a school, with both schools' places: what the all-courses summary reads instead of
    300,000 enrollments, their teachers, places and assignments at national scale.

    Written only by database triggers (reports/tally/) on enrollments, assignments, teachers
    and places, never by Django code, so no write path — bulk imports and updates included —
    can leave it behind. The triggers add to the row of a key; `period` 0 stands for "not
    completed" and `due_on` 9999-12-31 for "not assigned, or completed" (never overdue).
    Enrollments made with no school have no unique key (NULLs differ), so they add rows instead:
    the sums stay exact, and a rebuild folds them together.
    """

    teacher_school = _place("schools.School")
    school = _place("schools.School", null=True)
    course = _place("courses.CoursePage")
    period = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    teacher_municipality = _place("schools.Municipality")
    teacher_district = _place("schools.District")
    teacher_region = _place("schools.Region")
    municipality = _place("schools.Municipality", null=True)
    district = _place("schools.District", null=True)
    region = _place("schools.Region", null=True)
    n_enrolled = models.IntegerField(default=0)
    n_in_progress = models.IntegerField(default=0)
    n_completed = models.IntegerField(default=0)
    hours = models.IntegerField(default=0)
    credits = models.IntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.teacher_school_id}/{self.school_id}/{self.course_id}/{self.period}"


KEY = ["teacher_school", "school", "course", "period", "due_on"]


class EnrollmentTally(TallyBase):
    class Meta:
        constraints = [models.UniqueConstraint(fields=KEY, name="tally_key")]
        indexes = [models.Index(fields=["course"], name="tally_course")]


class EnrollmentTallyByPosition(TallyBase):
    """The same, per position of the teacher: what a summary filtered by position reads."""

    position = models.CharField(max_length=30, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=[*KEY, "position"], name="tally_by_position_key")
        ]
        indexes = [models.Index(fields=["position", "course"], name="tally_position_course")]
