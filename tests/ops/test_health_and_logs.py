"""Health probes for load balancers; a request id and one JSON object per log line."""

import json
import logging

import pytest
from django.test import RequestFactory, override_settings

from ops.logging import JsonFormatter, RequestIdFilter, request_id_var
from ops.proxy import client_ip

pytestmark = pytest.mark.django_db


@override_settings(ALLOWED_HOSTS=["drom.example.org"], SECURE_SSL_REDIRECT=True)
def test_probes_answer_by_address_over_plain_http(client):
    """A load balancer calls 10.0.0.5:8000 over HTTP: no redirect, no Bad Request."""
    health = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")
    assert health.status_code == 200
    assert health.content == b"ok\n"
    assert health["Cache-Control"] == "no-store"
    ready = client.get("/readyz", HTTP_HOST="10.0.0.5:8000")
    assert ready.status_code == 200
    assert ready.json() == {
        "database": "ok",
        "cache": "ok",
        "storage": "ok",
        "private_storage": "ok",
    }
    # Everything else still gets the host check.
    assert client.get("/", HTTP_HOST="10.0.0.5:8000").status_code == 400


def test_readyz_fails_when_the_cache_does_not_answer(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["cache"] == "unavailable"
    assert response.json()["database"] == "ok"


def test_readyz_fails_when_a_store_cannot_be_read(client, settings, tmp_path):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the store's directory should be")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(blocked)},
        },
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["storage"] == "unavailable"


def test_each_response_carries_a_request_id_and_keeps_a_sane_one_from_the_proxy(client):
    generated = client.get("/robots.txt")["X-Request-ID"]
    assert len(generated) == 32
    assert client.get("/robots.txt")["X-Request-ID"] != generated
    kept = client.get("/robots.txt", HTTP_X_REQUEST_ID="lb-7f3a9c2e-0001")
    assert kept["X-Request-ID"] == "lb-7f3a9c2e-0001"
    forged = client.get("/robots.txt", HTTP_X_REQUEST_ID="x\nINFO fake log line")
    assert forged["X-Request-ID"] != "x\nINFO fake log line"


def test_the_access_log_line_is_json_with_the_request_id(client, caplog):
    caplog.set_level(logging.INFO, logger="drom.request")
    response = client.get("/robots.txt", HTTP_X_REQUEST_ID="trace-12345678")
    record = next(r for r in caplog.records if r.name == "drom.request")
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == response["X-Request-ID"] == "trace-12345678"
    assert line["level"] == "INFO"
    assert line["status"] == 200 and line["path"] == "/robots.txt" and line["method"] == "GET"
    assert isinstance(line["duration_ms"], float)
    assert "time" in line and line["logger"] == "drom.request"


def test_log_lines_outside_a_request_and_with_errors():
    record = logging.LogRecord("drom", logging.ERROR, __file__, 1, "boom %s", ("now",), None)
    try:
        raise ValueError("bad")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "boom now" and line["request_id"] == "-"
    assert "ValueError: bad" in line["exception"]
    token = request_id_var.set("task-1234abcd")
    try:
        inside = logging.LogRecord("drom", logging.INFO, __file__, 1, "x", (), None)
        RequestIdFilter().filter(inside)
        assert json.loads(JsonFormatter().format(inside))["request_id"] == "task-1234abcd"
    finally:
        request_id_var.reset(token)


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.2"),  # no proxy trusted: the socket's address
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client's own claim is ignored
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.1", "203.0.113.9"),
        (1, "", "10.0.0.2"),
        (1, "not-an-address", "10.0.0.2"),
    ],
)
def test_client_address_behind_our_proxies(settings, count, forwarded, expected):
    settings.PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
