"""In the real browser under the production server's Content-Security-Policy: public pages and
the admin (as the demo author) run without a single violation; a timed quiz counts down, saves
each answer as it is given and keeps it across a reload."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login
from tests.e2e.test_accessibility import open_lesson_plan

pytestmark = pytest.mark.e2e

QUIZ = "/obucheniya/interkulturno-obrazovanie/zakluchitelen-test/"


def watch_violations(page) -> list[str]:
    found = []

    def note(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            found.append(message.text)

    page.on("console", note)
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def test_public_pages_run_under_the_strict_policy(page):
    violations = watch_violations(page)
    for path in ("/", "/en/", "/accounts/login/", "/learning/verify/unknown/"):
        response = page.goto(path)
        header = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in header and "unsafe" not in header, path
    login(page, "teacher@drom.test")
    page.goto("/learning/")
    page.goto("/obucheniya/interkulturno-obrazovanie/")
    assert violations == []


def test_the_author_edits_in_the_admin_under_the_policy(page):
    violations = watch_violations(page)
    login(page, "author@drom.test")
    open_lesson_plan(page)
    title = page.get_by_role("heading", level=1).inner_text()
    # The editing toolbar's "Edit" link (Playwright's locators reach into its shadow root).
    edit = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first
    response = page.goto(edit.get_attribute("href"))
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    summary = page.locator("#id_summary")
    summary.fill(summary.input_value() + " Проверено.")
    page.get_by_role("button", name="Запази като чернова").first.click()
    expect(page.locator(".messages")).to_contain_text(title)
    assert violations == []


def test_a_timed_quiz_counts_down_and_saves_each_answer(page):
    violations = watch_violations(page)
    login(page, "teacher@drom.test")
    page.goto(QUIZ)
    page.get_by_role("button", name=re.compile("Започнете теста|Нов опит")).click()
    expect(page.locator(".quiz__timer")).to_contain_text(re.compile(r"Оставащо време: 1?\d:\d\d"))
    first = page.locator(
        "fieldset.question input[type=radio], fieldset.question input[type=checkbox]"
    ).first
    with page.expect_response(re.compile(r"/attempts/\d+/save/")) as saved:
        first.check()
    assert saved.value.status == 200
    page.reload()
    expect(page.locator("fieldset.question input:checked")).to_have_count(1)
    assert violations == []
