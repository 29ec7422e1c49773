"""Backup and restore: the database and every stored file, in one tar archive.

    manage.py backup /backups/drom-2026-11-30.tar
    manage.py restore /backups/drom-2026-11-30.tar      # into an empty database and store

The archive holds manifest.json, the database (PostgreSQL: a pg_dump custom-format dump;
SQLite: a consistent copy made with SQLite's backup API) and files/<storage>/<path> for the
public and private stores, wherever they are (local disk or a bucket). A restore refuses a
database or a store that is not empty, so it can never mix two sites' data.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import connection
from django.utils import timezone

FORMAT = 1
STORES = ("default", "private")


class BackupError(Exception):
    """Something a person must fix before the backup or restore can go on."""


def _walk(storage: Storage, directory: str = "") -> Iterator[str]:
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for name in sorted(directories):
        yield from _walk(storage, f"{directory}/{name}" if directory else name)


def _engine() -> str:
    return connection.vendor  # "postgresql" or "sqlite"


def _pg_environment() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    args = ["--host", db.get("HOST") or "localhost", "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]  # never on the command line, where `ps` shows it
    return args, env


def _run(command: list[str], env: dict) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{Path(command[0]).name} failed: {error.stderr.strip()}") from error


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return path


def _dump_database(target: Path) -> None:
    if _engine() == "postgresql":
        args, env = _pg_environment()
        _run(
            [_tool("pg_dump"), *args, "--format=custom", "--no-owner", "--no-acl",
             f"--file={target}", settings.DATABASES["default"]["NAME"]],
            env,
        )  # fmt: skip
    elif _engine() == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
    else:
        raise BackupError(f"Backups of {_engine()} databases are not supported.")


def backup_create(path: Path) -> dict:
    """Write the archive to `path`; returns the manifest."""
    path = Path(path)
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / (
            "database.pgdump" if _engine() == "postgresql" else "database.sqlite3"
        )
        _dump_database(database)
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            archive.add(database, arcname=database.name)
            for alias in STORES:
                storage = storages[alias]
                counts[alias] = 0
                for name in _walk(storage):
                    info = tarfile.TarInfo(f"files/{alias}/{name}")
                    info.size = storage.size(name)
                    info.mtime = int(timezone.now().timestamp())
                    with storage.open(name, "rb") as source:
                        archive.addfile(info, source)
                    counts[alias] += 1
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "engine": _engine(),
                "database": database.name,
                "files": counts,
            }
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            with tempfile.TemporaryFile() as buffer:
                buffer.write(data)
                buffer.seek(0)
                archive.addfile(info, buffer)
        partial.replace(path)  # a half-written archive never carries the final name
    return manifest


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def _store_is_empty(alias: str) -> bool:
    return next(_walk(storages[alias]), None) is None


def restore_check(manifest: dict) -> None:
    if manifest.get("format") != FORMAT:
        raise BackupError("This archive was not made by `manage.py backup` of this version.")
    if manifest["engine"] != _engine():
        raise BackupError(
            f"The archive holds a {manifest['engine']} database, but DATABASE_URL points to "
            f"{_engine()}. Restore into the same kind of database."
        )
    if not _database_is_empty():
        raise BackupError(
            "The database is not empty. Restore into a new, empty database (createdb), never over "
            "a live one."
        )
    for alias in STORES:
        if not _store_is_empty(alias):
            raise BackupError(
                f"The {alias} file store is not empty. Restore into an empty bucket or directory."
            )


def _restore_database(archive: tarfile.TarFile, manifest: dict, tmp: Path) -> None:
    archive.extract(manifest["database"], path=tmp, filter="data")
    dump = tmp / manifest["database"]
    if manifest["engine"] == "postgresql":
        args, env = _pg_environment()
        _run(
            [_tool("pg_restore"), *args, "--no-owner", "--no-acl", "--exit-on-error",
             "--single-transaction", f"--dbname={settings.DATABASES['default']['NAME']}",
             str(dump)],
            env,
        )  # fmt: skip
    else:
        connection.ensure_connection()
        with sqlite3.connect(dump) as source:
            source.backup(connection.connection)
        source.close()


def backup_restore(path: Path) -> dict:
    """Restore the archive into the configured (empty) database and stores."""
    with tarfile.open(path, "r") as archive:
        try:
            manifest = json.load(archive.extractfile("manifest.json"))
        except KeyError:
            raise BackupError(f"{path} has no manifest.json: it is not a Drom backup.") from None
        restore_check(manifest)
        with tempfile.TemporaryDirectory() as tmp:
            _restore_database(archive, manifest, Path(tmp))
        for member in archive:
            if not member.isfile() or not member.name.startswith("files/"):
                continue
            _files, alias, name = member.name.split("/", 2)
            if alias not in STORES or ".." in name.split("/"):
                continue
            saved = storages[alias].save(name, File(archive.extractfile(member), name=name))
            if saved != name:
                raise BackupError(f"{name} could not be restored under its own name ({saved}).")
    cache.clear()  # pages, site addresses and sessions cached for the data that was there before
    return manifest
