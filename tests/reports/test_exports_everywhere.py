"""Every export of Drom, at every level, with hostile names: one behaviour (ops.spreadsheets).

UTF-8 with BOM, ";", Bulgarian headers, dates "30.11.2026 14:05" in Bulgarian time, да/не,
no live formula — for the course report at each level, the admin lists (teachers, schools), the
certificate register and the export log.
"""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courses.models import Enrollment
from ops.spreadsheets import csv_text
from reports.models import ExportLog
from schools.models import User
from tests.factories import CertificateFactory, ExportLogFactory

pytestmark = pytest.mark.django_db

URL = "/admin/coordinator-reports/"
HOSTILE = '=HYPERLINK("http://x.test","x")'
HOSTILE_SCHOOL = "+ОУ „Хитро“"
# 12:05 UTC on 30 November is 14:05 in Sofia (EET, UTC+2).
WHEN = dt.datetime(2026, 11, 30, 12, 5, 33, 123456, tzinfo=dt.UTC)
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile(network, school_sliven):
    teacher = network["completed"]
    User.objects.filter(pk=teacher.pk).update(
        first_name=HOSTILE, last_name="@SUM(1)", father_name=""
    )
    school_sliven.name = HOSTILE_SCHOOL
    school_sliven.save()
    Enrollment.objects.filter(teacher=teacher).update(completed_at=WHEN)
    return network


def read_csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf"), "no BOM: Bulgarian Excel breaks the Cyrillic"
    text = body.decode("utf-8-sig")
    assert ";" in text.splitlines()[0]
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def read_xlsx(response) -> list[list]:
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"live formula in {sheet.title}: {cell.value}"
            rows.append([cell.value for cell in row])
    return rows


def assert_safe(rows) -> None:
    for row in rows:
        for value in row:
            if isinstance(value, str):
                assert not value.startswith(DANGEROUS), value


def csv_and_xlsx(client, url, params=None):
    params = params or {}
    return (
        read_csv(client.get(url, {**params, "export": "csv"})),
        read_xlsx(client.get(url, {**params, "export": "xlsx"})),
    )


def levels(course, school):
    municipality = school.municipality
    district = municipality.district
    base = {"course": course.pk}
    return {
        "region": base,
        "district": {**base, "region": district.region_id},
        "municipality": {**base, "region": district.region_id, "district": district.pk},
        "school": {
            **base,
            "region": district.region_id,
            "district": district.pk,
            "municipality": municipality.pk,
        },
        "teacher": {
            **base,
            "region": district.region_id,
            "district": district.pk,
            "municipality": municipality.pk,
            "school": school.pk,
        },
        "teacher-of-region": {**base, "level": "teacher"},
    }


@pytest.mark.parametrize(
    "level", ["region", "district", "municipality", "school", "teacher", "teacher-of-region"]
)
def test_course_report_exports_at_every_level(
    coordinator_client, course, hostile, school_sliven, level
):
    params = levels(course, school_sliven)[level]
    rows, xlsx_rows = csv_and_xlsx(coordinator_client, URL, params)
    assert_safe(rows)
    assert_safe(xlsx_rows)
    assert len(rows) > 1
    text = "\n".join(";".join(row) for row in rows)
    if level.startswith("teacher"):
        assert "'" + HOSTILE in text
        assert "30.11.2026 14:05" in text
        assert "Учител" in rows[0]
        cells = [v for row in xlsx_rows for v in row]
        assert any(str(v).startswith("'" + HOSTILE) for v in cells)
        assert dt.datetime(2026, 11, 30, 14, 5) in cells
    if level in ("school", "teacher"):
        assert "'" + HOSTILE_SCHOOL in text
    assert ExportLog.objects.filter(format="csv").count() == 1
    assert ExportLog.objects.filter(format="xlsx").count() == 1


def test_teacher_list_export(coordinator_client, hostile):
    User.objects.filter(pk=hostile["completed"].pk).update(date_joined=WHEN)
    rows, xlsx_rows = csv_and_xlsx(coordinator_client, reverse("teachers:index"))
    assert_safe(rows)
    assert_safe(xlsx_rows)
    header = rows[0]
    assert header[0] == "Имейл адрес"
    assert "Код по НЕИСПУО" in header
    row = next(r for r in rows if r[0] == hostile["completed"].email)
    assert row[1] == "'" + HOSTILE
    assert row[3] == "'@SUM(1)"
    assert "да" in row  # is_active
    assert "30.11.2026 14:05" in row
    assert "zhana@example.test" not in {r[0] for r in rows}  # another region
    assert "mediator" not in {r[4] for r in rows}
    assert "медиатор" in " ".join(r[4] for r in rows).lower()
    xlsx_row = next(r for r in xlsx_rows if r[0] == hostile["completed"].email)
    assert dt.datetime(2026, 11, 30, 14, 5) in xlsx_row


def test_school_list_export(coordinator_client, hostile):
    rows, xlsx_rows = csv_and_xlsx(coordinator_client, reverse("schools:index"))
    assert_safe(rows)
    assert_safe(xlsx_rows)
    assert rows[0][:2] == ["Код по НЕИСПУО", "Наименование"]
    row = next(r for r in rows if r[1] == "'" + HOSTILE_SCHOOL)
    assert row[-2:] == ["да", "да"]  # partner network, active
    assert "True" not in sum(rows, [])


def test_certificate_register_export(national_client, hostile):
    CertificateFactory(
        holder_name=HOSTILE,
        school_name="-1+1",
        issued_at=WHEN,
        enrollment__completed=True,
    )
    rows, xlsx_rows = csv_and_xlsx(national_client, reverse("certificates:index"))
    assert_safe(rows)
    assert_safe(xlsx_rows)
    assert rows[0][0] == "Регистрационен номер"
    assert rows[1][1] == "30.11.2026 14:05"
    assert rows[1][2] == "'" + HOSTILE
    assert "'-1+1" in rows[1]
    assert xlsx_rows[1][1] == dt.datetime(2026, 11, 30, 14, 5)


def test_export_log_is_readable_and_exports_safely(national_client, national, course, hostile):
    school = hostile["completed"].school
    log = ExportLogFactory(
        user=national,
        course=course,
        level="teacher",
        format="xlsx",
        filters={"course": str(course.pk), "school": str(school.pk), "status": "completed"},
    )
    ExportLog.objects.filter(pk=log.pk).update(created_at=WHEN)
    html = national_client.get(f"{URL}exports/").content.decode()
    assert "30.11.2026 14:05" in html
    assert "Училище: +ОУ „Хитро“" in html
    assert "Състояние: завършено" in html
    assert "XLSX" in html
    assert "course=" not in html
    rows, xlsx_rows = csv_and_xlsx(national_client, f"{URL}exports/")
    assert_safe(rows)
    assert_safe(xlsx_rows)
    assert rows[0][0] == "Изтеглен на"
    assert rows[1][0] == "30.11.2026 14:05"
    assert "Училище: +ОУ „Хитро“" in rows[1][5]


def test_spreadsheet_values_are_bulgarian():
    assert csv_text(True) == "да"
    assert csv_text(False) == "не"
    assert csv_text(None) == ""
    assert csv_text(WHEN) == "30.11.2026 14:05"
    assert csv_text(timezone.localtime(WHEN).date()) == "30.11.2026"
    assert csv_text("\rx") == "'\rx"
    assert csv_text("\tx") == "'\tx"
    assert csv_text(-3) == "-3"
