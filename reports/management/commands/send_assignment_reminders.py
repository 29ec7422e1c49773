"""Queue today's assignment reminders as a task (run daily by `run_scheduled`).

    python manage.py send_assignment_reminders

Each reminder goes once (the assignment is marked when its e-mail is queued), so running this
twice a day, or on several machines, sends nothing twice.
"""

from django.core.management.base import BaseCommand

from reports.tasks import send_assignment_reminders


class Command(BaseCommand):
    help = "Queue the e-mails to teachers whose assigned course is due in 14 or 3 days or overdue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", default="", help="Run as if it were this day (YYYY-MM-DD): catch-up, tests."
        )

    def handle(self, *args, **options):
        send_assignment_reminders.enqueue(today=options["today"])
        self.stdout.write("Assignment reminders queued")
