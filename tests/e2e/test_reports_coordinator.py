"""A regional coordinator's journey through the completion report, in a real browser."""

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.conftest import login, read_mails

pytestmark = pytest.mark.e2e

REPORT = "/admin/coordinator-reports/"


def results_table(page):
    return page.locator("table.reports-table").first


def test_regional_coordinator_drills_down_filters_exports_and_reminds(page, mail_dir):
    login(page, "coordinator@drom.test")
    page.goto(REPORT)
    expect(page.get_by_role("heading", name=re.compile("Райони за планиране"))).to_be_visible()
    table = results_table(page)
    expect(table.get_by_role("link", name="Югоизточен")).to_be_visible()
    expect(table.get_by_role("link", name="Южен централен")).to_be_visible()
    expect(page.get_by_text("Северозападен")).to_have_count(0)

    # Region → district → municipality → school → teacher.
    table.get_by_role("link", name="Югоизточен").click()
    expect(page.get_by_role("heading", name=re.compile("Области"))).to_be_visible()
    results_table(page).locator("td.title a").first.click()
    expect(page.get_by_role("heading", name=re.compile("Общини"))).to_be_visible()
    results_table(page).locator("td.title a").first.click()
    expect(page.get_by_role("heading", name=re.compile("Училища"))).to_be_visible()
    results_table(page).locator("td.title a").first.click()
    expect(page.get_by_role("heading", name=re.compile("Учители"))).to_be_visible()
    trail = page.get_by_role("navigation", name="Къде се намирате в мрежата")
    expect(trail.get_by_role("link")).to_have_count(4)
    teacher_link = results_table(page).locator("td.title a").first
    teacher_name = teacher_link.inner_text().strip()
    teacher_link.click()
    expect(page.get_by_role("heading", level=1, name=teacher_name)).to_be_visible()
    expect(page.get_by_role("heading", name="Напомняния").first).to_be_visible()
    page.go_back()

    # Filter the whole scope to the teachers who have not finished.
    page.goto(REPORT + "?level=teacher")
    page.get_by_label("Състояние").select_option("unfinished")
    page.get_by_role("button", name="Приложи филтрите").click()
    expect(page).to_have_url(re.compile(r"status=unfinished"))
    statuses = results_table(page).locator("tbody tr td:nth-child(5)")
    expect(statuses.first).to_be_visible()
    assert "завършено" not in statuses.all_inner_texts()

    # Export exactly this list to XLSX and read it back.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Изтегли XLSX").click()
    workbook = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    teachers_sheet, schools_sheet = workbook.worksheets
    rows = list(teachers_sheet.values)
    assert rows[0][:6] == (
        "Район за планиране",
        "Област",
        "Община",
        "Код на училището",
        "Училище",
        "Учител",
    )
    assert len(rows) > 1
    assert {row[0] for row in rows[1:]} <= {"Югоизточен", "Южен централен"}
    assert "завършено" not in {row[9] for row in rows[1:]}
    assert list(schools_sheet.values)[0][0] == "Училище"

    # Remind the first two teachers on the list.
    boxes = page.locator('input[name="teacher"][form="remind-form"]')
    boxes_before = boxes.count()
    # (other journeys of the run may have reminded teachers of this list already)
    reminded_before = page.locator(".reports-reminded").count()
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Изпрати напомняне на избраните учители").click()
    expect(page.get_by_text(re.compile(r"Изпратени напомняния: 2"))).to_be_visible()
    reminders = [m for m in read_mails(mail_dir) if "Напомняне" in str(m["Subject"])]
    assert len(reminders) == 2
    body = reminders[0].get_body(("plain",)).get_content()
    assert "Продължете курса оттук:" in body
    assert "http" in body

    # The two reminded teachers say so and cannot be ticked again the same week.
    expect(page.locator(".reports-reminded", has_text="напомнено на")).to_have_count(
        reminded_before + 2
    )
    expect(page.locator('input[name="teacher"][form="remind-form"]')).to_have_count(
        boxes_before - 2
    )


def test_regional_coordinator_is_refused_another_region(page):
    login(page, "national@drom.test")
    page.goto(REPORT)
    href = results_table(page).get_by_role("link", name="Северозападен").get_attribute("href")
    page.context.clear_cookies()

    login(page, "coordinator@drom.test")
    response = page.goto(href)
    assert response.status == 404
    expect(page.get_by_text("Северозападен")).to_have_count(0)
    assert page.request.get(href + "&export=xlsx").status == 404
    assert page.request.get(href.replace("?", "charts/?")).status == 404
