"""Compile Drom's .po catalogues into .mo files with polib.

Django's compilemessages needs GNU gettext's msgfmt, which a fresh machine with only Python may not
have; polib (pure Python, already a wagtail-localize dependency) writes the same .mo files.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogues() -> list[Path]:
    """Every .po file Drom owns: the site's (LOCALE_PATHS) and each of its apps' own."""
    roots = [Path(p) for p in settings.LOCALE_PATHS]
    roots += [
        Path(settings.BASE_DIR) / app / "locale"
        for app in ("cms", "ops", "schools", "curriculum", "courses", "reports")
    ]
    return sorted(po for root in roots if root.is_dir() for po in root.glob("*/LC_MESSAGES/*.po"))


class Command(BaseCommand):
    help = "Compile the .po translation catalogues into .mo files (pure Python, no gettext needed)."

    def handle(self, *args, **options):
        for po_path in catalogues():
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue  # up to date: not even parsed (a second `make run` skips them all)
            po = polib.pofile(str(po_path))
            po.save_as_mofile(str(mo_path))
            if options["verbosity"] > 1:
                self.stdout.write(f"compiled {mo_path} ({po.percent_translated()}% translated)")
