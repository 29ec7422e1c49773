"""Local development: DEBUG on, plain HTTP, e-mail printed readably to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = ["*"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
# E-mail is printed, readably, in the terminal that runs `make run` (ops.mail_backends).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "ops.mail_backends.ReadableConsoleBackend")
# Manifest storage needs collectstatic; in development files are served as they are.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
