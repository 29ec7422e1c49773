"""`make run`'s last step: prepare the database (prepare_site), then runserver, in one process.

Django's runserver starts a second process to serve (and restarts it when code changes); the
preparation runs once, in the first, which has loaded Django already: a second `make run` pays
two Django start-ups in all instead of four (migrate, load_demo, runserver and its server).
"""

import os

from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand
from django.core.management import call_command
from django.db import connections


class Command(RunserverCommand):
    help = "Apply pending migrations, load the missing demo content, then run the dev server."

    def handle(self, *args, **options):
        if os.environ.get("RUN_MAIN") != "true":  # not in the server runserver restarts
            call_command("prepare_site", verbosity=options["verbosity"])
            connections.close_all()  # the server process opens its own
            self.stdout.write(
                f"==> Drom is at http://{options['addrport'] or '127.0.0.1:8000'}/ "
                "(English: /en/, admin: /admin/). Ctrl+C stops it."
            )
        super().handle(*args, **options)
