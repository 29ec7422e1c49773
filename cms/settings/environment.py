"""Reading settings from the environment: typed values, and object storage from one URL.

Kept apart from base.py so that the settings themselves read as a list of decisions.
"""

import base64
import hashlib
import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def s3_settings_from_environment() -> dict:
    """S3-compatible object storage from STORAGE_URL or the S3_* variables ({} when neither).

    STORAGE_URL=s3://KEY:SECRET@host:port/bucket?region=eu-central-1&public_url=https://cdn…
    is a shorthand for S3_BUCKET, S3_ENDPOINT_URL, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY,
    S3_REGION and S3_PUBLIC_URL; a variable set on its own wins over the URL.
    """
    values = {}
    url = os.environ.get("STORAGE_URL", "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("s3", "s3+http", "s3+https"):
            raise ImproperlyConfigured(
                f"STORAGE_URL must start with s3:// (or s3+http:// for a plain-HTTP endpoint), "
                f"not {parts.scheme}://."
            )
        query = {key: items[-1] for key, items in parse_qs(parts.query).items()}
        if not parts.path.strip("/"):
            values["S3_BUCKET"] = parts.hostname or ""  # s3://bucket: AWS, keys from its own chain
        else:
            scheme = "http" if parts.scheme == "s3+http" else "https"
            values["S3_ENDPOINT_URL"] = f"{scheme}://{parts.hostname}" + (
                f":{parts.port}" if parts.port else ""
            )
            values["S3_BUCKET"] = parts.path.strip("/")
        if parts.username:
            values["S3_ACCESS_KEY_ID"] = unquote(parts.username)
        if parts.password:
            values["S3_SECRET_ACCESS_KEY"] = unquote(parts.password)
        if "region" in query:
            values["S3_REGION"] = query["region"]
        if "public_url" in query:
            values["S3_PUBLIC_URL"] = query["public_url"]
    for name in (
        "S3_BUCKET",
        "S3_ENDPOINT_URL",
        "S3_ACCESS_KEY_ID",
        "S3_SECRET_ACCESS_KEY",
        "S3_REGION",
        "S3_PUBLIC_URL",
    ):
        if os.environ.get(name, "").strip():
            values[name] = os.environ[name].strip()
    if values and not values.get("S3_BUCKET"):
        raise ImproperlyConfigured("Object storage is configured without a bucket: set S3_BUCKET.")
    return values


def cache_settings(redis_url: str, page_cache_dir: Path) -> dict:
    """The default cache, and "pages": kept anonymous pages (cms.caching), shared by every server
    process so that one publish makes every copy stale at once."""
    if redis_url:
        default = {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "drom",
            "TIMEOUT": 300,
            # A cache outage must degrade to slower pages, never to errors.
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
        pages = {**default, "KEY_PREFIX": "drom-pages", "TIMEOUT": None}
    else:
        default = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "drom"}
        pages = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(page_cache_dir / "pages"),
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    return {"default": default, "pages": pages}


# SQLite is the embedded default: WAL so readers never block the writer, IMMEDIATE transactions so
# a write transaction takes its lock up front (no "database is locked" half way through), and a
# busy timeout so concurrent writers queue instead of failing.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
        "PRAGMA busy_timeout=20000;"
    ),
}


def database_settings(base_dir: Path) -> dict:
    """DATABASE_URL, or SQLite in the project folder.

    Connections are kept CONN_MAX_AGE seconds (60) on both. On SQLite this matters most: a new
    connection parses the whole schema (Wagtail's and Drom's ~200 tables) on its first query and
    runs the pragmas below, 4–5 ms each time (`bench/peer`), about a third of an enrolled
    teacher's course page; a kept connection pays it once per worker and thread.
    """
    database = dj_database_url.config(
        default=f"sqlite:///{base_dir / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    elif database["ENGINE"] == "django.db.backends.postgresql":
        # The report queries are costed above PostgreSQL's JIT threshold, and compiling them
        # took ~150 ms of a ~500 ms national summary (EXPLAIN ANALYZE) to save nothing: they
        # are short aggregates over indexes. Off for Drom's connections (README, "Scale").
        database.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    return database


def credential_keys(secret_key: str) -> list[dict]:
    """Keys that sign Open Badges credentials, newest first, from CREDENTIAL_KEYS="id:seed,…"
    (each seed 32 random bytes in base64url). Rotating: put a new key first and keep the old
    ones, so credentials they signed still verify. Unset: one key derived from SECRET_KEY."""
    keys = [
        {"id": entry.split(":", 1)[0], "seed": entry.split(":", 1)[1]}
        for entry in env_list("CREDENTIAL_KEYS")
        if ":" in entry
    ]
    seed = hashlib.sha256(f"drom-credentials|{secret_key}".encode()).digest()
    return keys or [{"id": "key-1", "seed": base64.urlsafe_b64encode(seed).decode()}]
