"""Production configuration: chosen by environment, and refused at start when it is wrong."""

import os
import subprocess
import sys

import boto3
import pytest

from tests.cms.test_settings import REAL_SECRET, ROOT, run_manage, run_manage_many, settings_value

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": REAL_SECRET,
    "ALLOWED_HOSTS": "drom.example.org",
    "BASE_URL": "https://drom.example.org",
}


def start_wsgi(**env) -> subprocess.CompletedProcess:
    """Load the WSGI application as gunicorn does, with exactly this environment."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATA"))}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import cms.wsgi; print('started')"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_tasks_run_immediately_unless_the_database_queue_is_chosen():
    backend = "settings.TASKS['default']['BACKEND']"
    for module in ("cms.settings.base", "cms.settings.dev", "cms.settings.test"):
        assert settings_value(module, backend).endswith("ImmediateBackend")
    chosen = settings_value(
        "cms.settings.base",
        f"{backend}, 'django_tasks_db' in settings.INSTALLED_APPS",
        TASKS_BACKEND="database",
    )
    assert chosen == "django_tasks_db.DatabaseBackend True"


def test_an_unknown_task_backend_is_refused_by_name():
    result = run_manage("check", TASKS_BACKEND="celery", DJANGO_SETTINGS_MODULE="cms.settings.dev")
    assert result.returncode != 0
    assert "TASKS_BACKEND must be 'immediate' or 'database', not 'celery'" in result.stderr


def test_the_database_queue_without_its_package_is_refused_at_start():
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATA"))}
    code = (
        "import sys; sys.modules['django_tasks_db'] = None\n"  # as if it were not installed
        "import importlib; importlib.import_module('cms.settings.production')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**environment, **PRODUCTION, "TASKS_BACKEND": "database"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "TASKS_BACKEND=database needs the django-tasks-db package" in result.stderr


def test_storage_url_puts_public_and_private_files_in_the_bucket():
    url = "s3+http://KEY:SE%2FCRET@127.0.0.1:9000/drom-files?region=eu-central-1&public_url=https://cdn.drom.example"
    default = settings_value(
        "cms.settings.base", "settings.STORAGES['default']['OPTIONS']", STORAGE_URL=url
    )
    assert "'bucket_name': 'drom-files'" in default
    assert "'endpoint_url': 'http://127.0.0.1:9000'" in default
    assert "'secret_key': 'SE/CRET'" in default
    assert "'location': 'media'" in default
    assert "'querystring_auth': False" in default
    assert "'custom_domain': 'cdn.drom.example'" in default
    private = settings_value(
        "cms.settings.base",
        "settings.STORAGES['private']['OPTIONS']",
        STORAGE_URL=url,
        S3_SIGNED_URL_SECONDS="120",
    )
    assert "'location': 'private'" in private
    assert "'querystring_auth': True" in private and "'querystring_expire': 120" in private
    # Local disk stays the default.
    assert settings_value("cms.settings.base", "settings.STORAGES['default']['BACKEND']") == (
        "django.core.files.storage.FileSystemStorage"
    )


def test_object_storage_without_a_bucket_is_refused():
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="cms.settings.dev", S3_ENDPOINT_URL="http://127.0.0.1:9"
    )
    assert result.returncode != 0
    assert "without a bucket: set S3_BUCKET" in result.stderr


def test_a_base_url_without_a_scheme_is_refused():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="cms.settings.dev", BASE_URL="drom.bg")
    assert result.returncode != 0
    assert "BASE_URL must start with https://" in result.stderr


def test_production_logs_json_at_info_and_behind_a_proxy_counts_the_client_address():
    values = settings_value(
        "cms.settings.production",
        "settings.LOGGING['handlers']['console']['formatter'], settings.LOGGING['root']['level'], "
        "settings.AXES_CLIENT_IP_CALLABLE, settings.PROXY_COUNT",
        **PRODUCTION,
        BEHIND_PROXY="true",
    )
    assert values == "json INFO ops.proxy.client_ip 1"


def test_production_with_every_service_configured_passes_check_deploy(s3_endpoint):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        TASKS_BACKEND="database",
        STORAGE_URL=f"s3+http://k:s@{s3_endpoint.split('//')[1]}/drom-check",
        BEHIND_PROXY="true",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_server_does_not_start_when_redis_cannot_be_reached():
    result = start_wsgi(**PRODUCTION, REDIS_URL="redis://:secret@127.0.0.1:1/0")
    assert result.returncode != 0
    assert "Cannot reach Redis at REDIS_URL (redis://…@127.0.0.1:1/0)" in result.stderr
    assert "secret" not in result.stderr
    assert "started" not in result.stdout


def test_a_server_does_not_start_when_the_bucket_is_missing(s3_endpoint):
    env = {
        **PRODUCTION,
        "STORAGE_URL": f"s3+http://key:secret@{s3_endpoint.split('//')[1]}/no-such-bucket",
    }
    result = start_wsgi(**env)
    assert result.returncode != 0
    assert "The bucket 'no-such-bucket' does not exist" in result.stderr
    s3 = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="key",
        aws_secret_access_key="secret",
        region_name="us-east-1",
    )
    s3.create_bucket(Bucket="now-there-is-one")
    env["STORAGE_URL"] = env["STORAGE_URL"].replace("no-such-bucket", "now-there-is-one")
    started = start_wsgi(**env)
    assert started.returncode == 0, started.stderr
    assert "started" in started.stdout


WORKER_AND_CRON = (("run_scheduled",), ("run_worker", "--batch"))


@pytest.fixture(scope="module")
def worker_and_cron_started():
    """Both commands started with Redis unreachable (one interpreter, see run_manage_many)."""
    results = run_manage_many(
        WORKER_AND_CRON, **PRODUCTION, TASKS_BACKEND="database", REDIS_URL="redis://127.0.0.1:1/0"
    )
    return dict(zip(WORKER_AND_CRON, results, strict=True))


@pytest.mark.parametrize("command", WORKER_AND_CRON)
def test_the_worker_and_cron_check_services_too(command, worker_and_cron_started):
    result = worker_and_cron_started[command]
    assert result.returncode != 0
    assert "Cannot reach Redis" in result.stderr
