"""Settings shared by every environment: secure by default, configured from the environment.
Each integration switches on when its variable is set (DATABASE_URL, REDIS_URL, EMAIL_URL-style
variables); with none set Drom runs on SQLite and the local-memory cache, so trying it needs no
service.
"""

import importlib.util
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from ops.csp import origin as csp_origin
from ops.csp import policy_settings

from .environment import (
    SQLITE_OPTIONS,  # noqa: F401 - the test settings and tests read it here
    cache_settings,
    credential_keys,
    database_settings,
    env_bool,
    env_int,
    env_list,
    s3_settings_from_environment,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = env_bool("DEBUG", False)
# No fallback: production must set it; dev and test settings provide their own.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "ops",
    "schools",
    "curriculum",
    "courses",
    "reports",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "schools.admin.apps.DromUsersConfig",  # schools: wagtail.users + Drom user fields
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: load balancers probe /healthz and /readyz by IP over plain HTTP, so these answer
    # before the host check and the HTTPS redirect.
    "ops.middleware.HealthCheckMiddleware",
    "ops.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.caching.TextGZipMiddleware",  # Django pads each response against BREACH
    # Content-Security-Policy (ops/csp.py: strict; the admin's additions under /admin/), outside
    # the page cache so that kept pages carry it too.
    "ops.csp.DromCSPMiddleware",
    # Kept anonymous pages are answered before sessions, authentication and routing.
    "cms.caching.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A person's kept course pages, once she is known, before routing (cms.personal_cache).
    "cms.personal_cache.PersonalPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the final response of a locked-out login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database
DATABASES = {"default": database_settings(BASE_DIR)}  # SQLite by default (see environment.py)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: Redis when REDIS_URL is set, otherwise local memory; kept anonymous pages
# (cms.caching) in a cache every server process shares (Redis, or files on this machine).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = cache_settings(REDIS_URL, Path(os.environ.get("PAGE_CACHE_DIR", BASE_DIR / "cache")))
DROM_PAGE_CACHE = env_bool("PAGE_CACHE", True)
DROM_PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 24 * 60 * 60)
DROM_PERSONAL_PAGE_CACHE = env_bool("PERSONAL_PAGE_CACHE", True)  # cms.personal_cache

# --- Users and authentication
AUTH_USER_MODEL = "schools.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "account"
LOGOUT_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3

# django-axes: 5 failed logins for the same e-mail from the same address lock that pair out for
# 30 minutes. Keyed on the pair so that one school's shared IP cannot lock out its colleagues.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "cms.axes.login_identifier"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- Internationalisation
LANGUAGE_CODE = "bg"
LANGUAGES = [("bg", "Български"), ("en", "English")]
# The site's catalogue first (makemessages writes it), then the project's Bulgarian for Wagtail,
# wagtail-localize and wagtailmedia strings their own catalogues lack (i18n/wagtail/, never touched
# by makemessages). Both win over every app's catalogue, Wagtail's included.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "i18n" / "wagtail"]
# Bulgarian dates, a 24-hour clock ("30 ноември 2026 г., 6:37 ч."), date inputs "30.11.2026".
FORMAT_MODULE_PATH = ["cms.formats"]
WAGTAIL_DATE_FORMAT, WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y", "%d.%m.%Y %H:%M"  # not mm/dd/yyyy
TIME_ZONE = "Europe/Sofia"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "simple"

# --- Static and media files
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Uploaded files are best served by the reverse proxy (or object storage). A single-server
# install without one sets SERVE_MEDIA=true and Django serves them (uploads are checked by content).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Files nobody may fetch without a permission check (certificates, exports, e-mail attachments):
# never under MEDIA_ROOT, so no proxy can serve them by accident.
PRIVATE_ROOT = Path(os.environ.get("PRIVATE_ROOT", BASE_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

S3 = s3_settings_from_environment()
if S3:
    if importlib.util.find_spec("storages") is None or importlib.util.find_spec("boto3") is None:
        raise ImproperlyConfigured(
            "S3 storage is configured but django-storages and boto3 are not installed: "
            "pip install -r requirements.txt."
        )
    _s3_common = {
        "bucket_name": S3["S3_BUCKET"],
        "endpoint_url": S3.get("S3_ENDPOINT_URL"),
        "region_name": S3.get("S3_REGION"),
        "access_key": S3.get("S3_ACCESS_KEY_ID"),
        "secret_key": S3.get("S3_SECRET_ACCESS_KEY"),
        "file_overwrite": False,
        # Let the bucket's policy decide who reads what; never set per-object ACLs.
        "default_acl": None,
        "signature_version": "s3v4",
        "addressing_style": os.environ.get("S3_ADDRESSING_STYLE", "path"),
    }
    _public_url = urlsplit(S3.get("S3_PUBLIC_URL", ""))
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_common,
            # Images, documents, recordings and packs: the bucket policy makes media/ readable by
            # anyone, so pages link to the store (or the CDN in front of it) directly.
            "location": "media",
            "querystring_auth": False,
            "custom_domain": (_public_url.netloc + _public_url.path.rstrip("/")) or None,
            "url_protocol": f"{_public_url.scheme or 'https'}:",
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_common,
            # Certificates, exports: only through a view that checks permission, then a signed
            # URL that expires.
            "location": "private",
            "querystring_auth": True,
            "querystring_expire": env_int("S3_SIGNED_URL_SECONDS", 300),
        },
    }
# Uploads larger than this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- E-mail
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Дром <no-reply@drom.bg>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail server that hangs must not hold a worker (or a request) for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
# Each e-mail is tried this many times (after 1, 5, 15, 60… minutes) before it is marked failed
# and shown to coordinators under Reports → E-mail problems.
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 6)

