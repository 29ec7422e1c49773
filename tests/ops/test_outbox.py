"""The e-mail outbox: every message is a row, delivered once, retried, and failures recorded."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ops.mail import Attachment, email_queue
from ops.models import OutgoingEmail
from ops.scheduling import retry_due_emails
from ops.tasks import deliver_emails
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def queue(**overrides):
    values = {
        "to": "ana@example.test",
        "subject": "Напомняне:\n  курс",
        "body": "Здравейте!",
        "kind": OutgoingEmail.Kind.REMINDER,
    }
    return email_queue(**{**values, **overrides})


def test_a_queued_email_leaves_once_the_transaction_commits(
    flaky_mail, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue(attachment=Attachment("r.xlsx", b"PK-data", "application/vnd.ms-excel"))
        assert mail.outbox == []  # not before the commit
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Напомняне: курс"  # folded onto one line
    assert message.to == ["ana@example.test"]
    assert message.attachments == [("r.xlsx", b"PK-data", "application/vnd.ms-excel")]
    assert message.extra_headers["Message-ID"].startswith(f"<drom-{email.pk}-")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.sent_at and email.attempts == 1


def test_delivering_twice_sends_once(flaky_mail, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue()
    result = deliver_emails.enqueue(email_ids=[email.pk, email.pk])
    assert result.return_value == {"sent": 0, "retry": 0, "failed": 0, "skipped": 2}
    assert len(mail.outbox) == 1


def test_a_refused_email_is_retried_later_with_growing_pauses(
    flaky_mail, django_capture_on_commit_callbacks
):
    flaky_mail["left"] = 2
    with django_capture_on_commit_callbacks(execute=True):
        email = queue()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.PENDING
    assert email.attempts == 1
    assert "SMTPServerDisconnected" in email.last_error
    assert email.next_attempt_at - timezone.now() > timedelta(seconds=50)
    assert mail.outbox == []

    # Not due yet: the scheduler leaves it alone.
    with django_capture_on_commit_callbacks(execute=True):
        assert retry_due_emails() == "0 e-mail(s) queued again"
    # Due (a retry, 2 minutes past due): queued again, refused again, the pause grows to 5 min.
    OutgoingEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert retry_due_emails() == "1 e-mail(s) queued again"
    email.refresh_from_db()
    assert email.attempts == 2
    assert email.next_attempt_at - timezone.now() > timedelta(minutes=4)

    OutgoingEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        retry_due_emails()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and email.attempts == 3
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_email_is_marked_failed_and_logged(
    flaky_mail, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_MAX_ATTEMPTS = 2
    flaky_mail["left"] = 5
    with django_capture_on_commit_callbacks(execute=True):
        email = queue()
    OutgoingEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    deliver_emails.enqueue(email_ids=[email.pk])
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == 2
    assert any(
        record.levelname == "ERROR" and "failed for good" in record.getMessage()
        for record in caplog.records
    )
    # A failed e-mail is never retried by the scheduler.
    OutgoingEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - timedelta(hours=1)
    )
    assert retry_due_emails() == "0 e-mail(s) queued again"


# The worker takes its tasks in transactions of its own, as it does in production.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_queue_a_worker_delivers_and_a_retry_is_deferred(
    flaky_mail, database_tasks
):
    flaky_mail["left"] = 1
    first = queue(to="first@example.test")
    second = queue(to="second@example.test")
    assert mail.outbox == []  # queued in the database, nothing ran in the request
    assert DBTaskResult.objects.filter(status="READY").count() == 2

    call_command("run_worker", "--batch", "--worker-id", "test-worker", verbosity=0)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == OutgoingEmail.Status.PENDING and first.attempts == 1
    assert second.status == OutgoingEmail.Status.SENT
    # The refused one waits in the queue until its next attempt is due.
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"] == {"email_ids": [first.pk]}
    assert retry.run_after >= first.next_attempt_at - timedelta(seconds=1)

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    OutgoingEmail.objects.filter(pk=first.pk).update(next_attempt_at=timezone.now())
    call_command("run_worker", "--batch", "--worker-id", "test-worker", verbosity=0)
    assert sorted(m.to[0] for m in mail.outbox) == ["first@example.test", "second@example.test"]


def test_the_worker_refuses_to_start_without_the_database_queue():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="TASKS_BACKEND=database"):
        call_command("run_worker", "--batch")


def test_recipients_and_senders_are_kept(flaky_mail, django_capture_on_commit_callbacks):
    teacher = UserFactory(email="t@example.test")
    coordinator = UserFactory(email="c@example.test")
    with django_capture_on_commit_callbacks(execute=True):
        email = queue(recipient=teacher, requested_by=coordinator)
    email.refresh_from_db()
    assert (email.recipient, email.requested_by) == (teacher, coordinator)


def test_a_new_email_whose_task_was_lost_is_sent_by_the_scheduler(
    flaky_mail, django_capture_on_commit_callbacks
):
    email = queue()  # its delivery task never ran (no commit hook: a crash, say)
    assert retry_due_emails() == "0 e-mail(s) queued again"  # a big batch may still be sending
    OutgoingEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=11)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert retry_due_emails() == "1 e-mail(s) queued again"
    assert [m.to for m in mail.outbox] == [["ana@example.test"]]
