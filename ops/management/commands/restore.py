"""`python manage.py restore FILE`: a backup into an empty database and empty file stores.

Create the database first (`createdb drom_restored`) and point DATABASE_URL and the storage
settings at the new, empty places; `migrate` is not needed (the dump has the schema).
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` into an empty database and file store."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive written by `manage.py backup`.")

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"{path} does not exist.")
        try:
            manifest = backup_restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']}: {manifest['engine']} database, "
            f"{manifest['files']['default']} public and {manifest['files']['private']} "
            "private file(s)."
        )
