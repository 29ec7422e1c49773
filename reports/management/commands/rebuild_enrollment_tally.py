"""Count the enrollment tally afresh and put back any missing trigger (reports/tally/).

`migrate` does both by itself; this is for after a manual change to the database (a restore of
one table, triggers dropped by hand) or to check that the tally agrees with the enrollments.
"""

from django.core.management.base import BaseCommand

from reports import tally
from reports.models import EnrollmentTally


class Command(BaseCommand):
    help = "Count the enrollment tally of the all-courses report afresh."

    def handle(self, *args, **options):
        replaced = tally.install()
        if not replaced:
            tally.rebuild()
        rows = EnrollmentTally.objects.count()
        triggers = "triggers replaced" if replaced else "triggers in place"
        self.stdout.write(f"Enrollment tally counted afresh: {rows} rows ({triggers}).")
