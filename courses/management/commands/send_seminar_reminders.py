"""Remind teachers of the seminar sessions they booked that start within a day (run by the
scheduler, ops.scheduling; each booking is reminded once, so running it twice sends nothing)."""

from django.core.management.base import BaseCommand

from courses.seminars.services import seminar_reminders_send


class Command(BaseCommand):
    help = "Queue reminders for seminar sessions starting within 24 hours."

    def handle(self, *args, **options):
        count = seminar_reminders_send()
        self.stdout.write(f"{count} seminar reminder(s) queued")
