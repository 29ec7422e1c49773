"""Assignment reminders and the coordinators' weekly overdue digest (run by scheduled tasks).

Teachers get an e-mail 14 and 3 days before the due date and the day after it — each once (the
assignment row is marked in the same transaction that queues the e-mail), never once the course
is completed or closed, and not when a coordinator reminded them about the course within the
reminder throttle (7 days, reports.services.REMINDER_INTERVAL). Each one is logged as a
ReminderLog, so the report shows "reminded on …" and a coordinator cannot remind again within
the throttle. A missed day is caught up: each stage has a window of a few days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from courses.models import Assignment, Enrollment
from ops.addresses import public_url
from ops.mail import email_queue, emails_queue, enqueue_delivery
from ops.models import OutgoingEmail
from schools import scoping
from schools.signals import people_touched

from .models import REMINDER_INTERVAL, ReminderLog

BATCH = 500
#: names in the digest e-mail, at most (the counts are always complete)
DIGEST_NAMES = 200


@dataclass(frozen=True)
class Stage:
    kind: str
    marker: str
    #: days left until the due date (negative: days past it), the first and last day it goes
    first: int
    last: int


STAGES = (
    Stage(ReminderLog.Kind.DUE_14, "reminded_14_at", 14, 12),
    Stage(ReminderLog.Kind.DUE_3, "reminded_3_at", 3, 1),
    Stage(ReminderLog.Kind.OVERDUE, "reminded_overdue_at", -1, -3),
)


def _completed():
    return Enrollment.objects.filter(
        teacher=OuterRef("teacher_id"),
        course=OuterRef("course_id"),
        status=Enrollment.Status.COMPLETED,
    )


def open_assignments() -> QuerySet[Assignment]:
    """Active assignments of open courses to active teachers who have not completed them."""
    return (
        Assignment.objects.active()
        .filter(course__live=True, teacher__is_active=True)
        .exclude(Exists(_completed()))
    )


def overdue_assignments(*, today: dt.date) -> QuerySet[Assignment]:
    return open_assignments().filter(due_on__lt=today)


def _stage_due(stage: Stage, today: dt.date) -> QuerySet[Assignment]:
    return open_assignments().filter(
        **{f"{stage.marker}__isnull": True},
        due_on__gte=today + dt.timedelta(days=stage.last),
        due_on__lte=today + dt.timedelta(days=stage.first),
    )


def _email(
    assignment: Assignment, stage: Stage, today: dt.date, *, course_url: str
) -> tuple[str, str]:
    context = {
        "teacher": assignment.teacher,
        "course": assignment.course,
        "course_url": course_url,
        "assignment": assignment,
        "stage": stage.kind,
        "days_left": (assignment.due_on - today).days,
        "coordinator": assignment.assigned_by.get_full_name() or assignment.assigned_by.email,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override("bg"):
        subject = render_to_string("reports/email/assignment_subject.txt", context).strip()
        body = render_to_string("reports/email/assignment_body.txt", context)
    return subject, body


def _send_batch(ids: list[int], stage: Stage, today: dt.date) -> list[int]:
    now = timezone.now()
    with transaction.atomic():
        rows = list(
            _stage_due(stage, today)
            .filter(pk__in=ids)
            .select_related("teacher", "course", "assigned_by")
            .select_for_update(of=("self",))
        )
        recent = set(
            ReminderLog.objects.filter(
                kind=ReminderLog.Kind.MANUAL,
                teacher_id__in=[a.teacher_id for a in rows],
                created_at__gt=now - REMINDER_INTERVAL,
            ).values_list("teacher_id", "course_id")
        )
        logs, messages, course_urls = [], [], {}
        for assignment in rows:
            setattr(assignment, stage.marker, now)
            if (assignment.teacher_id, assignment.course_id) in recent:
                continue  # reminded by a coordinator lately: this stage is skipped, not delayed
            if assignment.course_id not in course_urls:
                course_urls[assignment.course_id] = assignment.course.get_full_url()
            subject, body = _email(
                assignment, stage, today, course_url=course_urls[assignment.course_id]
            )
            messages.append(
                {
                    "to": assignment.teacher.email,
                    "subject": subject,
                    "body": body,
                    "kind": OutgoingEmail.Kind.REMINDER,
                    "recipient": assignment.teacher,
                    "requested_by": assignment.assigned_by,
                }
            )
            logs.append(
                ReminderLog(
                    teacher=assignment.teacher,
                    course=assignment.course,
                    sent_by=assignment.assigned_by,
                    email=assignment.teacher.email,
                    kind=stage.kind,
                    sent_at=now,
                )
            )
        # One INSERT for the batch's e-mails (one each made a national run 17,000 queries).
        queued = [email.pk for email in emails_queue(messages, deliver=False)]
        ReminderLog.objects.bulk_create(logs)
        Assignment.objects.bulk_update(rows, [stage.marker])
        people_touched(__name__, [a.teacher_id for a in rows])  # (no model signals in bulk)
    return queued


def assignment_reminders_run(*, today: dt.date | None = None) -> int:
    """Queue every assignment reminder due today; returns how many e-mails were queued."""
    today = today or timezone.localdate()
    queued = []
    for stage in STAGES:
        ids = list(_stage_due(stage, today).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            queued += _send_batch(ids[start : start + BATCH], stage, today)
    enqueue_delivery(queued)
    return len(queued)


def overdue_digest_send(*, coordinator, today: dt.date | None = None) -> bool:
    """E-mail one coordinator the overdue teachers in their scope; False when there are none."""
    today = today or timezone.localdate()
    overdue = overdue_assignments(today=today).filter(
        teacher__in=scoping.teachers_visible_to(coordinator)
    )
    total = overdue.count()
    if not total:
        return False
    rows = list(
        overdue.select_related("teacher__school", "course").order_by(
            "due_on", "course__title", "teacher__last_name", "pk"
        )[:DIGEST_NAMES]
    )
    context = {
        "coordinator": coordinator,
        "rows": rows,
        "total": total,
        "more": total - len(rows),
        "report_url": public_url(reverse("drom_reports:assignments") + "?overdue=1"),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override("bg"):
        subject = render_to_string("reports/email/digest_subject.txt", context).strip()
        body = render_to_string("reports/email/digest_body.txt", context)
    email_queue(
        to=coordinator.email,
        subject=subject,
        body=body,
        kind=OutgoingEmail.Kind.WEEKLY_REPORT,
        recipient=coordinator,
    )
    return True


def overdue_digests_run(*, today: dt.date | None = None) -> int:
    return sum(
        overdue_digest_send(coordinator=coordinator, today=today)
        for coordinator in scoping.coordinators().order_by("pk")
    )
