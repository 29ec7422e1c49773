"""Authoring from each chair, in the real browser against the production server and demo content.

The demo author uploads an image, a worksheet PDF and a recording with consent, writes a lesson
plan with them and submits it; the methodologist requests changes; the author fixes them; the
methodologist approves; the Roma community reviewer approves and the plan is live. The author then
translates it into English, which stays a draft until it passes the same review. A course with a
Ministry programme also needs the national coordinator. Each role is refused what it must not do.
Nobody here is a superuser.
"""

import re

import pytest
from playwright.sync_api import expect

from curriculum import generate
from tests.authoring.bulgarian import english_in
from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

SLUG = "kyuchekt-v-98-s-tpan"  # Wagtail's transliteration of TITLE
TITLE = "Кючекът в 9/8 с тъпан"
EN_TITLE = "Kyuchek in 9/8 with a drum"
CONSENT = "Писмено съгласие на изпълнителката от 12.03.2026; декларацията се пази в училището."


@pytest.fixture
def as_role(browser, live_url):
    """A fresh browser session logged in as a demo account (closed at the end of the test)."""
    contexts = []

    def open_as(email):
        context = browser.new_context(base_url=live_url, locale="bg-BG")
        context.set_default_timeout(20_000)
        contexts.append(context)
        page = context.new_page()
        login(page, email)
        return page

    yield open_as
    for context in contexts:
        context.close()


@pytest.fixture
def files(tmp_path):
    paths = {}
    for name, content in (
        ("cherga.png", generate.picture(name="cherga.png", size=(320, 200))),
        (
            "kyuchek-list.pdf",
            generate.worksheet(name="w.pdf", title=TITLE, lines=["Пляскайте 9/8."]),
        ),
        ("kyuchek.wav", generate.melody(name="k.wav", tune="CDEC-")),
        ("evil.png", None),
    ):
        path = tmp_path / name
        data = b"<svg onload='alert(1)'></svg>" if content is None else content.read()
        path.write_bytes(data)
        paths[name] = str(path)
    return paths


def chrome_is_bulgarian(page):
    """The admin's own interface (menus, footer, dialogs, side panels) shows no English."""
    texts = page.evaluate(
        """() => {
        const out = [];
        const areas = document.querySelectorAll(
          'footer, [role=dialog], .w-sidebar, aside, .w-dropdown__content, nav');
        for (const area of areas) {
          const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const el = walker.currentNode.parentElement;
            const text = walker.currentNode.textContent.trim();
            if (text && el.checkVisibility() && !el.closest('script,template,noscript')) {
              out.push(text.replace(/\\s+/g, ' '));
            }
          }
          area.querySelectorAll('[aria-label],[title],[placeholder]').forEach((e) => {
            for (const a of ['aria-label', 'title', 'placeholder']) {
              if (e.getAttribute(a) && e.checkVisibility()) out.push(e.getAttribute(a));
            }
          });
        }
        return out;
      }"""
    )
    # Page titles in the breadcrumbs are content (the English copy's title is English).
    assert english_in(texts, content=[EN_TITLE, "Library", "Teacher courses"]) == []


AUDIENCE = "Учители от детски градини и начални училища в смесени класове."
COURSE = "Интеркултурно образование в класната стая"  # demo course with a Ministry programme UIN


def admin_page_id(page, title) -> int:
    """The id of the page called `title`, found with the admin's page search as this user."""
    html = page.request.get("/admin/pages/search/", params={"q": title}).text()
    return int(re.search(r"/admin/pages/(\d+)/edit/", html).group(1))


def assert_not_served(page, url, title):
    """Nothing is shown at `url`: no page with `title` (a 404, or a redirect away from it)."""
    response = page.request.get(url, max_redirects=0)
    assert response.status in (301, 302, 404), response.status
    assert title not in response.text()


def open_actions(page):
    page.locator("footer .w-dropdown__toggle").click()


def upload(page, url, fields, file_path):
    page.goto(url)
    page.locator("input[type=file][name=file]").set_input_files(file_path)
    for name, value in fields.items():
        field = page.locator(f"[name={name}]")
        if value is True:
            field.check()
        else:
            field.fill(value)
    page.locator("form button[type=submit], form input[type=submit]").last.click()


def choose_in_chooser(page, trigger, title):
    trigger.click()
    dialog = page.locator("[role=dialog]:visible, .modal:visible").last
    dialog.get_by_text(title, exact=False).first.click()
    expect(dialog).to_be_hidden()


def workflow_action(page, edit_url, action, comment=""):
    page.goto(edit_url)
    open_actions(page)
    selector = f"footer [data-workflow-action-name={action}]"
    if comment:
        page.locator(f"{selector}[data-workflow-action-modal-url]").first.click()
        dialog = page.locator("[role=dialog]:visible").last
        dialog.locator("textarea").fill(comment)
        submit_and_wait(page, dialog.locator("button[type=submit]"))
    else:
        submit_and_wait(page, page.locator(f"{selector}:not([data-workflow-action-modal-url])"))
    expect(page.locator(".messages")).to_be_visible()


