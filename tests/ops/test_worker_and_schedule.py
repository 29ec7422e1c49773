"""A worker killed mid-task loses nothing; periodic jobs run from one command, once per period."""

import io
from datetime import UTC, datetime, time, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from cms.models import StandardPage
from curriculum.models import DromDocument
from ops import scheduling
from ops.mail import email_queue
from ops.models import OutgoingEmail, PreparedDownload, ScheduledJob
from ops.taskqueue import requeue_stale_tasks, requeue_tasks_of_worker
from tests.curriculum.conftest import make_document
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def running_task(worker_id: str, *, minutes_ago: int = 1) -> DBTaskResult:
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {"email_ids": []}},
        task_path="ops.tasks.deliver_emails",
        backend_name="default",
        status="RUNNING",
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
        worker_ids=["earlier-worker", worker_id],
    )


def test_a_restarted_worker_requeues_only_its_own_unfinished_tasks(database_tasks):
    mine = running_task("worker-a")
    other = running_task("worker-b")
    assert requeue_tasks_of_worker("worker-a") == 1
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.status == "READY" and mine.started_at is None
    assert other.status == "RUNNING"


def test_tasks_running_too_long_are_requeued_by_the_scheduler(database_tasks, settings):
    settings.TASKS_STALE_AFTER_MINUTES = 30
    fresh = running_task("worker-a", minutes_ago=5)
    stale = running_task("worker-b", minutes_ago=45)
    assert requeue_stale_tasks() == 1
    fresh.refresh_from_db()
    stale.refresh_from_db()
    assert (fresh.status, stale.status) == ("RUNNING", "READY")
    assert scheduling.requeue_lost_tasks() == "0 task(s) queued again"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_killed_delivery_is_finished_once_by_the_restarted_worker(database_tasks, settings):
    """The worker died after the first of three e-mails: its task stayed RUNNING. Restarted
    under the same id it puts the task back and sends the two others, and only those."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    emails = [
        email_queue(to=f"t{n}@example.test", subject="S", body="B", kind="reminder")
        for n in range(3)
    ]
    DBTaskResult.objects.all().delete()
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {"email_ids": [e.pk for e in emails]}},
        task_path="ops.tasks.deliver_emails",
        backend_name="default",
        status="RUNNING",
        started_at=timezone.now(),
        worker_ids=["drom-worker-1"],
    )
    OutgoingEmail.objects.filter(pk=emails[0].pk).update(
        status="sent", sent_at=timezone.now(), attempts=1
    )
    call_command("run_worker", "--batch", "--worker-id", "drom-worker-1", verbosity=0)
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert task.return_value == {"sent": 2, "retry": 0, "failed": 0, "skipped": 1}
    assert sorted(m.to[0] for m in mail.outbox) == ["t1@example.test", "t2@example.test"]


def test_publish_scheduled_runs_from_run_scheduled(home_bg):
    page = home_bg.add_child(instance=StandardPage(title="Покана", slug="pokana", live=False))
    revision = page.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    assert revision.approved_go_live_at
    out = io.StringIO()
    call_command("run_scheduled", stdout=out)
    assert "publish_scheduled" in out.getvalue()
    assert Page.objects.get(pk=page.pk).live


def test_a_job_runs_once_per_period_however_often_cron_calls():
    first = dict(scheduling.run_due_jobs())
    assert {"publish_scheduled", "retry_emails", "clear_sessions"} <= set(first)
    assert scheduling.run_due_jobs() == []  # the same minute, on this or another machine
    record = ScheduledJob.objects.get(name="publish_scheduled")
    assert record.last_ok and record.last_finished_at


def test_a_broken_job_is_recorded_and_the_others_still_run(monkeypatch):
    def broken():
        raise RuntimeError("disk full")

    jobs = [scheduling.Job("broken", "always", lambda last, now: True, broken)]
    monkeypatch.setattr(scheduling, "JOBS", jobs + scheduling.JOBS[:1])
    outcomes = dict(scheduling.run_due_jobs())
    assert outcomes["broken"] == "FAILED RuntimeError: disk full"
    assert "publish_scheduled" in outcomes
    assert not ScheduledJob.objects.get(name="broken").last_ok
    out = io.StringIO()
    call_command("run_scheduled", "--list", stdout=out)
    assert "publish_scheduled" in out.getvalue()


def test_daily_and_weekly_schedules():
    sofia = timezone.get_current_timezone()
    monday_8 = datetime(2026, 11, 30, 8, 0, tzinfo=sofia)
    weekly = scheduling._weekly(0, time(7, 0))
    assert weekly(None, monday_8)
    assert not weekly(monday_8 - timedelta(minutes=30), monday_8)  # 07:30 today: done
    assert weekly(monday_8 - timedelta(days=7), monday_8)
    sunday = datetime(2026, 11, 29, 23, 0, tzinfo=sofia)
    assert not weekly(monday_8 - timedelta(days=6, hours=1), sunday)
    daily = scheduling._daily(time(3, 0))
    assert not daily(datetime(2026, 11, 30, 3, 5, tzinfo=sofia), monday_8)
    assert daily(datetime(2026, 11, 29, 3, 5, tzinfo=sofia), monday_8)
    assert not daily(datetime(2026, 11, 29, 3, 5, tzinfo=sofia), monday_8.replace(hour=2))
    every = scheduling._every(5)
    now = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert not every(now - timedelta(minutes=2), now)
    assert every(now - timedelta(minutes=5), now)


def test_run_scheduled_names_unknown_jobs():
    with pytest.raises(CommandError, match="No such job: nightly"):
        call_command("run_scheduled", "--run", "nightly")


def test_old_prepared_downloads_are_deleted_with_their_files(private_root):
    user = UserFactory()
    old = PreparedDownload.objects.create(
        kind="k", title="t", requested_by=user, filename="a.zip", content_type="application/zip"
    )
    old.file.save("a.zip", io.BytesIO(b"zip"), save=True)
    path = private_root / old.file.name
    assert path.exists()
    PreparedDownload.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    fresh = PreparedDownload.objects.create(
        kind="k", title="t", requested_by=user, filename="b.zip", content_type="application/zip"
    )
    assert scheduling.delete_old_downloads() == "1 prepared download(s) deleted"
    assert not path.exists()
    assert list(PreparedDownload.objects.all()) == [fresh]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_search_index_updates_wait_for_the_worker(database_tasks, settings, tmp_path):
    """Wagtail queues its search-index updates as tasks: with the database queue a new
    document is findable once a worker has run them, not inside the author's request."""
    settings.MEDIA_ROOT = tmp_path / "media"
    make_document(title="Кошничарство край Дунав")
    assert DBTaskResult.objects.filter(task_path="modelsearch.tasks.insert_or_update_object_task")
    assert not DromDocument.objects.search("Кошничарство").count()
    call_command("run_worker", "--batch", "--worker-id", "index-test", verbosity=0)
    assert [d.title for d in DromDocument.objects.search("Кошничарство")] == [
        "Кошничарство край Дунав"
    ]
