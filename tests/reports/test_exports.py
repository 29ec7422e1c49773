"""Exports: exactly what is on screen, Bulgarian headers, Excel-safe, logged, scoped."""

import csv
import io

import pytest
from openpyxl import load_workbook

from ops.spreadsheets import neutralise
from reports.models import ExportLog
from schools.models import Region

pytestmark = pytest.mark.django_db

URL = "/admin/coordinator-reports/"


def streamed(response) -> bytes:
    return b"".join(response.streaming_content)


def test_teacher_csv_is_long_format_with_bom_and_bulgarian_headers(
    coordinator_client, coordinator, course, network
):
    response = coordinator_client.get(
        URL, {"course": course.pk, "level": "teacher", "export": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = streamed(response)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert header[:6] == [
        "Район за планиране",
        "Област",
        "Община",
        "Код на училището",
        "Училище",
        "Учител",
    ]
    assert "Номер на удостоверението" in header
    emails = {row[6] for row in rows[1:]}
    # Six teachers of BG34, none of BG31.
    assert len(rows) == 7
    assert "zhana@example.test" not in emails
    statuses = {row[6]: row[9] for row in rows[1:]}
    assert statuses["anna@example.test"] == "не се е записал"
    assert statuses["galya@example.test"] == "завършено"
    log = ExportLog.objects.get()
    assert (log.user, log.format, log.level, log.rows) == (coordinator, "csv", "teacher", 6)
    assert log.filters["course"] == str(course.pk)


def test_export_follows_filters_and_all_pages(coordinator_client, course, network):
    response = coordinator_client.get(
        URL, {"course": course.pk, "level": "teacher", "status": "unfinished", "export": "csv"}
    )
    body = streamed(response).decode("utf-8-sig")
    emails = {row[6] for row in list(csv.reader(io.StringIO(body), delimiter=";"))[1:]}
    assert emails == {
        "anna@example.test",
        "boris@example.test",
        "vera@example.test",
        "emil@example.test",
    }


def test_xlsx_has_teacher_sheet_and_school_summary(coordinator_client, course, network):
    response = coordinator_client.get(
        URL, {"course": course.pk, "level": "teacher", "export": "xlsx"}
    )
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    teachers, schools = workbook.worksheets
    rows = list(teachers.values)
    assert rows[0][5] == "Учител"
    assert len(rows) == 7
    school_rows = list(schools.values)
    assert school_rows[0][0] == "Училище"
    assert {r[0] for r in school_rows[1:]} == {"ОУ „Христо Ботев“", "СУ „Г. С. Раковски“"}
    assert sum(r[2] for r in school_rows[1:]) == 6


def test_region_level_export_is_the_summary_on_screen(coordinator_client, course, network):
    response = coordinator_client.get(URL, {"course": course.pk, "export": "csv"})
    rows = list(csv.reader(io.StringIO(streamed(response).decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Район за планиране"
    assert [r[1] for r in rows[1:]] == ["BG34"]
    assert rows[1][2] == "6"


def test_formula_like_cells_are_neutralised(coordinator_client, course, network):
    vera = network["in_progress"]
    vera.last_name = '=HYPERLINK("http://evil")'
    vera.first_name = "@SUM(1)"
    vera.save()
    csv_body = streamed(
        coordinator_client.get(URL, {"course": course.pk, "level": "teacher", "export": "csv"})
    ).decode("utf-8-sig")
    assert "'@SUM(1)" in csv_body
    assert ";@SUM" not in csv_body and ';"@SUM' not in csv_body
    response = coordinator_client.get(
        URL, {"course": course.pk, "level": "teacher", "export": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    names = [row[5] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert any(name.startswith("'@SUM(1)") for name in names)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"


@pytest.mark.parametrize("value", ["=1+1", "+359", "-2", "@x", "\tx"])
def test_neutralise(value):
    assert neutralise(value).startswith("'")


def test_neutralise_leaves_plain_values():
    assert neutralise("Мария") == "Мария"
    assert neutralise(-2) == -2


def test_export_of_another_region_is_refused_and_not_logged(coordinator_client, course, network):
    north = Region.objects.get(code="BG31")
    response = coordinator_client.get(
        URL, {"course": course.pk, "region": north.pk, "export": "xlsx"}
    )
    assert response.status_code == 404
    assert not ExportLog.objects.exists()


def test_teachers_cannot_export(client, course, network):
    client.force_login(network["completed"])
    response = client.get(URL, {"course": course.pk, "export": "csv"})
    # Wagtail sends people without admin access to its login page.
    assert response.status_code == 302
    assert response["Location"].startswith(f"/admin/login/?next={URL}")
    assert not ExportLog.objects.exists()
