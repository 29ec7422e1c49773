"""Seminars as course steps: booking sessions, the waiting list, calendar invitations,
reminders and the trainer's attendance register (records in courses.models.seminars)."""
