"""Settings are secure by default and every integration is driven by the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL_SECRET = "a-real-production-secret-key-with-plenty-of-entropy-0123456789-abcdefghijkl"


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


# Several command lines in one interpreter, each as manage.py runs it: Django starts once (some
# 2.5 s of CPU) for commands whose environment is the same. Prints one JSON line of results.
MANAGE_MANY = """
import contextlib, io, json, os, sys, traceback
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
from django.core.management import execute_from_command_line
results = []
for argv in json.loads(sys.argv[1]):
    out, err, code = io.StringIO(), io.StringIO(), 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            execute_from_command_line(["manage.py", *argv])
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        except BaseException:  # what the interpreter would print before exiting with 1
            traceback.print_exc()
            code = 1
    results.append([code, out.getvalue(), err.getvalue()])
print(json.dumps(results))
"""


def run_manage_many(commands, **env) -> list[subprocess.CompletedProcess]:
    """Like ``run_manage`` for each command line, in one Python process with this environment."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", MANAGE_MANY, json.dumps([list(c) for c in commands])],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return [
        subprocess.CompletedProcess([*command], code, stdout, stderr)
        for command, (code, stdout, stderr) in zip(
            commands, json.loads(result.stdout.splitlines()[-1]), strict=True
        )
    ]


def settings_value(module: str, expression: str, **env) -> str:
    # The settings module itself, read in a fresh interpreter with exactly this environment.
    code = f"import importlib; settings = importlib.import_module({module!r}); print({expression})"
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    environment.update({"DJANGO_SETTINGS_MODULE": module, **env})
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_base_settings_have_debug_off_and_no_default_secret():
    assert settings_value("cms.settings.base", "settings.DEBUG") == "False"
    assert settings_value("cms.settings.base", "repr(settings.SECRET_KEY)") == "''"


def test_base_settings_require_https_cookies_and_hsts():
    values = settings_value(
        "cms.settings.base",
        "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS > 0",
    )
    assert values == "True True True True"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="cms.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_the_public_address():
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="cms.settings.production", SECRET_KEY=REAL_SECRET
    )
    assert result.returncode != 0
    assert "Set BASE_URL to the public address" in result.stderr


def test_check_deploy_is_clean_with_production_settings_and_a_real_secret():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=REAL_SECRET,
        ALLOWED_HOSTS="drom.example.org",
        BASE_URL="https://drom.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_database_url_selects_postgresql_and_defaults_to_sqlite():
    engine = "settings.DATABASES['default']['ENGINE']"
    assert settings_value("cms.settings.base", engine) == "django.db.backends.sqlite3"
    assert (
        settings_value(
            "cms.settings.base", engine, DATABASE_URL="postgres://drom@db.example:5432/drom"
        )
        == "django.db.backends.postgresql"
    )


def test_redis_url_switches_the_cache_to_redis_else_local_memory():
    backend = "settings.CACHES['default']['BACKEND']"
    assert settings_value("cms.settings.base", backend).endswith("LocMemCache")
    assert (
        settings_value("cms.settings.base", backend, REDIS_URL="redis://127.0.0.1:6379/1")
        == "django_redis.cache.RedisCache"
    )


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path, db):
    """Open a real file database with the project's options, as `make run` does."""
    from django.db.backends.sqlite3.base import DatabaseWrapper

    from cms.settings.base import SQLITE_OPTIONS

    wrapper = DatabaseWrapper(
        {
            "NAME": str(tmp_path / "probe.sqlite3"),
            "ENGINE": "django.db.backends.sqlite3",
            "OPTIONS": dict(SQLITE_OPTIONS),
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "TEST": {},
        }
    )
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] >= 5000
        # Django issues BEGIN IMMEDIATE for every atomic block on this connection.
        assert wrapper.transaction_mode == "IMMEDIATE"
    finally:
        wrapper.close()


@pytest.mark.parametrize("module", ["cms.settings.dev", "cms.settings.test"])
def test_bulgarian_is_the_default_language(module):
    assert settings_value(module, "settings.LANGUAGE_CODE, settings.WAGTAIL_I18N_ENABLED") == (
        "bg True"
    )


def test_uploaded_files_are_served_in_production_only_when_asked():
    """Behind a proxy the proxy serves /media/; a single server sets SERVE_MEDIA=true."""
    code = (
        "import django; django.setup(); from django.urls import resolve, Resolver404\n"
        "try:\n    resolve('/media/original_images/a.png'); print('served')\n"
        "except Resolver404:\n    print('not served')"
    )
    base_env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": REAL_SECRET,
        "BASE_URL": "https://drom.example.org",
    }
    for extra, expected in (({}, "not served"), ({"SERVE_MEDIA": "true"}, "served")):
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={**base_env, **extra},
            capture_output=True,
            text=True,
        )
        assert result.stdout.strip() == expected, result.stderr
