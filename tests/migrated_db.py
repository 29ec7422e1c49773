"""The migrated test database, kept between runs so that a run does not migrate again.

Creating the test database applies some 230 migrations (Wagtail's, Django's and ours, with the
data migrations that make the roles, regions and home pages): about 15 seconds, as long as a
third of the unit tests together. On SQLite the migrated database is saved once, under a name
made from every migration file of every installed app (and Django's version), and later runs
load it into their in-memory database instead of migrating. Any change to a migration — ours or
a package's — gives another name, so a stale copy is never used. PostgreSQL always migrates.
"""

import hashlib
import os
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path

import django
from django.apps import apps
from django.core import management
from django.db import connection

CACHE_DIR = Path(tempfile.gettempdir()) / "drom-test-db"


def migrations_key() -> str:
    digest = hashlib.sha256(django.get_version().encode())
    digest.update(os.environ.get("DJANGO_SETTINGS_MODULE", "").encode())
    for app in sorted(apps.get_app_configs(), key=lambda a: a.label):
        folder = Path(app.path) / "migrations"
        for path in sorted(folder.glob("*.py")) if folder.is_dir() else []:
            digest.update(f"{app.label}/{path.name}".encode())
            digest.update(path.read_bytes())
    # What migrate's post_migrate handlers put in the database besides the migrations: the
    # enrollment tally's triggers (reports/tally/).
    for path in sorted((Path(apps.get_app_config("reports").path) / "tally").glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def in_memory_sqlite() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@contextmanager
def migrate_once():
    """While active, the test database's ``migrate`` is a copy of a saved one when there is one."""
    real_call_command = management.call_command

    def call_command(name, *args, **options):
        if name != "migrate" or not in_memory_sqlite():
            return real_call_command(name, *args, **options)
        saved = CACHE_DIR / f"{migrations_key()}.sqlite3"
        connection.ensure_connection()
        if saved.exists():
            with sqlite3.connect(saved) as source:
                source.backup(connection.connection)
            return None
        result = real_call_command(name, *args, **options)
        CACHE_DIR.mkdir(exist_ok=True)
        partial = saved.with_suffix(f".{os.getpid()}.partial")
        with sqlite3.connect(partial) as target:
            connection.connection.backup(target)
        partial.replace(saved)  # atomic: two workers saving at once leave one whole copy
        return result

    management.call_command = call_command
    try:
        yield
    finally:
        management.call_command = real_call_command
