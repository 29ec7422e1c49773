"""Files in S3-compatible storage (moto's server on loopback): public files linked directly,
private ones handed over as short-lived signed URLs after the permission check."""

import json
import urllib.error
import urllib.request
import uuid
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from ops.storage import (
    is_object_store,
    private_file_response,
    private_storage,
    public_read_policy,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def bucket(settings, s3_endpoint):
    name = f"drom-{uuid.uuid4().hex[:12]}"
    s3 = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="key",
        aws_secret_access_key="secret",
        region_name="us-east-1",
    )
    s3.create_bucket(Bucket=name)
    s3.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
    common = {
        "bucket_name": name,
        "endpoint_url": s3_endpoint,
        "access_key": "key",
        "secret_key": "secret",
        "region_name": "us-east-1",
        "file_overwrite": False,
        "default_acl": None,
        "addressing_style": "path",
        "signature_version": "s3v4",
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "location": "media", "querystring_auth": False},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "location": "private",
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        },
    }
    return name


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback moto
        return response.read(), response.headers


def test_public_files_are_linked_in_the_store_without_a_signature(bucket):
    storage = storages["default"]
    name = storage.save("original_images/cherga.png", ContentFile(b"\x89PNG-bytes"))
    url = storage.url(name)
    assert f"/{bucket}/media/original_images/" in url
    assert "Signature" not in url
    assert fetch(url)[0] == b"\x89PNG-bytes"


def test_a_private_file_is_a_signed_url_that_expires_after_five_minutes(bucket):
    storage = private_storage()
    assert is_object_store(storage)
    response = private_file_response(
        "certificates/2026/2026-000001-bg-abc.pdf",
        filename="certificate-2026-000001.pdf",
        content_type="application/pdf",
        build=lambda: b"%PDF-1.7 certificate",
    )
    assert response.status_code == 302
    assert "no-cache" in response["Cache-Control"]
    query = parse_qs(urlsplit(response.url).query)
    assert query["X-Amz-Expires"] == ["300"]
    assert "X-Amz-Signature" in query
    content, headers = fetch(response.url)
    assert content == b"%PDF-1.7 certificate"
    assert headers["Content-Disposition"] == (
        "attachment; filename*=UTF-8''certificate-2026-000001.pdf"
    )
    # Built once: a second request signs the stored file again.
    again = private_file_response(
        "certificates/2026/2026-000001-bg-abc.pdf",
        filename="certificate-2026-000001.pdf",
        content_type="application/pdf",
        build=lambda: pytest.fail("the stored certificate must not be built again"),
    )
    assert fetch(again.url)[0] == b"%PDF-1.7 certificate"
    # Without the signature the bucket policy refuses it: private/ is not public.
    plain = again.url.split("?")[0]
    assert "/private/certificates/" in plain
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(plain)
    assert refused.value.code == 403


def test_readyz_reaches_the_bucket(client, bucket):
    assert client.get("/readyz").json()["storage"] == "ok"


def test_readyz_reports_a_missing_bucket(client, bucket, settings):
    settings.STORAGES["default"]["OPTIONS"] = {
        **settings.STORAGES["default"]["OPTIONS"],
        "bucket_name": "gone-bucket",
    }
    settings.STORAGES = dict(settings.STORAGES)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["storage"] == "unavailable"
