"""What /readyz checks: can this server reach the database, the cache and the file stores?"""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import storages
from django.db import connection

logger = logging.getLogger("drom.health")


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    key = f"readyz:{uuid.uuid4().hex}"
    # django-redis is set to hide outages from pages; a probe must see them, so compare values.
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise ConnectionError("the cache did not return what was just stored in it")
    cache.delete(key)


def _storage(alias: str):
    def probe() -> None:
        # Listing costs one request to an object store and touches nothing.
        storages[alias].listdir("")

    return probe


CHECKS = {
    "database": _database,
    "cache": _cache,
    "storage": _storage("default"),
    "private_storage": _storage("private"),
}


def readiness() -> dict[str, str]:
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except FileNotFoundError:
            results[name] = "ok"  # an empty local directory is reachable, just not made yet
        except Exception as error:
            logger.error("readiness check %s failed: %s", name, error)
            results[name] = "unavailable"
    return results
