"""Close quiz attempts whose time limit (and grace period) is over, by each quiz's rule.

Run every minute by ops.scheduling, so a teacher who closed the browser gets her attempt
submitted (or not counted) at the limit, as the quiz says, without visiting it again.
"""

from django.core.management.base import BaseCommand

from courses.services import quiz_attempts_close_overdue


class Command(BaseCommand):
    help = "Close quiz attempts whose time is over."

    def handle(self, *args, **options):
        self.stdout.write(f"{quiz_attempts_close_overdue()} attempts closed")
