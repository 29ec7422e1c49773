"""Queue each coordinator's weekly list of overdue teachers (run on Mondays by `run_scheduled`).

    python manage.py send_overdue_digests

A coordinator with nobody overdue in their regions gets nothing.
"""

from django.core.management.base import BaseCommand

from reports.tasks import send_overdue_digest
from schools import scoping


class Command(BaseCommand):
    help = "E-mail every coordinator the teachers in their regions past an assignment's due date."

    def handle(self, *args, **options):
        queued = 0
        for pk in scoping.coordinators().order_by("pk").values_list("pk", flat=True):
            send_overdue_digest.enqueue(coordinator_id=pk)
            queued += 1
        self.stdout.write(f"Overdue digests queued: {queued}")
