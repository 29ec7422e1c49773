"""`make run`'s database steps in one process: migrations if any are pending, then the demo content.

A second `make run` pays one Django start-up here instead of two, and when every migration is
applied it skips `migrate` altogether (its system checks and the post-migrate handlers that walk
every model's permissions); the only post-migrate work Drom needs then, pointing the Wagtail site
at BASE_URL, is done directly.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from ops.signals import site_sync_from_base_url


def pending_migrations(using: str = DEFAULT_DB_ALIAS) -> list:
    executor = MigrationExecutor(connections[using])
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


class Command(BaseCommand):
    help = "Apply pending migrations (if any), then load the demo content that is missing."
    requires_system_checks = []  # `migrate` runs them when it has work to do

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        pending = pending_migrations()
        if pending:
            self.stdout.write(f"==> Database: applying {len(pending)} migrations")
            call_command("migrate", interactive=False, verbosity=verbosity)
        else:
            self.stdout.write("==> Database: every migration is applied")
            site_sync_from_base_url()
        self.stdout.write("==> Demo content")
        call_command("load_demo", verbosity=verbosity)
