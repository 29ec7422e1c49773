"""WCAG 2.2 AA in the browser: axe-core on the key pages as the people who use them, and the checks
axe cannot make alone — skip link, one <h1> and a <main> per page, the page's language, keyboard
use of the login form, a visible focus ring and reflow at 320 CSS pixels.

Pages are reached the way a visitor reaches them (menus and links from the live site), so a renamed
slug in the demo content does not hide a page from the checks.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

TEACHER = "teacher@drom.test"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE = Axe()  # axe-core 4.12 ships inside the package: nothing is fetched at run time

# Script: the page's landmarks, headings and language, for the structure checks.
STRUCTURE_JS = """() => ({
    lang: document.documentElement.lang,
    h1: document.querySelectorAll('h1').length,
    main: document.querySelectorAll('main, [role=main]').length,
    headings: [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
        .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)]),
})"""


def axe_violations(page, context: dict | None = None) -> list[dict]:
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return AXE.run(page, context=context, options=options).response["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())[:240]
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


def heading_skips(headings: list[list]) -> list[str]:
    """Headings that go more than one level deeper than the one before them (h2 → h4)."""
    skips, previous = [], 1
    for level, text in headings:
        if level > previous + 1:
            skips.append(f"h{previous} → h{level} {text!r}")
        previous = level
    return skips


def accessibility_problems(page, *, lang: str) -> list[str]:
    """Everything wrong with the page on screen, as readable lines (empty when all is well)."""
    problems = []
    structure = page.evaluate(STRUCTURE_JS)
    if structure["lang"] != lang:
        problems.append(f'<html lang="{structure["lang"]}">, expected "{lang}"')
    if structure["h1"] != 1:
        problems.append(f"{structure['h1']} <h1> elements, expected exactly one")
    if structure["main"] != 1:
        problems.append(f"{structure['main']} <main> landmarks, expected exactly one")
    problems += [f"heading level skipped: {skip}" for skip in heading_skips(structure["headings"])]
    violations = axe_violations(page)
    if violations:
        problems.append("axe WCAG A/AA violations:\n" + describe_violations(violations))
    return problems


def assert_accessible(page, *, lang: str = "bg") -> None:
    page.wait_for_load_state("load")
    problems = accessibility_problems(page, lang=lang)
    assert not problems, f"{page.url}\n" + "\n".join(problems)


def menu_link(page, name: str):
    return page.get_by_role("navigation", name="Основна навигация").get_by_role("link", name=name)


def open_library(page) -> None:
    page.goto("/")
    menu_link(page, "Библиотека").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Библиотека")


def open_lesson_plan(page) -> None:
    open_library(page)
    page.locator("main .card__title a").first.click()
    expect(page.locator("article.lesson-plan")).to_be_visible()


def open_resource(page) -> None:
    open_library(page)
    page.locator("main a[href$='/resources/']").first.click()
    page.locator("main h2 a").first.click()
    expect(page).to_have_url(re.compile(r"/resources/\w+/\d+/$"))


def open_course_catalogue(page) -> None:
    page.goto("/")
    menu_link(page, "Обучения за учители").click()


def open_not_found(page) -> None:
    response = page.goto("/no-such-page-anywhere/")
    assert response.status == 404


ANONYMOUS_PAGES = {
    "home": lambda page: page.goto("/"),
    "about": lambda page: page.goto("/about/"),
    "login": lambda page: page.goto("/accounts/login/"),
    "signup": lambda page: page.goto("/accounts/signup/"),
    "password-reset": lambda page: page.goto("/accounts/password/reset/"),
    "password-reset-sent": lambda page: page.goto("/accounts/password/reset/sent/"),
    "password-reset-bad-link": lambda page: page.goto("/accounts/password/reset/MQ/bad-token/"),
    "signup-sent": lambda page: page.goto("/accounts/signup/sent/"),
    "signup-bad-link": lambda page: page.goto("/accounts/signup/confirm/not-a-token/"),
    "not-found": open_not_found,
    "library": open_library,
    "lesson-plan": open_lesson_plan,
    "resource": open_resource,
    "course-catalogue": open_course_catalogue,
}


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_anonymous_page_meets_wcag_aa(page, name):
    ANONYMOUS_PAGES[name](page)
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/en/", "/en/about/", "/en/accounts/login/"])
def test_english_page_meets_wcag_aa_and_says_it_is_english(page, path):
    page.goto(path)
    assert_accessible(page, lang="en")


def test_english_lesson_plan_meets_wcag_aa(page):
    open_lesson_plan(page)
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/"))
    assert_accessible(page, lang="en")


def test_form_errors_meet_wcag_aa_and_are_tied_to_their_fields(page):
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Вход").click()
    # The summary of the problems takes focus (autofocus, no script) and links to each field.
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Моля, поправете")
    expect(summary.get_by_role("link").first).to_have_attribute("href", "#id_username")
    email = page.get_by_label("Имейл адрес")
    expect(email).to_have_attribute("aria-invalid", "true")
    # The error is read out with the field: its id is in the field's aria-describedby.
    error_id = email.get_attribute("aria-describedby").split()[0]
    expect(page.locator(f"#{error_id}")).to_have_text("Това поле е задължително.")
    assert_accessible(page)

    page.goto("/accounts/signup/")
    page.locator("main form button[type=submit]").last.click()
    assert_accessible(page)


# The teacher's pages, reached from "My learning" (/learning/) by following links.


def open_my_course(page) -> None:
    page.goto("/learning/")
    page.locator("main a[href*='/obucheniya/']").first.click()
    expect(page.locator("ol.outline")).to_be_visible()


def open_step(page, kind: str) -> None:
    open_my_course(page)
    step = page.locator(".outline__step").filter(
        has=page.locator(".outline__kind", has_text=re.compile(rf"^{kind}"))
    )
    step.locator("a").first.click()


def open_saved_lesson_plan(page) -> None:
    """A plan in "My lesson plans": it offers to be kept on the device ("Без интернет")."""
    open_lesson_plan(page)
    save = page.get_by_role("button", name=re.compile("^Запази в „Моите планове"))
    if save.count():
        save.click()
    expect(page.get_by_role("region", name="Без интернет")).to_be_visible()


TEACHER_PAGES = {
    "account": lambda page: page.goto("/accounts/"),
    "profile": lambda page: page.goto("/accounts/profile/"),
    "profile-school": lambda page: page.goto("/accounts/profile/school/"),
    "profile-data": lambda page: page.goto("/accounts/profile/data/"),
    "profile-delete": lambda page: page.goto("/accounts/profile/delete/"),
    "password-change": lambda page: page.goto("/accounts/password/change/"),
    "my-learning": lambda page: page.goto("/learning/"),
    "course": open_my_course,
    "lesson": lambda page: open_step(page, "урок"),
    "quiz": lambda page: open_step(page, "тест"),
    "lesson-plan": open_lesson_plan,
    "saved-lesson-plan": open_saved_lesson_plan,
    "my-plans": lambda page: page.goto("/my-lesson-plans/"),
}


@pytest.mark.parametrize("name", TEACHER_PAGES)
def test_teacher_page_meets_wcag_aa(page, name):
    login(page, TEACHER)
    expect(page.get_by_role("heading", level=1)).to_have_text("Моят профил")
    TEACHER_PAGES[name](page)
    assert_accessible(page)


def test_every_open_step_of_the_teachers_course_meets_wcag_aa(page):
    login(page, TEACHER)
    open_my_course(page)
    steps = page.locator(".outline__step a").evaluate_all("links => links.map(a => a.href)")
    assert len(steps) >= 2
    problems = []
    for url in steps:
        page.goto(url)
        page.wait_for_load_state("load")
        found = accessibility_problems(page, lang="bg")
        if found:
            problems.append(f"{page.url}\n" + "\n".join(found))
    assert not problems, "\n\n".join(problems)


def test_taking_a_quiz_meets_wcag_aa(page):
    """The question form (radio groups, check boxes, short answers) and the result page."""
    login(page, TEACHER)
    open_step(page, "тест")
    page.get_by_role("button", name=re.compile("Започнете теста|Нов опит")).click()
    expect(page.locator("fieldset.question").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Предаване на отговорите").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


TEXT_SPACING_CSS = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""


@pytest.mark.user_stylesheet
@pytest.mark.parametrize("open_page", [lambda page: page.goto("/"), open_lesson_plan, open_library])
def test_text_spacing_loses_no_content(page, open_page):
    """WCAG 1.4.12: with the spacing a reader's own style sheet may set, nothing is cut off."""
    open_page(page)
    page.add_style_tag(content=TEXT_SPACING_CSS)
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('body *')].filter(el => {
            const s = getComputedStyle(el);
            if (el.closest('.visually-hidden, .skip-link') || s.display === 'none') return false;
            const hidden = v => v === 'hidden' || v === 'clip';
            return (hidden(s.overflowY) && el.scrollHeight > el.clientHeight + 1)
                || (hidden(s.overflowX) && el.scrollWidth > el.clientWidth + 1);
        }).map(el => el.tagName + (el.className ? '.' + el.className : '')).slice(0, 10)"""
    )
    assert clipped == [], f"{page.url}: text cut off in {clipped}"


# What axe cannot check alone.


@pytest.mark.parametrize("path", ["/", "/library/", "/accounts/signup/"])
def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page, path):
    page.goto(path)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.outerHTML")
    assert 'class="skip-link"' in focused, f"first Tab stop on {path} is {focused[:120]}"
    skip = page.get_by_role("link", name="Към основното съдържание")
    expect(skip).to_be_in_viewport()  # hidden off screen until focused, then shown
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    # The next Tab continues after the start of the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate(
        "(() => { const main = document.querySelector('main'), el = document.activeElement;"
        " return main.contains(el) || !!(main.compareDocumentPosition(el)"
        " & Node.DOCUMENT_POSITION_FOLLOWING); })()"
    )


def test_login_form_works_with_the_keyboard_alone(page):
    page.goto("/accounts/login/")
    email = page.get_by_label("Имейл адрес")
    for _ in range(40):
        if email.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(email).to_be_focused()
    page.keyboard.type(TEACHER)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Парола")).to_be_focused()
    page.keyboard.type("drom-demo-2026")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Моят профил")


FOCUS_STYLE_JS = """() => { const s = getComputedStyle(document.activeElement);
    return {tag: document.activeElement.tagName, style: s.outlineStyle,
            width: parseFloat(s.outlineWidth), shadow: s.boxShadow}; }"""


def test_focus_is_visible_on_links_and_buttons(page):
    login(page, TEACHER)
    page.goto("/")
    seen = []
    for _ in range(30):  # skip link, brand, menu, language, account, log out, footer
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_STYLE_JS)
        if focus["tag"] == "BODY":  # past the last link: the browser's own controls are next
            break
        seen.append(focus["tag"])
        assert focus["style"] != "none" and focus["width"] >= 2, focus
    assert {"A", "BUTTON"} <= set(seen)
    assert len(seen) >= 8


@pytest.mark.parametrize(
    "open_page",
    [
        lambda page: page.goto("/"),
        open_lesson_plan,
        open_library,
        lambda page: page.goto("/accounts/signup/"),
        open_course_catalogue,
    ],
    ids=["home", "lesson-plan", "library", "signup", "course-catalogue"],
)
def test_reflow_at_320_css_pixels_needs_no_horizontal_scrolling(page, open_page):
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page)
    page.wait_for_load_state("load")
    overflow = page.evaluate(
        """() => { const width = document.documentElement.clientWidth;
        return {scroll: document.documentElement.scrollWidth, width,
            wide: [...document.querySelectorAll('main *')]
                .filter(el => el.getBoundingClientRect().right > width + 1)
                .slice(0, 5).map(el => el.tagName + (el.className ? '.' + el.className : ''))}; }"""
    )
    assert overflow["scroll"] <= overflow["width"], f"{page.url} scrolls sideways: {overflow}"
