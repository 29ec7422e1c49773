"""Load Drom's demo content. Idempotent: it creates only what is missing, so a second run changes
nothing and content edited by hand is never overwritten."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from cms import demo as cms_demo
from cms.people import people_changed
from courses import demo as courses_demo
from curriculum import demo as curriculum_demo
from schools import demo as schools_demo

# In dependency order: each app's loader may use what the ones before it created.
LOADERS = [
    ("site pages", cms_demo.load),
    ("schools and people", schools_demo.load),
    ("library: lesson plans and resources", curriculum_demo.load),
    ("teacher courses and learners", courses_demo.load),
    ("home page section cards", cms_demo.describe_sections),
]


class Command(BaseCommand):
    help = "Create the demo pages, schools, people and content (only what is missing)."

    def handle(self, *args, **options):
        created = []
        verbose = options["verbosity"] > 1
        progress = options["verbosity"] > 0
        for number, (label, loader) in enumerate(LOADERS, start=1):
            # Progress as it goes: the first load generates images, PDFs and recordings.
            if progress:
                self.stdout.write(f"  [{number}/{len(LOADERS)}] {label}…", ending="")
                self.stdout.flush()
            start = time.monotonic()
            before = len(created)
            with transaction.atomic():
                loader(created.append)
                # The loaders write people's records in bulk (no model signals): their kept
                # personal pages are made stale (cms.people).
                people_changed(None)
            if progress:
                added = len(created) - before
                what = f"{added} created" if added else "already there"
                self.stdout.write(f" {what} ({time.monotonic() - start:.1f} s)")
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content: created {len(created)} items."))
            if verbose:
                for item in created:
                    self.stdout.write(f"  + {item}")
        else:
            self.stdout.write("Demo content is already loaded; nothing to do.")
        self.stdout.write(f"\nDemo logins (password: {schools_demo.DEMO_PASSWORD}):")
        for role, email in schools_demo.logins():
            self.stdout.write(f"  {email:<28} {role}")
