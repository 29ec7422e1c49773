"""A teacher on a phone (360 px wide), with JavaScript off and on: finds a plan by a word form,
filters and saves it; answers a quiz partly and gets her answers back with the missing one marked.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import RESULTS, login
from tests.e2e.test_accessibility import TEACHER, assert_accessible, open_step

pytestmark = pytest.mark.e2e

PHONE = {"width": 360, "height": 740}


@pytest.fixture(params=[False, True], ids=["no-js", "js"])
def phone(browser, live_url, request):
    context = browser.new_context(
        base_url=live_url,
        locale="bg-BG",
        viewport=PHONE,
        java_script_enabled=request.param,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.javascript = request.param
    yield page
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = request.node.nodeid.split("::", 1)[-1].replace("/", "_").replace("::", "-")
    try:
        page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)
    finally:
        context.close()


def test_find_a_plan_by_a_word_form_filter_and_save_it(phone):
    page = phone
    login(page, TEACHER)
    page.goto("/library/")
    page.get_by_label("Търсене").fill("кючека")  # the title says "кючека", the teacher any form
    page.get_by_label("Търсене").press("Enter")
    result = page.locator("main .card__title a", has_text="Ритъмът на кючека")
    expect(result).to_be_visible()
    # The word form found is highlighted in that plan's title (other plans may rank first).
    title = page.locator("main .card__title", has_text="Ритъмът на кючека")
    expect(title.locator("mark")).to_have_text("кючека")

    page.get_by_label("Търсене").fill("kyuchek")  # Latin letters on the phone's keyboard
    page.get_by_label("Търсене").press("Enter")
    expect(result).to_be_visible()

    page.get_by_text("Филтри (0)").click()  # one disclosure, opened without a script
    page.get_by_label("Възрастова група").select_option("g5-7")
    page.get_by_role("button", name="Покажи резултатите").click()
    expect(page).to_have_url(re.compile(r"grade=g5-7"))
    expect(result).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Премахни филтъра"))).to_be_visible()

    result.click()
    save = page.get_by_role("button", name=re.compile("Запази"))
    if save.count():  # saved already by the journey without JavaScript (one shared teacher)
        save.first.click()
    expect(page.get_by_role("button", name=re.compile("Премахни от"))).to_be_visible()
    page.goto("/library/my/")
    expect(page.get_by_role("link", name="Ритъмът на кючека")).to_be_visible()


def test_nothing_found_offers_the_nearest_word(phone):
    page = phone
    page.goto("/library/?q=хардилези")
    page.get_by_role("link", name="херделези").click()
    expect(page.locator("main .card__title a", has_text="Херделези")).to_be_visible()


def test_a_partly_answered_quiz_keeps_the_answers_and_marks_the_missing_one(phone):
    page = phone
    login(page, TEACHER)
    open_step(page, "тест")
    start = page.get_by_role("button", name=re.compile("Започнете теста|Нов опит"))
    if start.count():  # an attempt left open by an earlier journey is simply continued
        start.click()
    questions = page.locator("fieldset.question")
    expect(questions.first).to_be_visible()
    first = questions.nth(0).locator("input").first
    first.check()
    page.get_by_role("button", name="Предаване на отговорите").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(questions.nth(0).locator("input").first).to_be_checked()
    expect(questions.nth(1).locator("input").first).to_have_attribute("aria-invalid", "true")
    expect(questions.nth(0).locator("input").first).not_to_have_attribute("aria-invalid", "true")
    summary.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"#q-"))
    if page.javascript:
        assert_accessible(page)


def test_the_quiz_needs_no_sideways_scrolling_at_320_px(phone):
    page = phone
    login(page, TEACHER)
    open_step(page, "тест")
    page.set_viewport_size({"width": 320, "height": 640})
    button = page.get_by_role("button", name=re.compile("Започнете теста|Нов опит"))
    if button.count():
        button.click()
    scroll, width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll <= width
