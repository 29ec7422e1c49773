"""Production: everything comes from the environment; refuses to start when it is incomplete.

What can be checked without the network is checked here (a missing secret key, a task backend
whose package is absent); reaching Redis and the object store is checked when a server or a worker
starts (ops.startup), so a bad address stops the process before it takes its first request.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
if not BASE_URL:  # noqa: F405
    # Workers and cron build links without a request to take the host from.
    raise ImproperlyConfigured(
        "Set BASE_URL to the public address, e.g. BASE_URL=https://drom.bg (links in e-mails, "
        "the API, the sitemap and certificates are built from it)."
    )
if REDIS_URL:  # noqa: F405
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Servers, workers and cron check Redis, the database and the bucket before they start.
VERIFY_SERVICES_AT_START = env_bool("VERIFY_SERVICES_AT_START", True)  # noqa: F405

# One JSON object a line at INFO (requests included) unless told otherwise.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json").strip().lower()
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").strip().upper()
LOGGING["handlers"]["console"]["formatter"] = "json" if LOG_FORMAT == "json" else "text"  # noqa: F405
LOGGING["root"]["level"] = LOG_LEVEL  # noqa: F405
