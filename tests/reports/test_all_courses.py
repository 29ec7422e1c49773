"""The all-courses report: every course per place and per teacher, hours and credits in the
attestation period, overdue assignments; the XLSX says what the screen says; constant queries."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courses.assignments import assignments_create
from courses.models import Assignment, Enrollment
from reports.models import ExportLog
from schools.models import Region
from tests.courses.builders import make_course
from tests.factories import make_teacher

from .conftest import enroll

pytestmark = pytest.mark.django_db

URL = reverse("drom_reports:all_courses")


@pytest.fixture
def second_course(home_bg):
    return make_course(home_bg, quizzes=0, slug="second")


@pytest.fixture
def campaign(coordinator, course, second_course, network):
    """Second course: Anna completed it this period; Boris is overdue on it."""
    enroll(network["not_started"], second_course, "completed")
    assignments_create(
        by=coordinator,
        teacher_ids=[network["enrolled"].pk],
        courses=[second_course],
        due_on=timezone.localdate(),
    )
    Assignment.objects.update(due_on=timezone.localdate() - dt.timedelta(days=3))
    return network


def xlsx(client, params):
    response = client.get(URL, {**params, "export": "xlsx"})
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def test_region_level_screen_and_xlsx_agree(coordinator_client, course, second_course, campaign):
    response = coordinator_client.get(URL)
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [r.name for r in rows] == ["Югоизточен"]  # the coordinator's regions with schools
    region = rows[0]
    assert region.teachers == 6
    assert (region.cell(course.pk).completed, region.cell(course.pk).teachers) == (2, 6)
    assert (region.cell(second_course.pk).completed, region.cell(second_course.pk).overdue) == (
        1,
        1,
    )
    # Galya and Dora completed the first course (16 h each) and Anna the second.
    assert (region.hours, region.credits) == (48, 0)
    html = response.content.decode()
    assert second_course.title in html and "1 просрочен<" in html

    workbook = xlsx(coordinator_client, {})
    assert workbook.sheetnames == ["Райони за планиране", "Области", "Общини", "Училища", "Учители"]
    sheet = list(workbook["Райони за планиране"].values)
    header, first = sheet[0], sheet[1]
    assert first[0] == "Югоизточен" and first[2] == 6
    completed_col = header.index(f"{course.title}: Завършено")
    assert first[completed_col] == 2
    assert first[header.index(f"{second_course.title}: Просрочени")] == 1
    assert sheet[-1][0] == "Общо"
    teachers = list(workbook["Учители"].values)
    emails = {row[1] for row in teachers[1:]}
    assert "boris@example.test" in emails and "zhana@example.test" not in emails
    boris = next(row for row in teachers if row[1] == "boris@example.test")
    assert "(просрочено)" in boris[teachers[0].index(second_course.title)]
    log = ExportLog.objects.get()
    assert (log.level, log.format, log.course) == ("all-courses", "xlsx", None)


def test_drill_down_to_teachers(coordinator_client, course, second_course, campaign, school_sliven):
    municipality = school_sliven.municipality
    district = municipality.district
    params = {
        "region": district.region_id,
        "district": district.pk,
        "municipality": municipality.pk,
    }
    response = coordinator_client.get(URL, params)
    assert [r.name for r in response.context["rows"]] == [school_sliven.name]
    response = coordinator_client.get(URL, {**params, "school": school_sliven.pk})
    assert response.context["level"] == "teacher"
    lines = {line["teacher"].email: line for line in response.context["lines"]}
    assert set(lines) == {
        "anna@example.test",
        "boris@example.test",
        "vera@example.test",
        "galya@example.test",
    }
    anna = lines["anna@example.test"]
    assert [s["label"] for s in anna["statuses"]] == ["не се е записал", "завършено"]
    assert lines["boris@example.test"]["overdue"] == 1
    workbook = xlsx(coordinator_client, {**params, "school": school_sliven.pk})
    assert workbook.sheetnames == ["Учители"]
    assert len(list(workbook["Учители"].values)) == 5


def test_chosen_courses_only(coordinator_client, course, second_course, campaign):
    response = coordinator_client.get(URL, {"courses": [second_course.pk]})
    assert [c.pk for c in response.context["courses"]] == [second_course.pk]


def test_hours_and_credits_count_only_the_current_period(
    coordinator_client, course, second_course, network
):
    enroll(network["not_started"], second_course, "completed")
    Enrollment.objects.filter(teacher=network["not_started"]).update(
        completed_at=timezone.now() - dt.timedelta(days=365 * 5)
    )
    response = coordinator_client.get(URL, {"courses": [second_course.pk]})
    assert response.context["rows"][0].hours == 0


def test_refusals(client, teacher, author, coordinator_client, course, network):
    north = Region.objects.get(code="BG31")
    assert coordinator_client.get(URL, {"region": north.pk}).status_code == 404
    for user in (teacher, author):
        client.force_login(user)
        assert client.get(URL).status_code in (302, 403)


def test_hostile_names_are_neutralised(coordinator_client, course, network, school_sliven):
    make_teacher(school_sliven, first_name='=HYPERLINK("http://x.test","x")')
    workbook = xlsx(coordinator_client, {"level": "teacher"})
    names = [row[0] for row in workbook["Учители"].values]
    assert any(str(n).startswith("'=HYPERLINK") for n in names)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def queries(client, params) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL, params).status_code == 200
    return len(context.captured_queries)


def test_constant_queries_in_courses_and_teachers(
    coordinator_client, home_bg, course, network, school_sliven, school_burgas
):
    coordinator_client.get(URL)  # warm the session and the coordinator's groups
    few = queries(coordinator_client, {})
    teacher_few = queries(coordinator_client, {"level": "teacher"})
    for n in range(3):
        make_course(home_bg, quizzes=0, slug=f"more-{n}")
    for _ in range(10):
        enroll(make_teacher(school_burgas), course, "in_progress")
    assert queries(coordinator_client, {}) == few
    assert queries(coordinator_client, {"level": "teacher"}) == teacher_few