# --- Background tasks (django-tasks, already a Wagtail dependency)
# "immediate" runs each task inside the request that queues it (development, tests, a single
# small server); "database" stores tasks in the database for `manage.py run_worker` processes.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate").strip().lower()
if TASKS_BACKEND == "database":
    if importlib.util.find_spec("django_tasks_db") is None:
        raise ImproperlyConfigured(
            "TASKS_BACKEND=database needs the django-tasks-db package "
            "(pip install -r requirements.txt)."
        )
    INSTALLED_APPS.append("django_tasks_db")
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be 'immediate' or 'database', not {TASKS_BACKEND!r}."
    )
# A task a worker started this long ago without finishing is taken to be lost with its worker
# (killed, machine gone) and queued again by `run_scheduled`; every Drom task is safe to repeat.
TASKS_STALE_AFTER_MINUTES = env_int("TASKS_STALE_AFTER_MINUTES", 30)
# Production sets this: servers, workers and cron reach Redis and the bucket before they start.
VERIFY_SERVICES_AT_START = env_bool("VERIFY_SERVICES_AT_START", False)

# --- Security (on everywhere; dev loosens what needs HTTPS)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail marks its own preview views SAMEORIGIN; everything else may never be framed.
X_FRAME_OPTIONS = "DENY"
# Keys that sign Open Badges credentials (courses/credentials.py); see environment.py.
CREDENTIAL_KEYS = credential_keys(SECRET_KEY)
# Content-Security-Policy: enforced, or only reported with CSP_REPORT_ONLY=true (ops/csp.py).
CSP_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)
globals().update(
    policy_settings(
        report_only=CSP_REPORT_ONLY,
        file_origins=[
            csp_origin(MEDIA_URL),
            csp_origin((S3 or {}).get("S3_PUBLIC_URL", "")),
            csp_origin((S3 or {}).get("S3_ENDPOINT_URL", "")),
        ],
        report_uri=os.environ.get("CSP_REPORT_URI", ""),
    )
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # How many proxies of ours append to X-Forwarded-For (the load balancer, nginx…): the client
    # address is the entry that many places from the right; anything further left is the client's
    # own claim. Login lockouts and the sign-up limit count per client address.
    PROXY_COUNT = env_int("PROXY_COUNT", 1)
    AXES_CLIENT_IP_CALLABLE = "ops.proxy.client_ip"
else:
    PROXY_COUNT = 0

# --- Wagtail
WAGTAIL_SITE_NAME = "Дром"
# The public address (scheme, host, port, no path): links in e-mails, the API, the sitemap and
# certificates' QR codes. `migrate` keeps the default Wagtail site's host and port in step with it.
BASE_URL = os.environ.get("BASE_URL", "").strip().rstrip("/")
if BASE_URL and urlsplit(BASE_URL).scheme not in ("http", "https"):
    raise ImproperlyConfigured(f"BASE_URL must start with https:// or http://, not {BASE_URL!r}.")
WAGTAILADMIN_BASE_URL = BASE_URL or "http://127.0.0.1:8000"
WAGTAILIMAGES_IMAGE_MODEL = "curriculum.DromImage"
WAGTAILDOCS_DOCUMENT_MODEL = "curriculum.DromDocument"
WAGTAILMEDIA = {"MEDIA_MODEL": "curriculum.DromMedia"}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "txt", "csv", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"webp": "webp", "png": "webp", "jpeg": "webp"}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_PASSWORD_RESET_ENABLED = True
# No Gravatar: the admin would load avatars from a third party (and show broken images offline).
# Staff may upload a local avatar in their account settings; the default is Wagtail's own icon.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Authoring: review that cannot be bypassed, translation that never shows untranslated text
# A page goes live only through its workflow's last approval; nobody but an administrator holds
# publish rights, so the approval itself publishes (cms.authoring.finish.publish_approved).
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.authoring.finish.publish_approved"
# While a page is in review it is locked for everyone but the current step's reviewers (Wagtail's
# group approval), so no author changes it between approvals. Re-approval on every edit stays off:
# the editor's approve button saves the form, and a StreamField round trip counts as an edit,
# which would send the page back to the first step on every approval.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False
# A new translation is a draft, whatever the state of its source: it goes live through review.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# No autosave: one in flight at submission is saved after it (tests/authoring/test_no_autosave.py).
WAGTAIL_AUTOSAVE_INTERVAL = 0

# --- courses
# Four-year attestation periods for qualification credits are counted from this year.
COURSES_ATTESTATION_FIRST_YEAR = int(os.environ.get("COURSES_ATTESTATION_FIRST_YEAR", "2024"))

# --- Logging: to stderr, where gunicorn, systemd and Docker collect it. LOG_FORMAT=json gives
# one JSON object a line (time, level, logger, message, request_id) for a log collector.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING").strip().upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ops.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "ops.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}

# --- curriculum (the public library)
# Read-only JSON API for partners (Wagtail API v2) and routable library pages.
INSTALLED_APPS += ["wagtail.api.v2", "rest_framework", "wagtail.contrib.routable_page"]
# Upload checks by content live in curriculum.validators (run by the models' clean()).
WAGTAILMEDIA["AUDIO_EXTENSIONS"] = ["mp3", "wav", "ogg", "oga", "flac", "m4a"]
WAGTAILMEDIA["VIDEO_EXTENSIONS"] = ["mp4", "webm", "ogv"]
# Unset, the API names the Wagtail site's address, which `migrate` keeps equal to BASE_URL.
WAGTAILAPI_BASE_URL = BASE_URL or None
WAGTAILAPI_LIMIT_MAX = 50
