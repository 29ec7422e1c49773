"""The certificate as a signed Open Badges 3.0 credential: sign → verify → tamper → fail, key
rotation that keeps old credentials valid, the published keys and the revocation status."""

import base64
import copy
import json

import pytest
from django.urls import reverse

from courses import credentials, services
from courses.models import Certificate
from tests.courses.builders import make_course, steps
from tests.factories import make_teacher

OLD = {"id": "key-2025", "seed": base64.urlsafe_b64encode(b"o" * 32).decode()}
NEW = {"id": "key-2026", "seed": base64.urlsafe_b64encode(b"n" * 32).decode()}


@pytest.fixture
def certificate(home_bg, course_teacher, settings):
    settings.CREDENTIAL_KEYS = [OLD]
    course = make_course(home_bg, quizzes=0, slug="badge")
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    for lesson in steps(course)[0]:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    return Certificate.objects.get()


def download(client, certificate) -> dict:
    response = client.get(reverse("courses:credential", args=[certificate.number]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    return json.loads(response.content)


def check(client, signed) -> dict:
    response = client.post(
        reverse("courses:credential_verify"), json.dumps(signed), content_type="application/json"
    )
    return json.loads(response.content)


def test_the_credential_is_an_open_badge_with_the_certificate(course_client, certificate):
    signed = download(course_client, certificate)
    assert signed["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert "https://www.w3.org/ns/credentials/v2" in signed["@context"]
    subject = signed["credentialSubject"]
    assert subject["name"] == "Maria Ivanova Petrova"
    assert subject["achievement"]["type"] == ["Achievement"]
    assert "16 academic hours" in subject["achievement"]["description"]
    assert subject["creditsEarned"] == 1
    assert signed["issuer"]["name"]
    assert signed["id"].endswith(f"/en/learning/verify/{certificate.code}/")
    assert signed["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    assert signed["proof"]["verificationMethod"].endswith("#key-2025")


def test_sign_verify_tamper_fail(client, course_client, certificate):
    signed = download(course_client, certificate)
    assert check(client, signed) == {"verified": True, "revoked": False, "errors": []}
    tampered = copy.deepcopy(signed)
    tampered["credentialSubject"]["creditsEarned"] = 5
    result = check(client, tampered)
    assert not result["verified"] and "the signature does not match" in result["errors"]
    renamed = copy.deepcopy(signed)
    renamed["credentialSubject"]["name"] = "Someone Else"
    assert not check(client, renamed)["verified"]


def test_rotating_keys_keeps_old_credentials_valid(client, course_client, certificate, settings):
    old = download(course_client, certificate)
    settings.CREDENTIAL_KEYS = [NEW, OLD]
    new = download(course_client, certificate)
    assert new["proof"]["verificationMethod"].endswith("#key-2026")
    assert check(client, old)["verified"] and check(client, new)["verified"]
    published = client.get(reverse("courses:credential_keys"))
    methods = json.loads(published.content)["verificationMethod"]
    assert [m["id"].rsplit("#", 1)[-1] for m in methods] == ["key-2026", "key-2025"]
    assert all(m["publicKeyMultibase"].startswith("z6Mk") for m in methods)
    # A key taken out of the list no longer vouches for anything.
    settings.CREDENTIAL_KEYS = [NEW]
    assert check(client, old)["errors"] == ["unknown key"]


def test_revocation_shows_at_once(client, course_client, certificate, national):
    signed = download(course_client, certificate)
    services.certificate_revoke(certificate=certificate, by=national, reason="Грешка")
    result = check(client, signed)
    assert result == {"verified": False, "revoked": True, "errors": ["revoked"]}
    status = client.get(reverse("courses:credential_status", args=[certificate.code]))
    assert json.loads(status.content)["revoked"] is True


def test_only_the_holder_downloads_the_credential(client, certificate):
    url = reverse("courses:credential", args=[certificate.number])
    assert client.get(url).status_code == 302
    client.force_login(make_teacher(email="other@example.test"))
    assert client.get(url).status_code == 404


def test_bad_input_is_refused_clearly(client, db):
    url = reverse("courses:credential_verify")
    response = client.post(url, "not json", content_type="application/json")
    assert response.status_code == 400
    assert not check(client, {"proof": "x"})["verified"]


def test_base58_round_trip():
    for data in (b"", b"\0\0abc", bytes(range(40))):
        assert credentials.unbase58(credentials.base58(data)) == data
