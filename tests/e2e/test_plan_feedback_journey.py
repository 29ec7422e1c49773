""" "I taught this" in the browser: a teacher on a 360 px phone with JavaScript off gives her
feedback on a lesson plan (a mistake first: the form says so in Bulgarian and keeps what she
typed), a methodologist approves it in the admin, and then it shows on the plan for everyone.
The new screens (the plan's section, the moderation list, quiz statistics, course drop-off) have
no axe WCAG A/AA violations."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login
from tests.e2e.test_accessibility import assert_accessible, axe_violations, describe_violations

pytestmark = pytest.mark.e2e

TEACHER = "teacher@drom.test"  # has given no feedback in the demo
PLAN = "Помним: Холокостът над ромите"
COMMENT = "Учениците зададоха много въпроси; ще добавя карта на лагерите."


def admin_main_problems(page, url: str) -> str:
    page.goto(url)
    page.wait_for_load_state("load")
    violations = axe_violations(page, context={"include": [["main"]]})
    return describe_violations(violations)


def test_a_teacher_says_i_taught_this_and_a_methodologist_approves_it(browser, live_url, page):
    # The form with its error, as a browser that runs axe sees it (nothing is saved).
    page.set_viewport_size({"width": 360, "height": 780})
    login(page, TEACHER)
    page.goto("/library/?occasion=holocaust")
    page.get_by_role("link", name=PLAN).first.click()
    page.locator("#i-taught-this").get_by_role("button", name="Изпрати отзива").click()
    expect(page.locator(".error-summary")).to_contain_text("Изберете оценка от 1 до 5.")
    assert_accessible(page)
    page.context.clear_cookies()

    phone = browser.new_context(
        base_url=live_url,
        locale="bg-BG",
        java_script_enabled=False,
        viewport={"width": 360, "height": 780},
    )
    teacher = phone.new_page()
    try:
        login(teacher, TEACHER)
        teacher.goto("/library/?occasion=holocaust")
        teacher.get_by_role("link", name=PLAN).first.click()
        plan_url = teacher.url
        section = teacher.locator("#i-taught-this")
        expect(section.get_by_role("heading", name="Преподавах това")).to_be_visible()
        # Forgetting the rating: a Bulgarian message, and the comment is still there.
        section.get_by_label("Какво се получи").fill(COMMENT)
        section.get_by_role("button", name="Изпрати отзива").click()
        expect(teacher.locator(".error-summary")).to_contain_text("Изберете оценка от 1 до 5.")
        expect(teacher.locator("#i-taught-this").get_by_label("Какво се получи")).to_have_value(
            COMMENT
        )
        section = teacher.locator("#i-taught-this")
        section.get_by_label("5", exact=True).check()
        send = section.get_by_role("button", name="Изпрати отзива")
        box = send.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        send.click()
        expect(teacher.get_by_text("Благодарим! Отзивът ви ще се покаже")).to_be_visible()
        expect(teacher.locator("#i-taught-this")).to_contain_text("чака одобрение")
        teacher.screenshot(path="test-results/e2e/i-taught-this-360.png", full_page=True)
    finally:
        phone.close()

    # axe needs JavaScript (a page with it disabled never answers Playwright's evaluate): the
    # waiting feedback, checked in the browser that runs it.
    login(page, TEACHER)
    page.goto(plan_url)
    expect(page.locator("#i-taught-this")).to_contain_text("чака одобрение")
    assert_accessible(page)
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})

    login(page, "methodologist@drom.test")
    page.goto("/admin/lesson-plan-feedback/?status=pending")
    row = page.locator("tr").filter(has_text=COMMENT)
    expect(row).to_have_count(1)
    assert "teacher@drom.test" not in page.content()
    assert admin_main_problems(page, page.url) == ""
    page.locator("tr").filter(has_text=COMMENT).get_by_role(
        "button", name=re.compile("Одобри")
    ).click()
    expect(page.get_by_text("Отзивът е одобрен.")).to_be_visible()

    page.context.clear_cookies()
    page.goto(plan_url)
    expect(page.locator("#i-taught-this")).to_contain_text(COMMENT)
    expect(page.locator("#i-taught-this")).to_contain_text("5 / 5")
    assert_accessible(page)


def test_the_authors_screens_meet_wcag_aa(page):
    login(page, "author@drom.test")
    problems = [
        admin_main_problems(page, url)
        for url in (
            "/admin/coordinator-reports/quiz-statistics/",
            "/admin/coordinator-reports/course-drop-off/",
            "/admin/lesson-plan-feedback/",
        )
    ]
    assert "/admin/lesson-plan-feedback/" in page.url
    assert [p for p in problems if p] == []
    # The demo's attempts give the statistics something to show.
    page.goto("/admin/coordinator-reports/quiz-statistics/")
    expect(page.locator("table.listing").first).to_contain_text("0,")
    expect(page.locator("table.listing").first).not_to_contain_text("[rom]")
