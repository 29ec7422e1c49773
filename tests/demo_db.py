"""The demo content in the test database: loaded by ``load_demo`` once, then kept between runs.

``load_demo`` takes half a minute (pages in two languages, generated images, worksheets and
recordings, 150 teachers, learners in every state). On SQLite the database it leaves, its media
files and what it printed are saved once under a name made from every migration
(tests/migrated_db.py) and every file the load may read — the project's apps, templates,
catalogues and pinned requirements — so any change to them loads it afresh and a stale copy is
never used. Later runs, and the other pytest-xdist worker, copy the saved database into their
in-memory one and the files into their media directory, which is what ``load_demo`` would have
made. Whatever the tests hold, the database is put back as it was before the demo when they are
done, so no other test sees it.

On PostgreSQL the demo is loaded in a transaction that is rolled back afterwards, every time.
Either way the load runs inside one transaction whose on-commit callbacks (lesson packs built in
the background) never run, as in a test.
"""

import fcntl
import functools
import hashlib
import io
import os
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction

from tests.migrated_db import CACHE_DIR, in_memory_sqlite, migrations_key

# Besides the apps' own folders: what the load may read from the project's top level.
SOURCES = ("templates", "locale", "i18n", "static", "requirements.txt")
IGNORED = {"__pycache__", "migrations"}  # the migrations are in migrations_key already
IGNORED_SUFFIXES = (".pyc", ".mo")


def _source_files():
    base = Path(settings.BASE_DIR)
    roots = {Path(app.path) for app in apps.get_app_configs()}
    # The project's apps; a virtualenv kept in the project folder (.venv) holds installed ones,
    # which requirements.txt pins. Hashing their 5,800 files took a third of a second, and made
    # another key when Python was started as .venv/bin/python than through a script whose first
    # line names the virtualenv by another path (so the demo was loaded again).
    roots = {
        root for root in roots if root.is_relative_to(base) and "site-packages" not in root.parts
    }
    roots |= {base / name for name in SOURCES}
    for root in sorted(roots):
        if root.is_file():
            yield base, root
        for folder, subfolders, files in os.walk(root):
            subfolders[:] = sorted(name for name in subfolders if name not in IGNORED)
            for name in sorted(files):
                if not name.endswith(IGNORED_SUFFIXES):
                    yield base, Path(folder) / name


@functools.cache  # the files do not change while the tests run
def demo_key() -> str:
    digest = hashlib.sha256(migrations_key().encode())
    for base, path in _source_files():
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _load_in_one_transaction() -> str:
    out = io.StringIO()
    outer = transaction.atomic()
    # Marked as Django's TestCase marks its class-wide transaction, so that a durable atomic
    # block in the code under test may still open inside it.
    outer._from_testcase = True
    with outer:
        call_command("load_demo", stdout=out)
        connection.run_on_commit.clear()  # as in a test: the callbacks never run
    return out.getvalue()


def _copy_in(saved: Path, media: Path) -> None:
    shutil.copytree(saved.with_suffix(".media"), media, dirs_exist_ok=True)
    with sqlite3.connect(saved) as source:
        source.backup(connection.connection)


def _load_or_copy(media: Path) -> str:
    """The demo in the in-memory SQLite database and ``media``: copied when saved, else loaded."""
    CACHE_DIR.mkdir(exist_ok=True)
    saved = CACHE_DIR / f"demo-{demo_key()}.sqlite3"
    printed = saved.with_suffix(".txt")
    with open(saved.with_suffix(".lock"), "w") as lock:
        # One process loads; another that needs it meanwhile waits, then copies.
        fcntl.flock(lock, fcntl.LOCK_EX)
        if saved.exists():
            _copy_in(saved, media)
            return printed.read_text()
        output = _load_in_one_transaction()
        partial = saved.with_suffix(f".{os.getpid()}.partial")
        shutil.rmtree(saved.with_suffix(".media"), ignore_errors=True)
        shutil.copytree(media, saved.with_suffix(".media"))
        printed.write_text(output)
        with sqlite3.connect(partial) as target:
            connection.connection.backup(target)
        partial.replace(saved)  # last: the database's presence says the rest is there
        return output


@contextmanager
def demo_content():
    """While active the test database holds the demo content and MEDIA_ROOT its files.

    Gives what ``load_demo`` printed when it loaded them (the logins, "created N items"). The
    database must not be inside a transaction when this starts or ends.
    """
    media = Path(settings.MEDIA_ROOT)
    cache.clear()
    if not in_memory_sqlite():
        outer = transaction.atomic()
        outer._from_testcase = True
        outer.__enter__()
        try:
            out = io.StringIO()
            call_command("load_demo", stdout=out)
            cache.clear()
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()
        return
    connection.ensure_connection()
    before = sqlite3.connect(":memory:")
    connection.connection.backup(before)
    try:
        output = _load_or_copy(media)
        cache.clear()
        yield output
    finally:
        before.backup(connection.connection)
        before.close()
        cache.clear()  # pages cached while the demo was there