def submit_and_wait(page, button):
    """Click a button that posts a form, and return once the server has answered and the page it
    leads to has loaded: a `.messages` box already on the screen must not let the next step (often
    another person's visit) start before this one's change is saved."""
    with page.expect_response(lambda response: response.request.method == "POST"):
        button.click()
    page.wait_for_load_state()


def test_lesson_plan_from_upload_to_english_through_every_review(as_role, live_url, files):
    author = as_role("author@drom.test")

    # Uploads, with the content checks: an SVG pretending to be a PNG is refused in Bulgarian.
    upload(author, "/admin/images/add/", {"title": "Зло"}, files["evil.png"])
    expect(author.locator(".error-message").first).to_contain_text("изображение")
    upload(author, "/admin/images/add/", {"title": "Черга за кючек"}, files["cherga.png"])
    expect(author.locator(".messages")).to_contain_text("Черга за кючек")
    upload(author, "/admin/documents/add/", {"title": "Лист: ритъм 9/8"}, files["kyuchek-list.pdf"])
    expect(author.locator(".messages")).to_contain_text("Лист: ритъм 9/8")
    upload(
        author,
        "/admin/media/audio/add/",
        {"title": "Кючек на тъпан", "living_performers": True, "consent_record": ""},
        files["kyuchek.wav"],
    )
    expect(author.locator(".error-message").first).to_contain_text("съгласие")
    author.locator("[name=file]").set_input_files(files["kyuchek.wav"])
    author.locator("[name=consent_record]").fill(CONSENT)
    author.locator("form button[type=submit], form input[type=submit]").last.click()
    expect(author.locator(".messages")).to_contain_text("Кючек на тъпан")

    # A new lesson plan in the library, with the three files.
    # "New lesson plan" in Bulgarian: the library is the only place the author may add one.
    author.goto("/admin/pages/create/curriculum/lessonplanpage?locale=bg")
    expect(author).to_have_url(re.compile(r"/admin/pages/add/curriculum/lessonplanpage/\d+/"))
    author.locator("#id_title").fill(TITLE)  # the address (slug) follows the title
    author.locator("#id_summary").fill("Учениците откриват ритъма 9/8 с пляскане и тъпан.")
    author.locator("#id_learning_outcome").fill("Учениците изпляскват ритъма 9/8.")
    cover = author.locator("[data-contentpath=cover_image] button:visible").first
    choose_in_chooser(author, cover, "Черга за кючек")
    # A lesson step with the worksheet.
    body = author.locator("[data-contentpath=body]")
    body.locator("button[title='Вмъкни блок'], button[aria-label='Вмъкни блок']").first.click()
    author.get_by_role("option", name=re.compile("Работен лист")).click()
    worksheet = body.locator("[data-contentpath=document] button:visible").first
    choose_in_chooser(author, worksheet, "Лист: ритъм 9/8")
    # The recording among the related resources.
    author.get_by_role("tab", name="Бележки за преподаване").click()
    related = author.locator("[data-contentpath=related_resources]")
    related.locator("button[title='Вмъкни блок'], button[aria-label='Вмъкни блок']").first.click()
    author.get_by_role("option", name=re.compile("Аудио")).click()
    choose_in_chooser(
        author, related.locator("button:visible").filter(has_text="Избери").first, "Кючек на тъпан"
    )
    chrome_is_bulgarian(author)
    author.get_by_role("tab", name="Класификация").click()
    author.locator("[name=grade_bands][value=g1-4]").check()
    author.locator("#id_duration_minutes").fill("40")
    open_actions(author)
    author.get_by_role("button", name=re.compile("Изпрати за „Методически преглед“")).click()
    expect(author.locator(".messages")).to_contain_text("изпратена за преглед")
    edit_url = f"/admin/pages/{admin_page_id(author, TITLE)}/edit/"
    author.goto(edit_url)
    # Not live yet, and the author cannot approve her own plan.
    assert author.request.get(f"/library/{SLUG}/").status == 404
    expect(author.locator("[data-workflow-action-name=approve]")).to_have_count(0)

    # The methodologist cannot publish directly; she asks for changes.
    methodologist = as_role("methodologist@drom.test")
    methodologist.goto(edit_url)
    open_actions(methodologist)
    expect(methodologist.locator("footer").get_by_text("Публикувай", exact=True)).to_have_count(0)
    chrome_is_bulgarian(methodologist)
    workflow_action(
        methodologist, edit_url, "reject", comment="Добавете колко минути е всяка стъпка."
    )

    author.goto(edit_url)
    author.locator("#id_summary").fill(
        "Учениците откриват ритъма 9/8 с пляскане и тъпан за 40 минути."
    )
    open_actions(author)
    submit_and_wait(author, author.get_by_role("button", name=re.compile("Изпрати отново")))
    expect(author.locator(".messages")).to_be_visible()

    workflow_action(methodologist, edit_url, "approve")
    assert methodologist.request.get(f"/library/{SLUG}/").status == 404

    reviewer = as_role("reviewer@drom.test")
    workflow_action(reviewer, edit_url, "approve")
    reviewer.goto(f"/library/{SLUG}/")
    expect(reviewer.locator("h1")).to_have_text(TITLE)
    expect(reviewer.get_by_text("Лист: ритъм 9/8").first).to_be_visible()
    expect(reviewer.get_by_text("Кючек на тъпан").first).to_be_visible()

    # English: a draft until translated and approved.
    page_id = admin_page_id(author, TITLE)
    author.goto(f"/admin/localize/submit/page/{page_id}/")
    chrome_is_bulgarian(author)
    author.locator("input[name=locales]").first.check()
    author.locator("form button[type=submit], form input[type=submit]").last.click()
    expect(author).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    english_edit_url = author.url
    assert_not_served(author, f"/en/library/{SLUG}/", TITLE)
    open_actions(author)
    author.get_by_role("button", name=re.compile("Изпрати за")).click()
    expect(author.locator(".error-message").first).to_contain_text("българският текст")
    author.locator("#id_title").fill(EN_TITLE)
    author.locator("#id_summary").fill("Pupils discover the 9/8 rhythm by clapping and drumming.")
    author.locator("#id_learning_outcome").fill("Pupils clap the 9/8 rhythm.")
    open_actions(author)
    author.get_by_role("button", name=re.compile("Изпрати за")).click()
    expect(author.locator(".messages")).to_contain_text("изпратена за преглед")
    assert_not_served(author, f"/en/library/{SLUG}/", EN_TITLE)
    workflow_action(methodologist, english_edit_url, "approve")
    workflow_action(reviewer, english_edit_url, "approve")
    reviewer.goto(f"/en/library/{SLUG}/")
    expect(reviewer.locator("h1")).to_have_text(EN_TITLE)
    expect(reviewer.locator("html")).to_have_attribute("lang", "en")


