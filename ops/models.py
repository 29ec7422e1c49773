"""Records of background work that people and operators need to see.

OutgoingEmail is the outbox: every e-mail Drom sends is a row first, then delivered by a task.
A row is sent once (its status changes in the same transaction as the delivery), retried with
growing pauses when the mail server refuses it, and shown to coordinators when it finally fails.

PreparedDownload is a file built in the background for one person (a ZIP of certificates);
ScheduledJob remembers when each periodic job last ran, so that cron may call `run_scheduled`
on every machine and each job still runs once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .storage import private_storage


class OutgoingEmail(models.Model):
    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Invitation")
        SIGNUP = "signup", _("Sign-up confirmation")
        REMINDER = "reminder", _("Reminder")
        WEEKLY_REPORT = "weekly_report", _("Weekly report")
        DOWNLOAD_READY = "download_ready", _("Download ready")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    to_email = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    attachment = models.FileField(
        _("attachment"), storage=private_storage, upload_to="mail/%Y/%m/", blank=True
    )
    attachment_name = models.CharField(max_length=200, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="ops_email_due_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
                name="ops_email_sent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to_email}"


class PreparedDownload(models.Model):
    """A file made by a task for the person who asked for it, kept a few days."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(
        _("file"), storage=private_storage, upload_to="downloads/%Y/%m/", blank=True
    )
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("prepared download")
        verbose_name_plural = _("prepared downloads")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="ready") | ~Q(file=""), name="ops_download_ready_has_file"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ScheduledJob(models.Model):
    """When a periodic job last ran; its row is locked while it runs (one machine at a time)."""

    name = models.CharField(max_length=60, unique=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_ok = models.BooleanField(default=True)
    last_output = models.TextField(blank=True)

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self) -> str:
        return self.name
