"""Shared body of import_schools and import_teachers: read, plan, print, apply unless --dry-run.

The command line is for national staff: it may import into every region.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from schools.importing.parsing import ImportFileError
from schools.models import Region


class ImportCommand(BaseCommand):
    kind = ""
    parse = None
    plan = None

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .xlsx file")
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would change, write nothing"
        )

    def apply(self, plan):
        raise NotImplementedError

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            rows = type(self).parse(path.read_bytes(), path.name)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        plan = type(self).plan(rows=rows, regions=Region.objects.all())
        for row in plan.rows:
            label = row.values.get("code") or row.values.get("email") or ""
            detail = "; ".join(str(e) for e in row.errors) or ", ".join(row.changes)
            self.stdout.write(f"{row.line:>5}  {row.action:<9}  {label}  {detail}".rstrip())
        counts = plan.counts
        summary = ", ".join(f"{counts[k]} {k}" for k in ("create", "update", "unchanged", "error"))
        if plan.has_errors:
            raise CommandError(f"{summary}. Nothing was imported: correct the errors above.")
        if options["dry_run"]:
            self.stdout.write(f"{summary}. Dry run: nothing was written.")
            return
        result = self.apply(plan)
        self.stdout.write(
            self.style.SUCCESS(
                f"{self.kind}: {result['created']} created, {result['updated']} updated."
            )
        )
