"""Writes with rules for the reports: reminders, the export log, weekly subscriptions."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, Enrollment
from ops import audit
from schools import scoping
from schools.models import User

from .filters import ReportFilters
from .models import REMINDER_INTERVAL, ExportLog, ReminderLog, ReportSubscription
from .selectors import scoped_teachers
from .tasks import send_reminders

MAX_REMINDERS_AT_ONCE = 500


class ReportError(Exception):
    """A refusal the coordinator should read."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class ReminderResult:
    queued: list[ReminderLog] = field(default_factory=list)
    completed: int = 0
    recent: int = 0


def reminders_send(*, sender: User, course: CoursePage, teacher_ids: list[int]) -> ReminderResult:
    """Queue one reminder per chosen teacher who has not finished and was not reminded lately.

    Refuses the whole request (nothing is sent) if any teacher is outside the sender's scope.
    The teachers' rows are locked while the 7-day rule is checked, so two coordinators clicking
    at once cannot both remind the same teacher.
    """
    if not scoping.is_coordinator(sender):
        raise PermissionDenied
    ids = sorted({int(pk) for pk in teacher_ids})
    if not ids:
        raise ReportError(_("Choose at least one teacher to remind."))
    if len(ids) > MAX_REMINDERS_AT_ONCE:
        raise ReportError(_("Remind at most 500 teachers at once."))
    if not course.live or not course.enrollment_open:
        raise ReportError(_("This course is closed: its teachers are not reminded."))
    result = ReminderResult()
    with transaction.atomic():
        teachers = list(
            scoped_teachers(viewer=sender).filter(pk__in=ids).select_for_update(of=("self",))
        )
        if len(teachers) != len(ids):
            raise PermissionDenied
        done = set(
            Enrollment.objects.filter(
                course=course, teacher_id__in=ids, status=Enrollment.Status.COMPLETED
            ).values_list("teacher_id", flat=True)
        )
        recent = set(
            ReminderLog.objects.filter(
                course=course,
                teacher_id__in=ids,
                created_at__gt=timezone.now() - REMINDER_INTERVAL,
            ).values_list("teacher_id", flat=True)
        )
        result.completed = len(done)
        result.recent = len(recent - done)
        result.queued = ReminderLog.objects.bulk_create(
            [
                ReminderLog(teacher=t, course=course, sent_by=sender, email=t.email)
                for t in teachers
                if t.pk not in done and t.pk not in recent
            ]
        )
        for reminder in result.queued:
            audit.record(
                instance=reminder,
                action=audit.REMINDER_QUEUE,
                user=sender,
                data={"course": course.title},
            )
        log_ids = [log.pk for log in result.queued]
        if log_ids:
            transaction.on_commit(lambda: send_reminders.enqueue(log_ids=log_ids))
    return result


def export_log_create(
    *, user: User, export_format: str, filters: ReportFilters, level: str, rows: int
) -> ExportLog:
    export = ExportLog.objects.create(
        user=user,
        format=export_format,
        course=filters.course,
        level=level,
        filters=filters.as_params(),
        rows=rows,
    )
    audit.record(
        instance=export,
        action=audit.REPORT_EXPORT,
        user=user,
        data={"format": export_format, "level": level, "rows": rows},
    )
    return export


def subscription_set(*, user: User, subscribed: bool) -> ReportSubscription | None:
    """Subscribe a coordinator to the weekly XLSX of their regions, or unsubscribe."""
    if not scoping.is_coordinator(user):
        raise PermissionDenied
    if subscribed:
        subscription, _created = ReportSubscription.objects.get_or_create(user=user)
        return subscription
    ReportSubscription.objects.filter(user=user).delete()
    return None
