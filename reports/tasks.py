"""Background work for the reports (django-tasks): reminder e-mails and weekly reports.

Tasks receive ids only (task arguments must serialise to JSON) and re-read the rows, so a worker
that runs later never sends a reminder that no longer applies. Each queues its e-mail in the
outbox (ops.mail) in the same transaction that marks the work done, so running a task twice (a
worker restarted mid-batch) queues nothing twice; the outbox delivers, retries and records failures.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from courses.models import Enrollment
from ops.mail import email_queue, enqueue_delivery
from ops.models import OutgoingEmail
from schools import scoping

from . import campaigns
from .models import ReminderLog, ReportSubscription
from .weekly import weekly_report_send


@task()
def send_reminders(*, log_ids: list[int]) -> int:
    """Queue the reminders still due; returns how many e-mails were queued."""
    sent = 0
    queued = []
    for log_id in log_ids:
        with transaction.atomic():
            log = (
                ReminderLog.objects.select_for_update()
                .filter(pk=log_id, sent_at__isnull=True)
                .select_related("teacher", "course", "sent_by")
                .first()
            )
            if log is None:
                continue
            completed = Enrollment.objects.filter(
                teacher=log.teacher, course=log.course, status=Enrollment.Status.COMPLETED
            ).exists()
            if completed or not log.course.live:
                continue
            with translation.override("bg"):
                context = {
                    "teacher": log.teacher,
                    "course": log.course,
                    "course_url": log.course.get_full_url(),
                    "site_name": settings.WAGTAIL_SITE_NAME,
                }
                subject = render_to_string("reports/email/reminder_subject.txt", context).strip()
                body = render_to_string("reports/email/reminder_body.txt", context)
            email = email_queue(
                to=log.email,
                subject=subject,
                body=body,
                kind=OutgoingEmail.Kind.REMINDER,
                recipient=log.teacher,
                requested_by=log.sent_by,
                deliver=False,
            )
            ReminderLog.objects.filter(pk=log.pk).update(sent_at=timezone.now())
            queued.append(email.pk)
            sent += 1
    # One delivery task for the batch (a lost one is picked up by `run_scheduled`).
    enqueue_delivery(queued)
    return sent


@task()
def send_weekly_report(*, subscription_id: int, force: bool = False) -> bool:
    """Queue one coordinator's weekly XLSX unless this week's went already (or force)."""
    with transaction.atomic():
        subscription = (
            ReportSubscription.objects.select_for_update()
            .select_related("user")
            .filter(pk=subscription_id)
            .first()
        )
        if subscription is None:
            return False
        recent = timezone.now() - timedelta(days=6)
        if not force and subscription.last_sent_at and subscription.last_sent_at > recent:
            return False
        return weekly_report_send(subscription=subscription)


@task()
def send_assignment_reminders(*, today: str = "") -> int:
    """Queue the assignment reminders due on `today` (ISO date; default: today) — 14 and 3 days
    before the due date and the day after it."""
    day = date.fromisoformat(today) if today else None
    return campaigns.assignment_reminders_run(today=day)


@task()
def send_overdue_digest(*, coordinator_id: int) -> bool:
    """One coordinator's weekly list of overdue teachers in their regions."""
    coordinator = scoping.coordinators().filter(pk=coordinator_id).first()
    if coordinator is None:
        return False
    return campaigns.overdue_digest_send(coordinator=coordinator)
