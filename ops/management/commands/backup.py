"""`python manage.py backup FILE`: the database and every stored file in one tar archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database and all stored files (public and private) into one archive."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write the archive, e.g. drom-2026-11-30.tar")

    def handle(self, *args, **options):
        try:
            manifest = backup_create(Path(options["path"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup written to {options['path']}: {manifest['engine']} database, "
            f"{manifest['files']['default']} public and {manifest['files']['private']} "
            "private file(s)."
        )
