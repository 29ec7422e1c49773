"""Fail at start, with a message that says what to fix, when a service Drom needs is missing.

Called by the WSGI entry point (every gunicorn worker), `run_worker` and `run_scheduled` when
settings.VERIFY_SERVICES_AT_START is on (production). A server that cannot reach Redis or its
bucket must not join the load balancer and fail at the first request.
"""

from __future__ import annotations

import redis
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from .storage import public_storage


def _check_database() -> None:
    try:
        connection.ensure_connection()
    except Exception as error:
        raise ImproperlyConfigured(
            f"Cannot reach the database ({connection.settings_dict.get('HOST') or 'local'}): "
            f"{error}. Check DATABASE_URL."
        ) from error


def _check_redis() -> None:
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=5, socket_timeout=5
        )
        client.ping()
    except Exception as error:
        raise ImproperlyConfigured(
            f"Cannot reach Redis at REDIS_URL ({_safe(settings.REDIS_URL)}): {error}. "
            "The app servers share logins, lockouts and the cache through it; start it or "
            "correct REDIS_URL."
        ) from error


def _check_bucket() -> None:
    storage = public_storage()
    bucket = settings.S3["S3_BUCKET"]
    try:
        storage.connection.meta.client.head_bucket(Bucket=bucket)
    except ClientError as error:
        code = error.response.get("Error", {}).get("Code", "")
        if code in ("404", "NoSuchBucket", "NotFound"):
            raise ImproperlyConfigured(
                f"The bucket {bucket!r} does not exist at "
                f"{settings.S3.get('S3_ENDPOINT_URL') or 'AWS S3'}. Create it (see README, "
                "'Running on several machines') or correct S3_BUCKET."
            ) from error
        raise ImproperlyConfigured(
            f"The object store refused access to the bucket {bucket!r} ({code}): check "
            "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY."
        ) from error
    except BotoCoreError as error:
        raise ImproperlyConfigured(
            f"Cannot reach the object store at {settings.S3.get('S3_ENDPOINT_URL')}: {error}. "
            "Check S3_ENDPOINT_URL."
        ) from error


def _safe(url: str) -> str:
    """The URL without its password, for messages and logs."""
    if "@" in url:
        scheme, _, rest = url.partition("://")
        return f"{scheme}://…@{rest.rpartition('@')[2]}"
    return url


def verify_services() -> None:
    """Raise ImproperlyConfigured for the first configured service that does not answer."""
    if not getattr(settings, "VERIFY_SERVICES_AT_START", False):
        return
    _check_database()
    if settings.REDIS_URL:
        _check_redis()
    if settings.S3:
        _check_bucket()
