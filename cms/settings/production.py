"""Production: everything comes from the environment; refuses to start without a secret key."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
if REDIS_URL:  # noqa: F405
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
