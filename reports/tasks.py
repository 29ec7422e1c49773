"""Background work for the reports (django-tasks): reminder e-mails.

The task receives ids only (task arguments must serialise to JSON) and re-reads the rows, so a
worker that runs later never sends a reminder that no longer applies.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from courses.models import Enrollment

from .models import ReminderLog


@task()
def send_reminders(*, log_ids: list[int]) -> int:
    """Send the queued reminders; returns how many e-mails left."""
    sent = 0
    logs = ReminderLog.objects.filter(pk__in=log_ids, sent_at__isnull=True).select_related(
        "teacher", "course"
    )
    for log in logs:
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
        EmailMultiAlternatives(
            subject=subject, body=body, to=[log.email], from_email=settings.DEFAULT_FROM_EMAIL
        ).send()
        ReminderLog.objects.filter(pk=log.pk).update(sent_at=timezone.now())
        sent += 1
    return sent
