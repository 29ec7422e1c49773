"""A blended course in the browser: the national coordinator plans a session for today, a teacher
books it (and gets the calendar invitation), the trainer takes attendance on a 360 px phone with
JavaScript off, and the teacher evaluates the course and downloads the certificate with the split
of hours."""

import io
import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.conftest import login, read_mails

pytestmark = pytest.mark.e2e

COURSE = "/obucheniya/romski-folklor/"
TEACHER = "uchitel005@drom.test"  # Varna: no folklore booking in the demo


def session_times() -> tuple[str, str]:
    now = datetime.now(ZoneInfo("Europe/Sofia"))
    starts = now + timedelta(minutes=30)
    if starts.date() != now.date():  # attendance is taken from the session's day
        starts = now + timedelta(minutes=1)
    ends = min(starts + timedelta(hours=3), starts.replace(hour=23, minute=59))
    return f"{starts:%Y-%m-%d %H:%M}", f"{ends:%Y-%m-%d %H:%M}"


def plan_online_session(page) -> None:
    login(page, "national@drom.test")
    page.goto("/admin/seminar_sessions/new/")
    field = page.locator
    field('[name="seminar"]').select_option(label="Модул 2: Семинар „Фолклорът в класната стая“")
    starts, ends = session_times()
    field('[name="starts_at"]').fill(starts)
    field('[name="ends_at"]').fill(ends)
    field('[name="meeting_url"]').fill("https://meet.example.org/folklor-online")
    field('[name="trainer"]').select_option(label="Васил Асенов Демиров")
    field('[name="capacity"]').fill("2")
    field('[name="academic_hours"]').fill("8")
    page.get_by_role("button", name="Създай").click()
    expect(page.get_by_role("cell", name="Васил Асенов Демиров").first).to_be_visible()
    page.context.clear_cookies()


def test_book_attend_evaluate_and_get_the_certificate(page, browser, live_url, mail_dir):
    plan_online_session(page)

    login(page, TEACHER)
    page.goto(COURSE)
    page.get_by_role("button", name="Запишете се в обучението").click()
    for title in ("Модул 1: Приказки и песни", "Модул 1: Празници през годината"):
        page.goto(COURSE)
        page.get_by_role("link", name=title).first.click()
        page.get_by_role("button", name="Отбелязване като завършен").click()
    page.goto(COURSE)
    page.get_by_role("link", name=re.compile("Модул 2")).first.click()
    online = page.locator(".session").filter(has_text="изпраща се на записаните")
    online.get_by_role("button", name="Запиши ме за тази сесия").click()
    expect(page.get_by_text("Мястото ви е запазено.").first).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Добавете го в календара си (.ics)").click()
    assert b"meet.example.org/folklor-online" in Path(download.value.path()).read_bytes()
    invitation = [
        m for m in read_mails(mail_dir, TEACHER) if "Мястото ви е запазено" in m["Subject"]
    ]
    assert invitation and any(
        part.get_filename() == "seminar.ics" for part in invitation[-1].iter_attachments()
    )

    # The trainer, on a phone with JavaScript off.
    phone = browser.new_context(
        base_url=live_url,
        locale="bg-BG",
        java_script_enabled=False,
        viewport={"width": 360, "height": 780},
    )
    trainer = phone.new_page()
    try:
        login(trainer, "trainer@drom.test")
        trainer.goto("/learning/seminars/trainer/")
        trainer.locator("li").filter(has_text="meet.example.org").get_by_role("link").click()
        row = trainer.locator("fieldset").filter(has_text="Георги Раковски")
        expect(row).to_have_count(1)
        row.get_by_label("присъства", exact=True).check()
        save = trainer.get_by_role("button", name="Запиши присъствието")
        box = save.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        save.click()
        expect(trainer.get_by_text("Присъствието е записано.")).to_be_visible()
        trainer.screenshot(path="test-results/e2e/trainer-attendance-360.png", full_page=True)
    finally:
        phone.close()

    page.goto(COURSE)
    page.get_by_role("link", name="Оценете обучението, за да получите удостоверението си").click()
    page.get_by_role("group", name="Доколко ще използвате наученото в час?").get_by_label(
        "5 – много"
    ).check()
    page.get_by_role("group", name="Как оценявате работата на обучителя?").get_by_label(
        "4", exact=True
    ).check()
    page.get_by_label(re.compile("Какво бихте променили")).fill("Още песни, моля.")
    page.get_by_role("button", name="Изпрати оценката").click()
    expect(page.get_by_text("Благодарим ви за оценката.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Изтеглете удостоверението си (PDF)").first.click()
    pdf = Path(download.value.path()).read_bytes()
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "8 ч. присъствено + 8 ч. самостоятелно" in " ".join(text.split())
