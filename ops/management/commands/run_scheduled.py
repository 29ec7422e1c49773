"""Run Drom's periodic jobs that are due: the one command cron needs.

    * * * * *  cd /srv/drom && .venv/bin/python manage.py run_scheduled

Safe on every machine at once (each job runs once per period). `--list` shows the jobs and when
they last ran; `--run NAME` runs one now, due or not.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ops.models import ScheduledJob
from ops.scheduling import JOBS, JOBS_BY_NAME, run_due_jobs
from ops.startup import verify_services


class Command(BaseCommand):
    help = "Run the periodic jobs that are due (call it every minute from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="Show the jobs and their last run.")
        parser.add_argument(
            "--run", action="append", metavar="NAME", help="Run this job now (repeatable)."
        )

    def handle(self, *args, **options):
        if options["list"]:
            records = {record.name: record for record in ScheduledJob.objects.all()}
            for job in JOBS:
                record = records.get(job.name)
                last = (
                    timezone.localtime(record.last_started_at).strftime("%Y-%m-%d %H:%M")
                    if record and record.last_started_at
                    else "never"
                )
                state = "" if record is None or record.last_ok else "  (last run FAILED)"
                self.stdout.write(f"{job.name:22} {job.schedule:20} last run: {last}{state}")
            return
        names = options["run"] or []
        unknown = [name for name in names if name not in JOBS_BY_NAME]
        if unknown:
            raise CommandError(f"No such job: {', '.join(unknown)}. See --list.")
        verify_services()
        for name, outcome in run_due_jobs(only=names or None, force=bool(names)):
            self.stdout.write(f"{name}: {outcome}")
