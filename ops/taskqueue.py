"""Keeping the database task queue moving when workers die.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: a worker
killed mid-task (deploy, out of memory, machine lost) would leave it RUNNING for ever. Every Drom
task is safe to run again, so such tasks are put back in the queue:

- by `run_worker` when it starts, for tasks last claimed under its own worker id (its previous
  life is certainly over);
- by `run_scheduled`, for tasks RUNNING longer than TASKS_STALE_AFTER_MINUTES (a worker that
  never came back).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus

logger = logging.getLogger("drom.tasks")


def database_queue_enabled() -> bool:
    return apps.is_installed("django_tasks_db") and settings.TASKS_BACKEND == "database"


def _requeue(results) -> int:
    count = 0
    for result in results:
        result.status = TaskResultStatus.READY
        result.started_at = None
        result.save(update_fields=["status", "started_at"])
        logger.warning(
            "task %s (%s) put back in the queue: its worker %s stopped before finishing it",
            result.pk, result.task_path, (result.worker_ids or ["?"])[-1],
        )  # fmt: skip
        count += 1
    return count


def requeue_tasks_of_worker(worker_id: str) -> int:
    """Tasks left RUNNING by an earlier process with this worker id, back to READY."""
    model = apps.get_model("django_tasks_database", "DBTaskResult")
    with transaction.atomic():
        running = model.objects.running().select_for_update()
        # The claiming worker is the last id in the list; JSON lookups differ between databases.
        return _requeue(r for r in running if r.worker_ids and r.worker_ids[-1] == worker_id)


def requeue_stale_tasks(*, older_than: timedelta | None = None) -> int:
    """Tasks RUNNING for longer than the limit, back to READY."""
    if older_than is None:
        older_than = timedelta(minutes=settings.TASKS_STALE_AFTER_MINUTES)
    model = apps.get_model("django_tasks_database", "DBTaskResult")
    with transaction.atomic():
        stale = model.objects.running().filter(started_at__lt=timezone.now() - older_than)
        return _requeue(stale.select_for_update(skip_locked=True))
