"""The background worker: `python manage.py run_worker` (needs TASKS_BACKEND=database).

Run one or more on any machine (systemd, Docker); each needs a worker id of its own that stays
the same across restarts (default: the host name), so that a restarted worker first puts back in
the queue what its previous life was running when it was killed. Other options are passed to
django-tasks-db's `db_worker` (e.g. --queue-name, --interval, --max-tasks).
"""

from __future__ import annotations

import socket

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ops.startup import verify_services
from ops.taskqueue import database_queue_enabled, requeue_tasks_of_worker


class Command(BaseCommand):
    help = "Run a background task worker (TASKS_BACKEND=database)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker-id",
            default=socket.gethostname()[:64],
            help="Unique per worker and stable across its restarts (default: host name).",
        )
        parser.add_argument("--interval", type=float, default=1.0)
        parser.add_argument("--queue-name", default="*")
        parser.add_argument("--max-tasks", type=int, default=None)
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then exit.")

    def handle(self, *args, **options):
        if not database_queue_enabled():
            raise CommandError(
                "The worker needs TASKS_BACKEND=database (with TASKS_BACKEND=immediate every task "
                "runs inside the request that queues it, and there is nothing to work on)."
            )
        verify_services()
        worker_id = options["worker_id"]
        requeued = requeue_tasks_of_worker(worker_id)
        if requeued:
            self.stderr.write(
                f"Put {requeued} unfinished task(s) of {worker_id} back in the queue."
            )
        extra = {"max_tasks": options["max_tasks"]} if options["max_tasks"] else {}
        call_command(
            "db_worker",
            worker_id=worker_id,
            interval=options["interval"],
            queue_name=options["queue_name"],
            batch=options["batch"],
            reload=False,
            startup_delay=False,
            verbosity=options["verbosity"],
            **extra,
        )
