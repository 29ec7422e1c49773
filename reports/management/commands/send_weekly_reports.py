"""E-mail each subscribed coordinator an XLSX of their regions (run weekly by cron or a timer).

    python manage.py send_weekly_reports            # those not sent in the last 6 days
    python manage.py send_weekly_reports --force    # everyone subscribed, now

Skipping those sent in the last 6 days makes a scheduler that runs twice harmless. Each report
is built and mailed by a task (a worker in production); `run_scheduled` calls this on Mondays.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from reports.models import ReportSubscription
from reports.tasks import send_weekly_report


class Command(BaseCommand):
    help = "E-mail the weekly XLSX completion report to every subscribed coordinator."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Send even if sent this week.")

    def handle(self, *args, **options):
        subscriptions = ReportSubscription.objects.select_related("user").order_by("pk")
        if not options["force"]:
            cutoff = timezone.now() - timedelta(days=6)
            subscriptions = subscriptions.exclude(last_sent_at__gt=cutoff)
        queued = 0
        for subscription_id in subscriptions.values_list("pk", flat=True):
            send_weekly_report.enqueue(subscription_id=subscription_id, force=options["force"])
            queued += 1
        self.stdout.write(f"Weekly reports queued: {queued}")