def test_a_ministry_programme_course_goes_through_the_national_coordinator(as_role):
    author = as_role("author@drom.test")
    course_id = admin_page_id(author, COURSE)
    edit_url = f"/admin/pages/{course_id}/edit/"
    author.goto(edit_url)
    author.locator("#id_audience").fill(AUDIENCE)
    open_actions(author)
    author.get_by_role("button", name=re.compile("Изпрати за „Преглед на обучение“")).click()
    expect(author.locator(".messages")).to_contain_text("изпратена за преглед")

    national = as_role("national@drom.test")
    national.goto(edit_url)
    expect(national.locator("[data-workflow-action-name=approve]")).to_have_count(0)

    workflow_action(as_role("methodologist@drom.test"), edit_url, "approve")
    # Approved by the methodologist, the course waits for the national coordinator.
    national.goto("/obucheniya/interkulturno-obrazovanie/")
    expect(national.get_by_text(AUDIENCE)).to_have_count(0)
    workflow_action(national, edit_url, "approve")
    national.goto("/obucheniya/interkulturno-obrazovanie/")
    expect(national.get_by_text(AUDIENCE)).to_be_visible()


def test_each_role_is_refused_what_it_must_not_do(as_role):
    author = as_role("author@drom.test")
    course_id = admin_page_id(author, COURSE)
    plan = author.request.get("/api/v2/lesson-plans/?slug=kyuchek").json()["items"][0]
    author.goto(f"/admin/pages/{plan['id']}/edit/")
    open_actions(author)
    expect(author.locator("footer").get_by_text("Публикувай", exact=True)).to_have_count(0)
    author.goto(f"/admin/pages/{plan['id']}/unpublish/")
    expect(author).to_have_url(re.compile(r"/admin/$"))

    reviewer = as_role("reviewer@drom.test")
    reviewer.goto("/admin/images/add/")
    expect(reviewer).to_have_url(re.compile(r"/admin/$"))
    expect(reviewer.locator(".messages")).to_contain_text("Нямате права")
    reviewer.goto("/admin/media/audio/add/")
    expect(reviewer).not_to_have_url(re.compile("/media/audio/add/"))

    coordinator = as_role("coordinator@drom.test")
    coordinator.goto("/admin/images/add/")
    expect(coordinator).to_have_url(re.compile(r"/admin/$"))
    coordinator.goto(f"/admin/pages/{course_id}/edit/")
    expect(coordinator).to_have_url(re.compile(r"/admin/$"))
