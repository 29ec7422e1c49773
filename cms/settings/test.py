"""Tests: fast hasher, local e-mail outbox, no HTTPS redirects, immediate tasks."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Off, so that query budgets measure the rendering; the page-cache tests switch it on.
DROM_PAGE_CACHE = False
DROM_PERSONAL_PAGE_CACHE = False
WAGTAILADMIN_BASE_URL = "http://testserver"
# The database task backend's tables exist in tests (its worker and recovery are tested), while
# tasks themselves run immediately unless a test chooses the database backend.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405
