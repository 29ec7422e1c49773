"""The report screens: drill-down, filters, teacher page, refusals and query budgets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from courses.models import Certificate, QuizAttempt
from schools.models import District, Region
from tests.courses.builders import steps
from tests.factories import make_school, make_teacher

from .conftest import enroll

pytestmark = pytest.mark.django_db

URL = "/admin/coordinator-reports/"


def test_anonymous_is_sent_to_login(client, course):
    response = client.get(URL)
    assertRedirects(response, f"/admin/login/?next={URL}", fetch_redirect_response=False)


def test_teachers_and_authors_are_refused(client, course, network, author):
    for user in (network["completed"], author):
        client.force_login(user)
        for url in (
            URL,
            f"{URL}charts/",
            f"{URL}teachers/{network['completed'].pk}/",
            f"{URL}?course={course.pk}&export=csv",
        ):
            response = client.get(url)
            assert response.status_code in (302, 403), url
            assert b"galya@example.test" not in response.content


def test_region_overview_shows_only_own_region(coordinator_client, course, network):
    response = coordinator_client.get(URL)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    html = response.content.decode()
    assert "Югоизточен" in html
    assert "Северозападен" not in html
    region = Region.objects.get(code="BG34")
    assert f"region={region.pk}" in html


def test_drill_down_to_teachers(coordinator_client, course, network, school_sliven):
    district = District.objects.get(code="BG-20")
    response = coordinator_client.get(URL, {"course": course.pk, "district": district.pk})
    html = response.content.decode()
    assert f"municipality={school_sliven.municipality_id}" in html
    response = coordinator_client.get(
        URL, {"course": course.pk, "municipality": school_sliven.municipality_id}
    )
    assert f"school={school_sliven.pk}" in response.content.decode()
    response = coordinator_client.get(URL, {"course": course.pk, "school": school_sliven.pk})
    html = response.content.decode()
    assert "Анна" in html and "Галя" in html
    assert 'name="teacher"' in html  # reminder checkboxes for the unfinished
    assert reverse("drom_reports:teacher", args=[network["not_started"].pk]) in html


@pytest.mark.parametrize("param", ["region", "district", "school"])
def test_tampered_place_outside_scope_is_404(
    coordinator_client, course, network, school_vidin, param
):
    value = {
        "region": Region.objects.get(code="BG31").pk,
        "district": District.objects.get(code="BG-05").pk,
        "school": school_vidin.pk,
    }[param]
    for url in (URL, f"{URL}charts/"):
        response = coordinator_client.get(url, {"course": course.pk, param: value})
        assert response.status_code == 404
        assert b"zhana" not in response.content
    response = coordinator_client.get(URL, {"course": course.pk, param: value, "export": "csv"})
    assert response.status_code == 404


def test_unknown_course_is_404(coordinator_client, course, network):
    assert coordinator_client.get(URL, {"course": 999999}).status_code == 404


def test_bad_date_gives_a_message_not_an_error(coordinator_client, course, network):
    response = coordinator_client.get(
        URL, {"course": course.pk, "enrolled_from": "2026-05-01", "enrolled_to": "2026-01-01"}
    )
    assert response.status_code == 200
    assert "The end date is before the start date." in response.content.decode() or (
        "Крайната дата" in response.content.decode()
    )
    assert b"galya@example.test" not in response.content


def test_teacher_page(coordinator_client, course, network):
    galya = network["completed"]
    response = coordinator_client.get(reverse("drom_reports:teacher", args=[galya.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert course.title in html
    assert "galya@example.test" in html


def test_teacher_page_of_another_region_is_404(coordinator_client, course, network):
    response = coordinator_client.get(
        reverse("drom_reports:teacher", args=[network["vidin_done"].pk])
    )
    assert response.status_code == 404


def test_charts(coordinator_client, course, network):
    response = coordinator_client.get(f"{URL}charts/", {"course": course.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "<title" in html and "<desc" in html
    # The figures as tables too, each in a box that scrolls on a phone and is named by its caption.
    assert '<caption id="chart-places-caption">' in html
    assert 'role="region" aria-labelledby="chart-places-caption"' in html


def test_export_log_is_for_national_coordinators_only(client, coordinator, national, course):
    client.force_login(coordinator)
    response = client.get(f"{URL}exports/")
    # Wagtail turns PermissionDenied in the admin into a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    client.force_login(national)
    assert client.get(f"{URL}exports/").status_code == 200


def _grow(course, schools, start=0):
    for n in range(start, start + schools):
        school = make_school("BG-20", municipality=f"Община {n}", code=f"29{n:05d}")
        enroll(make_teacher(school), course, "completed")
        make_teacher(school)


def _queries(client, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(captured)


def test_page_query_count_is_the_same_for_1_and_50_schools(coordinator_client, course):
    district = District.objects.get(code="BG-20")
    views = [
        {"course": course.pk},
        {"course": course.pk, "district": district.pk, "level": "school"},
        {"course": course.pk, "district": district.pk, "level": "teacher"},
    ]
    _grow(course, 1)
    coordinator_client.get(URL)  # warm per-process caches (locales, content types)
    small = [_queries(coordinator_client, params) for params in views]
    _grow(course, 49, start=1)
    large = [_queries(coordinator_client, params) for params in views]
    assert small == large
    assert max(large) <= 25


def test_teacher_page_shows_quiz_scores_attempts_and_certificate(national_client, course, network):
    galya = network["completed"]
    enrollment = galya.enrollments.get()
    _, (quiz,) = steps(course)
    for number, score in ((1, 40), (2, 90)):
        QuizAttempt.objects.create(
            enrollment=enrollment,
            quiz=quiz,
            number=number,
            submitted_at=enrollment.completed_at,
            score=score,
            passed=score >= 70,
        )
    Certificate.objects.create(
        enrollment=enrollment,
        number="2026-000001",
        year=2026,
        serial=1,
        code="verify-me",
        issued_at=enrollment.completed_at,
        holder_name=galya.get_full_name(),
        course_title=course.title,
        provider="Дром",
        hours=16,
        started_on=enrollment.enrolled_at.date(),
        completed_on=enrollment.completed_at.date(),
        issued_on=enrollment.completed_at.date(),
    )
    html = national_client.get(reverse("drom_reports:teacher", args=[galya.pk])).content.decode()
    assert "Тест 1" in html
    assert "90,00" in html or "90.00" in html
    assert "2026-000001" in html
    assert reverse("courses:verify", args=["verify-me"]) in html
    assert reverse("courses:certificate_pdf", args=["2026-000001"]) in html
