"""Queue e-mails: write them to the outbox and let a task deliver them.

    email_queue(to=…, subject=…, body=…, kind=OutgoingEmail.Kind.REMINDER, recipient=teacher)

The row is written in the caller's transaction and the delivery task is queued when it commits,
so a rolled-back import sends nothing. Subjects are folded onto one line.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction

from .models import OutgoingEmail
from .tasks import deliver_emails

# One task per this many e-mails, so that a big import is spread over the workers.
BATCH = 200


@dataclass(frozen=True)
class Attachment:
    name: str
    content: bytes
    content_type: str


def _row(*, to, subject, body, kind, recipient=None, requested_by=None) -> OutgoingEmail:
    return OutgoingEmail(
        to_email=to,
        subject=" ".join(str(subject).split())[:255],
        body=body,
        kind=kind,
        recipient=recipient,
        requested_by=requested_by,
    )


def enqueue_delivery(ids: list[int]) -> None:
    """Queue delivery of these outbox rows once the current transaction commits."""
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        transaction.on_commit(lambda chunk=chunk: deliver_emails.enqueue(email_ids=chunk))


def email_queue(
    *,
    to: str,
    subject: str,
    body: str,
    kind: str,
    recipient=None,
    requested_by=None,
    attachment: Attachment | None = None,
    deliver: bool = True,
) -> OutgoingEmail:
    """Write one e-mail to the outbox; with deliver=False the caller queues delivery of a whole
    batch itself (enqueue_delivery), so that one task sends them all."""
    email = _row(
        to=to, subject=subject, body=body, kind=kind, recipient=recipient, requested_by=requested_by
    )
    if attachment is not None:
        email.attachment_name = attachment.name
        email.attachment_type = attachment.content_type
        email.attachment.save(attachment.name, ContentFile(attachment.content), save=False)
    email.save()
    if deliver:
        enqueue_delivery([email.pk])
    return email


def emails_queue(messages: list[dict], *, deliver: bool = True) -> list[OutgoingEmail]:
    """Many e-mails at once (keyword dicts as for email_queue, without attachments), in one
    INSERT; with deliver=False the caller queues their delivery (enqueue_delivery)."""
    emails = OutgoingEmail.objects.bulk_create([_row(**message) for message in messages])
    if deliver:
        enqueue_delivery([email.pk for email in emails])
    return emails


def email_send_now(**fields) -> OutgoingEmail:
    """Write one e-mail and queue its delivery at once, for a caller whose own writes are
    already committed (a view answering a visitor): the immediate backend sends it before the
    page is shown, a worker as soon as it can; a refusal is retried like any other."""
    email = email_queue(**fields, deliver=False)
    deliver_emails.enqueue(email_ids=[email.pk])
    return email
