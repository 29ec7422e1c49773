"""Seminar records: the sessions of a seminar step and the teachers' bookings of them.

Sessions are plain models (not page children) because bookings point at them with PROTECT: a
session somebody booked can be cancelled by staff, never deleted with a page edit. A booking
carries its attendance (recorded by the session's trainer), which is what completes the step
(courses.progress) and what certificates count as hours in person.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SeminarSession(models.Model):
    seminar = models.ForeignKey(
        "courses.SeminarPage",
        on_delete=models.PROTECT,
        related_name="sessions",
        verbose_name=_("seminar"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    region = models.ForeignKey(
        "schools.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("planning region"),
        help_text=_("Only teachers of this region may book. Empty: open to every teacher."),
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    meeting_url = models.URLField(_("meeting link"), blank=True)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="seminar_sessions",
        verbose_name=_("trainer"),
    )
    capacity = models.PositiveSmallIntegerField(_("places"))
    academic_hours = models.PositiveSmallIntegerField(_("academic hours"))
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("seminar session")
        verbose_name_plural = _("seminar sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="session_ends"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="session_capacity"),
            models.CheckConstraint(condition=Q(academic_hours__gte=1), name="session_hours"),
        ]
        indexes = [models.Index(fields=["trainer", "starts_at"], name="session_trainer")]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at)
        return f"{self.seminar.title} – {start:%d.%m.%Y %H:%M}"

    @property
    def where(self) -> str:
        return self.place or self.meeting_url


class SeminarBooking(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("booked")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    class Attendance(models.TextChoices):
        PRESENT = "present", _("present")
        PARTLY = "partly", _("partly present")
        ABSENT = "absent", _("absent")

    session = models.ForeignKey(
        SeminarSession, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("session")
    )
    # Denormalised from the session: one live booking per teacher and seminar is a constraint.
    seminar = models.ForeignKey(
        "courses.SeminarPage", on_delete=models.PROTECT, related_name="+", verbose_name=_("seminar")
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.PROTECT, related_name="bookings"
    )
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="seminar_bookings",
        verbose_name=_("teacher"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=8, choices=Attendance.choices, blank=True
    )
    attended_hours = models.PositiveSmallIntegerField(_("hours attended"), default=0)
    attendance_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("attendance recorded by"),
    )
    attendance_at = models.DateTimeField(_("attendance recorded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("seminar booking")
        verbose_name_plural = _("seminar bookings")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["teacher", "seminar"],
                condition=~Q(status="cancelled"),
                name="one_live_booking_per_seminar",
            ),
            models.CheckConstraint(
                condition=Q(attendance="") | Q(status="booked"), name="attendance_only_booked"
            ),
        ]
        indexes = [models.Index(fields=["session", "status"], name="booking_session_status")]

    def __str__(self) -> str:
        return f"{self.teacher} – {self.session_id}"
