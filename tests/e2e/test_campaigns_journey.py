"""A regional coordinator's campaign, in a real browser: assign a course with a due date to two
schools, a teacher there sees it, time passes (the test moves the dates), reminders go once, the
overdue filter shows the right people, and the all-courses XLSX says what the screen says."""

import datetime as dt
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, login, read_mails

pytestmark = pytest.mark.e2e

COURSE = "Интеркултурно образование в класната стая"
TEACHER = "teacher@drom.test"


def manage(env, *args) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def shell(env, code: str) -> str:
    return manage(env, "shell", "-v", "0", "-c", code)


def test_coordinator_campaign(browser, live_url, page, e2e_env, mail_dir):
    school_pk, teacher_name = shell(
        e2e_env,
        "from schools.models import User; t = User.objects.get(email='teacher@drom.test'); "
        "print(t.school_id); print(t.last_name)",
    ).splitlines()
    today = dt.date.today()
    due = today + dt.timedelta(days=14)

    # 1. Assign the course to two schools with a due date.
    login(page, "coordinator@drom.test")
    page.goto("/admin/coordinator-reports/assign/")
    page.get_by_label(COURSE, exact=True).check()
    schools = page.get_by_label("Училища", exact=True)
    values = schools.locator("option").evaluate_all("options => options.map(o => o.value)")
    other = next(value for value in values if value != school_pk)
    schools.select_option(value=[school_pk, other])
    page.get_by_label("Срок", exact=True).fill(due.strftime("%d.%m.%Y"))
    page.get_by_label("Съобщение до учителите (по избор)").fill("Моля, завършете до срока.")
    page.get_by_role("button", name="Възложи").click()
    expect(page.get_by_text(re.compile(r"Възложено: \d+ нови"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"assignment=assigned"))
    expect(page.locator("table.reports-table").get_by_text(teacher_name).first).to_be_visible()

    # 2. A teacher there sees who assigned it and by when.
    teacher_context = browser.new_context(base_url=live_url, locale="bg-BG")
    teacher_page = teacher_context.new_page()
    login(teacher_page, TEACHER)
    teacher_page.goto("/learning/")
    months = ("", "януари", "февруари", "март", "април", "май", "юни", "юли", "август",
              "септември", "октомври", "ноември", "декември")  # fmt: skip
    expect(
        teacher_page.get_by_text(
            re.compile(rf"Възложено от .+, срок {due.day} {months[due.month]} {due.year} г\.")
        ).first
    ).to_be_visible()
    teacher_context.close()

    # 3. The day's job sends the 14-day reminder, once however often it runs.
    before = len(read_mails(mail_dir, TEACHER))
    manage(e2e_env, "send_assignment_reminders")
    manage(e2e_env, "send_assignment_reminders")
    mails = read_mails(mail_dir, TEACHER)[before:]
    assert len(mails) == 1
    assert "след 14 дни" in str(mails[0]["Subject"])

    # 4. Fifteen days pass (the test moves the due dates back): the day after, one more e-mail.
    shell(
        e2e_env,
        "import datetime as dt; from courses.models import Assignment; "
        "[Assignment.objects.filter(pk=a.pk).update(due_on=a.due_on - dt.timedelta(days=15)) "
        "for a in Assignment.objects.all()]",
    )
    manage(e2e_env, "send_assignment_reminders")
    manage(e2e_env, "send_assignment_reminders")
    mails = read_mails(mail_dir, TEACHER)[before:]
    assert len(mails) == 2
    assert "изтече" in str(mails[1]["Subject"])

    # 5. The overdue filter shows the teachers who have not finished, and only them.
    page.goto("/admin/coordinator-reports/?level=teacher")
    page.get_by_label("Обучение", exact=True).select_option(label=COURSE)
    page.get_by_label("Възлагане", exact=True).select_option("overdue")
    page.get_by_role("button", name="Приложи филтрите").click()
    table = page.locator("table.reports-table")
    expect(table.get_by_text(teacher_name).first).to_be_visible()
    statuses = table.locator("tbody tr td:nth-child(5)").all_inner_texts()
    assert statuses and "завършено" not in statuses
    expected = int(
        shell(
            e2e_env,
            "import datetime as dt; from reports.campaigns import overdue_assignments; "
            "print(overdue_assignments(today=dt.date.today()).count())",
        )
    )
    rows = table.locator("tbody tr")
    assert rows.count() == expected

    # 6. The all-courses report: the XLSX read back matches the screen.
    page.goto("/admin/coordinator-reports/all-courses/")
    screen = {}
    for row in page.locator("table.reports-table tbody tr").all():
        name = row.locator("th").inner_text().strip()
        screen[name] = int(row.locator("td").first.inner_text())
    assert set(screen) == {"Югоизточен", "Южен централен"}
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Изтегли XLSX").click()
    workbook = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    regions = list(workbook["Райони за планиране"].values)
    assert {row[0]: row[2] for row in regions[1:-1]} == screen
    overdue_column = regions[0].index(f"{COURSE}: Просрочени")
    assert regions[-1][overdue_column] == expected
    assert workbook.sheetnames[-1] == "Учители"
