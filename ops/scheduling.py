"""Every periodic job of Drom, in one place, run by `python manage.py run_scheduled`.

Cron (or a systemd timer, or the compose `scheduler` service) calls `run_scheduled` every minute,
on one machine or on all of them: each job records when it last started and is claimed with a
compare-and-set on that time, so it runs once per period however many machines call it, and a
missed period (machine down) is caught up at the next call.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.management import call_command
from django.db import IntegrityError
from django.db.models import Q
from django.utils import timezone

from .mail import enqueue_delivery
from .models import OutgoingEmail, PreparedDownload, ScheduledJob
from .taskqueue import database_queue_enabled, requeue_stale_tasks

logger = logging.getLogger("drom.scheduled")

# A new e-mail is queued for delivery when it is written; one still waiting this long after it
# was due has lost its task (a worker died, a commit hook never ran) and is queued again. A
# retry is queued with its due time by a database queue; without one, this job sends it.
EMAIL_GRACE = timedelta(minutes=10)
RETRY_GRACE = timedelta(minutes=2)
DOWNLOADS_KEPT = timedelta(days=7)


def _every(minutes: int) -> Callable[[datetime | None, datetime], bool]:
    def due(last: datetime | None, now: datetime) -> bool:
        return last is None or now - last >= timedelta(minutes=minutes) - timedelta(seconds=5)

    return due


def _daily(at: time) -> Callable[[datetime | None, datetime], bool]:
    def due(last: datetime | None, now: datetime) -> bool:
        local = timezone.localtime(now)
        today = timezone.make_aware(datetime.combine(local.date(), at))
        mark = today if local >= today else today - timedelta(days=1)
        return last is None or last < mark

    return due


def _weekly(weekday: int, at: time) -> Callable[[datetime | None, datetime], bool]:
    def due(last: datetime | None, now: datetime) -> bool:
        local = timezone.localtime(now)
        monday = local.date() - timedelta(days=(local.weekday() - weekday) % 7)
        mark = timezone.make_aware(datetime.combine(monday, at))
        if local < mark:
            mark -= timedelta(days=7)
        return last is None or last < mark

    return due


def _command(name: str, *args) -> Callable[[], str]:
    def run() -> str:
        out = io.StringIO()
        call_command(name, *args, stdout=out, stderr=out)
        return out.getvalue().strip()

    return run


def retry_due_emails() -> str:
    now = timezone.now()
    due = Q(attempts=0, next_attempt_at__lte=now - EMAIL_GRACE) | Q(
        attempts__gt=0, next_attempt_at__lte=now - RETRY_GRACE
    )
    ids = list(
        OutgoingEmail.objects.filter(due, status=OutgoingEmail.Status.PENDING).values_list(
            "pk", flat=True
        )[:5000]
    )
    enqueue_delivery(ids)
    return f"{len(ids)} e-mail(s) queued again"


def requeue_lost_tasks() -> str:
    if not database_queue_enabled():
        return "no database queue"
    return f"{requeue_stale_tasks()} task(s) queued again"


def prune_task_results() -> str:
    if not database_queue_enabled():
        return "no database queue"
    return _command("prune_db_task_results", "--queue-name", "*", "--min-age-days", "14")()


def delete_old_downloads() -> str:
    old = PreparedDownload.objects.filter(created_at__lt=timezone.now() - DOWNLOADS_KEPT)
    count = 0
    for download in old:
        if download.file:
            download.file.delete(save=False)
        download.delete()
        count += 1
    return f"{count} prepared download(s) deleted"


@dataclass(frozen=True)
class Job:
    name: str
    schedule: str  # for people: README and `run_scheduled --list`
    due: Callable[[datetime | None, datetime], bool]
    run: Callable[[], str]


JOBS = [
    Job("publish_scheduled", "every minute", _every(1), _command("publish_scheduled")),
    Job("retry_emails", "every minute", _every(1), retry_due_emails),
    Job(
        "close_overdue_attempts",
        "every minute",
        _every(1),
        _command("close_overdue_attempts"),
    ),
    Job("requeue_lost_tasks", "every 5 minutes", _every(5), requeue_lost_tasks),
    Job(
        "weekly_reports",
        "Mondays from 07:00",
        _weekly(0, time(7, 0)),
        _command("send_weekly_reports"),
    ),
    Job(
        "seminar_reminders",
        "every 15 minutes",
        _every(15),
        _command("send_seminar_reminders"),
    ),
    Job(
        "assignment_reminders",
        "daily from 06:00",
        _daily(time(6, 0)),
        _command("send_assignment_reminders"),
    ),
    Job(
        "overdue_digests",
        "Mondays from 07:15",
        _weekly(0, time(7, 15)),
        _command("send_overdue_digests"),
    ),
    Job("clear_sessions", "daily from 03:00", _daily(time(3, 0)), _command("clearsessions")),
    Job("prune_task_results", "daily from 03:10", _daily(time(3, 10)), prune_task_results),
    Job("delete_old_downloads", "daily from 03:20", _daily(time(3, 20)), delete_old_downloads),
]
JOBS_BY_NAME = {job.name: job for job in JOBS}


def _claim(job: Job, *, now: datetime, force: bool) -> bool:
    """Take this period's run of the job; False if it is not due or another machine has it."""
    try:
        record, _created = ScheduledJob.objects.get_or_create(name=job.name)
    except IntegrityError:  # another machine created the row this instant
        record = ScheduledJob.objects.get(name=job.name)
    if not force and not job.due(record.last_started_at, now):
        return False
    return bool(
        ScheduledJob.objects.filter(pk=record.pk, last_started_at=record.last_started_at).update(
            last_started_at=now
        )
    )


def run_due_jobs(*, only: list[str] | None = None, force: bool = False) -> list[tuple[str, str]]:
    """Run every job that is due (or those named, if forced); returns (name, outcome) pairs."""
    now = timezone.now()
    done = []
    for job in JOBS:
        if only and job.name not in only:
            continue
        if not _claim(job, now=now, force=force):
            continue
        ok = True
        try:
            output = job.run()
        except Exception as error:  # one broken job must not stop the others
            ok = False
            output = f"{type(error).__name__}: {error}"
            logger.exception("scheduled job %s failed", job.name)
        else:
            logger.info("scheduled job %s: %s", job.name, output, extra={"job": job.name})
        ScheduledJob.objects.filter(name=job.name).update(
            last_finished_at=timezone.now(), last_ok=ok, last_output=output[-4000:]
        )
        done.append((job.name, output if ok else f"FAILED {output}"))
    return done
