"""Certificate PDF, public verification, revocation, and the national coordinators' register."""

import io
import re
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.http import urlencode
from pypdf import PdfReader
from pytest_django.asserts import assertRedirects

from courses import services
from courses.models import Certificate
from ops.models import PreparedDownload
from schools import roles
from tests.courses.builders import make_course, steps
from tests.factories import UserFactory, make_teacher


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def certificate(home_bg, course_teacher):
    course = make_course(home_bg, quizzes=0, slug="intercultural")
    course.title = "Интеркултурно образование в класната стая"
    course.save_revision().publish()
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    for lesson in steps(course)[0]:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    return Certificate.objects.get()


@pytest.fixture
def regional(db):
    user = UserFactory(email="regional@example.test", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.REGIONAL_COORDINATORS))
    return user


def test_certificate_pdf_in_bulgarian_carries_everything(course_client, certificate):
    response = course_client.get(reverse("courses:certificate_pdf", args=[certificate.number]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-cache" in response["Cache-Control"]
    text = pdf_text(response.getvalue())
    flat = re.sub(r"\s+", " ", text)
    school = certificate.enrollment.school
    for expected in [
        "УДОСТОВЕРЕНИЕ",
        f"Рег. № {certificate.number}",
        f"{certificate.issued_on:%d.%m.%Y}",
        "Мария Иванова Петрова",
        "учител",
        school.name,
        f"код по НЕИСПУО {school.code}",
        school.settlement,
        f"област {school.municipality.district.name}",
        "Интеркултурно образование в класната стая",
        "УИН",
        "4000123",
        "Сдружение „Дром“",
        f"{certificate.started_on:%d.%m.%Y} – {certificate.completed_on:%d.%m.%Y}",
        "Академични часове: 16",
        "Квалификационни кредити: 1",
        f"/verify/{certificate.code}/",
    ]:
        assert expected in flat, expected


def test_certificate_pdf_in_english_on_request(course_client, certificate):
    url = reverse("courses:certificate_pdf", args=[certificate.number]) + "?lang=en"
    text = re.sub(r"\s+", " ", pdf_text(course_client.get(url).getvalue()))
    assert "CERTIFICATE" in text
    assert "Academic hours: 16" in text
    assert "Maria Ivanova Petrova" in text
    assert "Мария" not in text


def test_the_qr_code_encodes_the_verification_url(course_client, certificate):
    import segno
    from PIL import Image

    response = course_client.get(reverse("courses:certificate_pdf", args=[certificate.number]))
    images = PdfReader(io.BytesIO(response.getvalue())).pages[0].images
    assert len(images) == 1
    image = Image.open(io.BytesIO(images[0].data)).convert("L")
    url = "http://testserver" + reverse("courses:verify", args=[certificate.code])
    expected = segno.make(url, error="m").matrix
    # Read the symbol back module by module (8 px each, 2-module quiet zone) and compare.
    size = len(expected)
    scale = image.size[0] // (size + 4)
    read = [
        [
            image.getpixel(((x + 2) * scale + scale // 2, (y + 2) * scale + scale // 2)) < 128
            for x in range(size)
        ]
        for y in range(size)
    ]
    assert read == [[bool(v) for v in row] for row in expected]


def test_no_credits_line_for_a_course_that_is_not_an_approved_programme(
    home_bg, course_client, course_teacher
):
    course = make_course(home_bg, quizzes=0, slug="plain")
    course.programme_name = ""
    course.uin = ""
    course.credits = None
    course.save_revision().publish()
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    for lesson in steps(course)[0]:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    certificate = Certificate.objects.get()
    assert certificate.credits is None
    text = pdf_text(
        course_client.get(reverse("courses:certificate_pdf", args=[certificate.number])).getvalue()
    )
    assert "кредити" not in text.lower()
    assert "УИН" not in text


def test_another_teacher_cannot_download_the_certificate(client, certificate):
    client.force_login(make_teacher(email="other@example.test"))
    response = client.get(reverse("courses:certificate_pdf", args=[certificate.number]))
    assert response.status_code == 404


def test_anonymous_cannot_download_the_certificate(client, certificate):
    url = reverse("courses:certificate_pdf", args=[certificate.number])
    assertRedirects(
        client.get(url), f"{reverse('login')}?next={url}", fetch_redirect_response=False
    )


def test_public_verification_shows_only_the_essentials(client, certificate):
    response = client.get(reverse("courses:verify", args=[certificate.code]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "валидно" in html
    assert certificate.holder_name in html
    assert certificate.course_title in html
    assert "16" in html
    school = certificate.enrollment.school
    assert school.name not in html and school.code not in html
    assert certificate.enrollment.teacher.email not in html


def test_unknown_code_verifies_as_unknown(client, certificate):
    response = client.get(reverse("courses:verify", args=["not-a-code"]))
    assert response.status_code == 404
    assert certificate.holder_name not in response.content.decode()


def test_national_coordinator_revokes_and_it_verifies_as_revoked(client, certificate, national):
    client.force_login(national)
    url = reverse("courses_certificate_revoke", args=[certificate.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "Грешно издадено"})
    assertRedirects(response, reverse("certificates:index"), fetch_redirect_response=False)
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == national
    html = client.get(reverse("courses:verify", args=[certificate.code])).content.decode()
    assert "отнето" in html and "не е валидно" in html


def test_revoking_needs_a_reason(client, certificate, national):
    client.force_login(national)
    client.post(reverse("courses_certificate_revoke", args=[certificate.pk]), {"reason": ""})
    certificate.refresh_from_db()
    assert not certificate.is_revoked


@pytest.mark.parametrize("who", ["regional", "teacher"])
def test_only_national_coordinators_revoke(client, certificate, regional, course_teacher, who):
    user = regional if who == "regional" else course_teacher
    client.force_login(user)
    response = client.post(
        reverse("courses_certificate_revoke", args=[certificate.pk]), {"reason": "x"}
    )
    assert response.status_code in (302, 403)
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_register_lists_certificates_for_national_coordinators(client, certificate, national):
    client.force_login(national)
    response = client.get(reverse("certificates:index"))
    assert response.status_code == 200
    assert certificate.number in response.content.decode()


def test_register_is_refused_to_regional_coordinators(client, certificate, regional):
    client.force_login(regional)
    response = client.get(reverse("certificates:index"))
    assert response.status_code in (302, 403)
    assert certificate.number not in response.content.decode()


def prepared_zip(client, params, capture) -> zipfile.ZipFile:
    """Ask for the ZIP as the register's button does, then fetch it from its status page."""
    url = reverse("courses_certificates_zip") + "?" + urlencode(params)
    assert client.get(url).status_code == 200
    with capture(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    status = client.get(response.url)
    assert "Готово" in status.content.decode()
    download = PreparedDownload.objects.get(pk=response.url.rstrip("/").rsplit("/", 1)[-1])
    file = client.get(reverse("ops_download_file", args=[download.pk]))
    assert file.status_code == 200
    assert "no-cache" in file["Cache-Control"]
    return zipfile.ZipFile(io.BytesIO(file.getvalue()))


def test_national_coordinator_downloads_a_course_zip(
    client, certificate, national, django_capture_on_commit_callbacks
):
    client.force_login(national)
    params = {"course_title": certificate.course_title}
    archive = prepared_zip(client, params, django_capture_on_commit_callbacks)
    assert archive.namelist() == [f"{certificate.number}.pdf"]
    assert certificate.holder_name in pdf_text(archive.read(f"{certificate.number}.pdf"))
    empty = prepared_zip(client, {"year": "1999"}, django_capture_on_commit_callbacks)
    assert empty.namelist() == []


def test_zip_is_refused_to_regional_coordinators(client, certificate, regional):
    client.force_login(regional)
    assert client.get(reverse("courses_certificates_zip")).status_code in (302, 403)
    assert client.post(reverse("courses_certificates_zip")).status_code in (302, 403)
    assert not PreparedDownload.objects.exists()


def test_a_prepared_zip_is_only_for_whoever_asked(
    client, certificate, national, regional, django_capture_on_commit_callbacks
):
    client.force_login(national)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("courses_certificates_zip"))
    download = PreparedDownload.objects.get()
    assert download.status == PreparedDownload.Status.READY
    other_national = UserFactory(email="other.national@example.test", is_staff=True)
    other_national.groups.add(Group.objects.get(name=roles.NATIONAL_COORDINATORS))
    for user in (regional, other_national):
        client.force_login(user)
        assert client.get(reverse("ops_download", args=[download.pk])).status_code == 404
        assert client.get(reverse("ops_download_file", args=[download.pk])).status_code == 404
    client.logout()
    anonymous = client.get(reverse("ops_download_file", args=[download.pk]))
    assert anonymous.status_code == 302 and "/login/" in anonymous.url


def test_register_inspect_and_export(client, certificate, national):
    client.force_login(national)
    inspect = client.get(reverse("certificates:inspect", args=[certificate.pk]))
    assert inspect.status_code == 200
    assert certificate.holder_name in inspect.content.decode()
    assert certificate.code not in inspect.content.decode()
    export = client.get(reverse("certificates:index") + "?export=csv")
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode("utf-8")
    assert certificate.number in content and certificate.holder_name in content


def test_zip_of_a_period_follows_the_register_filters(
    client, certificate, national, django_capture_on_commit_callbacks
):
    client.force_login(national)
    day = certificate.completed_on
    listing = client.get(
        reverse("certificates:index"),
        {"completed_on_from": day.isoformat(), "completed_on_to": day.isoformat()},
    )
    assert listing.status_code == 200 and certificate.number in listing.content.decode()
    inside = prepared_zip(
        client,
        {"completed_on_from": day.isoformat(), "completed_on_to": day.isoformat()},
        django_capture_on_commit_callbacks,
    )
    assert inside.namelist() == [f"{certificate.number}.pdf"]
    later = prepared_zip(
        client,
        {"completed_on_from": day.replace(year=day.year + 1).isoformat()},
        django_capture_on_commit_callbacks,
    )
    assert later.namelist() == []
    later_listing = client.get(
        reverse("certificates:index"),
        {"completed_on_from": day.replace(year=day.year + 1).isoformat()},
    )
    assert certificate.number not in later_listing.content.decode()
