"""The completion report as a Wagtail ReportView: pages, exports of every row, redirects."""

import csv
import io

import pytest

from reports.filters import ReportFilters
from reports.models import ExportLog, ReportSubscription
from reports.selectors import ROW_FIELDS, TEACHER_COLUMNS, teacher_rows
from tests.factories import make_teacher
from tests.reports.conftest import enroll

pytestmark = pytest.mark.django_db

URL = "/admin/coordinator-reports/"


@pytest.fixture
def crowded_school(course, school_sliven):
    """60 teachers at one school, more than a page of the report (50)."""
    teachers = [make_teacher(school_sliven, email=f"t{n:02d}@example.test") for n in range(60)]
    for teacher in teachers[:20]:
        enroll(teacher, course, "in_progress")
    return teachers


def test_the_teacher_list_is_paginated_but_the_export_has_every_row(
    coordinator_client, course, school_sliven, crowded_school
):
    params = {"course": course.pk, "school": school_sliven.pk}
    html = coordinator_client.get(URL, params).content.decode()
    assert html.count('name="teacher"') == 50  # one checkbox per teacher shown on page 1
    response = coordinator_client.get(URL, {**params, "export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert len(rows) == 1 + 60
    assert ExportLog.objects.get().rows == 60


def test_an_export_with_invalid_filters_shows_the_form_instead(coordinator_client, course):
    response = coordinator_client.get(
        URL, {"course": course.pk, "enrolled_from": "not-a-date", "export": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert not ExportLog.objects.exists()


def test_both_halves_of_the_teacher_rows_have_every_column(
    coordinator, course, school_sliven, crowded_school
):
    assert tuple(column[0] for column in TEACHER_COLUMNS) == ROW_FIELDS
    rows = list(teacher_rows(viewer=coordinator, filters=ReportFilters(course=course)))
    statuses = {row["r_status"] for row in rows}
    assert statuses == {"in_progress", "not_started"}
    for row in rows:
        assert tuple(row) == ROW_FIELDS
        assert row["r_school_code"] == school_sliven.code
        assert row["r_email"].endswith("@example.test")
        if row["r_status"] == "not_started":
            assert (row["r_percent"], row["r_enrolled"], row["r_certificate"]) == (0, None, None)
        else:
            assert row["r_enrolled"] is not None


@pytest.mark.parametrize(
    "target", ["//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:x"]
)
def test_the_subscription_form_never_redirects_off_the_site(coordinator_client, target):
    response = coordinator_client.post(URL + "subscription/", {"subscribe": "1", "next": target})
    assert response.status_code == 302 and response["Location"] == URL
    assert ReportSubscription.objects.exists()


def test_one_school_exports_to_xlsx_and_draws_its_chart(
    coordinator_client, course, school_sliven, crowded_school
):
    params = {"course": course.pk, "school": school_sliven.pk}
    response = coordinator_client.get(URL, {**params, "export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    chart = coordinator_client.get(URL + "charts/", params)
    assert chart.status_code == 200
    assert school_sliven.name in chart.content.decode()
