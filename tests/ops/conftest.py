"""Fixtures of the ops layer: private storage in a temporary directory, a failing mail server,
the database task backend, and an S3-compatible store (moto's server) on loopback."""

import smtplib
import socket

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task_backends

# Set by tests to make the mail server refuse the next N messages.
REFUSALS = {"left": 0}


class FlakyBackend(BaseEmailBackend):
    """A mail server that refuses messages while REFUSALS["left"] > 0, else keeps them in
    django.core.mail.outbox like the locmem backend."""

    def send_messages(self, messages):
        if REFUSALS["left"] > 0:
            REFUSALS["left"] -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        mail.outbox.extend(messages)
        return len(messages)


@pytest.fixture
def flaky_mail(settings):
    settings.EMAIL_BACKEND = "tests.ops.conftest.FlakyBackend"
    REFUSALS["left"] = 0
    yield REFUSALS
    REFUSALS["left"] = 0


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media"), "base_url": "/media/"},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    return tmp_path / "private"


@pytest.fixture
def database_tasks(settings):
    """Tasks go to the database queue (as in production) instead of running at once."""
    # django-tasks drops its backends when TASKS changes (setting_changed).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_BACKEND = "database"
    assert task_backends["default"].supports_defer


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server on a free loopback port, for the whole session."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()
