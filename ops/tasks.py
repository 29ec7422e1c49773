"""Tasks of the ops layer: delivering the e-mail outbox.

Every Drom task is safe to run twice (a worker killed mid-task is restarted with it): here each
e-mail row is locked, sent and marked sent in one transaction, so a second run skips it.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task, task_backends

from .models import OutgoingEmail

logger = logging.getLogger("drom.mail")

# Minutes to wait after the 1st, 2nd, … failed attempt (the last pause repeats).
RETRY_PAUSES = (1, 5, 15, 60, 240)


def retry_pause(attempts: int) -> timedelta:
    return timedelta(minutes=RETRY_PAUSES[min(attempts, len(RETRY_PAUSES)) - 1])


def _message(email: OutgoingEmail) -> EmailMessage:
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "drom.bg"
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to_email],
        # The same id on every attempt: a mail server or client that sees it twice keeps one.
        headers={"Message-ID": f"<drom-{email.pk}-{email.created_at:%Y%m%d%H%M%S}@{domain}>"},
    )
    if email.attachment:
        with email.attachment.open("rb") as attachment:
            message.attach(email.attachment_name, attachment.read(), email.attachment_type)
    return message


def _deliver_one(pk: int) -> str:
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=timezone.now())
            .first()
        )
        if email is None:  # sent, failed, not due yet, or another worker has it now
            return "skipped"
        email.attempts += 1
        try:
            _message(email).send()
        except Exception as error:  # any refusal: the server, the network, a bad address
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.attempts >= settings.EMAIL_MAX_ATTEMPTS:
                email.status = OutgoingEmail.Status.FAILED
                logger.error(
                    "e-mail %s to %s failed for good after %s attempts: %s",
                    email.pk, email.to_email, email.attempts, email.last_error,
                )  # fmt: skip
            else:
                email.next_attempt_at = timezone.now() + retry_pause(email.attempts)
                logger.warning(
                    "e-mail %s to %s failed (attempt %s), next try at %s: %s",
                    email.pk, email.to_email, email.attempts, email.next_attempt_at,
                    email.last_error,
                )  # fmt: skip
            email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            return "retry" if email.status == OutgoingEmail.Status.PENDING else "failed"
        email.status = OutgoingEmail.Status.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        return "sent"


@task()
def deliver_emails(*, email_ids: list[int]) -> dict[str, int]:
    """Send the given outbox rows that are due; returns how many were sent, retried, failed."""
    counts = {"sent": 0, "retry": 0, "failed": 0, "skipped": 0}
    retry = []
    for pk in email_ids:
        outcome = _deliver_one(pk)
        counts[outcome] += 1
        if outcome == "retry":
            retry.append(pk)
    if retry and task_backends["default"].supports_defer:
        due = OutgoingEmail.objects.filter(pk__in=retry).order_by("next_attempt_at").first()
        deliver_emails.using(run_after=due.next_attempt_at).enqueue(email_ids=retry)
    # Without a deferring backend `run_scheduled` picks the retries up when they are due.
    return counts
