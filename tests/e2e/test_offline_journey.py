"""A teacher keeps a saved plan on her phone (360 px), goes offline and opens it with its
recording; logging out leaves nothing behind. With JavaScript off every action still works and
the lesson pack is the way to take a plan offline.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import RESULTS, login
from tests.e2e.test_accessibility import TEACHER, assert_accessible

pytestmark = pytest.mark.e2e

PHONE = {"width": 360, "height": 740}
PLAN = "Херделези"
SAVE = re.compile("^Запази в „Моите планове")
REMOVE = re.compile("^Премахни от „Моите планове")

# Loads the page's first recording as the player would, and says what it played from.
LOAD_RECORDING_JS = """() => new Promise((resolve) => {
    const audio = document.querySelector("audio");
    audio.addEventListener(
        "loadedmetadata", () => resolve({src: audio.currentSrc, duration: audio.duration}));
    audio.addEventListener("error", () => resolve({src: audio.currentSrc, error: true}), true);
    audio.preload = "auto";
    audio.load();
})"""


def phone_context(browser, live_url, *, javascript: bool):
    context = browser.new_context(
        base_url=live_url,
        locale="bg-BG",
        viewport=PHONE,
        java_script_enabled=javascript,
        service_workers="allow",
    )
    context.set_default_timeout(15_000)
    return context


def close(context, page, request):
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = request.node.nodeid.split("::", 1)[-1].replace("/", "_")
    try:
        page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)
    finally:
        context.close()


def find_and_save(page) -> str:
    page.goto("/library/")
    page.get_by_label("Търсене").fill("херделез")  # a word form of the holiday's name
    page.get_by_label("Търсене").press("Enter")
    page.locator("main .card__title a", has_text=PLAN).first.click()
    save = page.get_by_role("button", name=SAVE)
    if save.count():  # other journeys share the demo teacher and may have saved it
        save.click()
    expect(page.get_by_role("button", name=REMOVE)).to_be_visible()
    return page.url


def test_keep_a_plan_offline_and_open_it_with_its_recording(browser, live_url, request):
    context = phone_context(browser, live_url, javascript=True)
    page = context.new_page()
    try:
        login(page, TEACHER)
        plan_url = find_and_save(page)

        keep = page.get_by_role("button", name=re.compile(r"Запази на това устройство"))
        # The size is shown before anything is downloaded, in Bulgarian units.
        expect(keep).to_have_text(re.compile(r"\(\d+(,\d)? (КБ|МБ)\)"))
        keep.click()
        expect(page.get_by_text("Достъпен офлайн")).to_be_visible()
        expect(keep).to_be_hidden()  # one state at a time: kept, with the button to remove it
        expect(page.get_by_role("button", name="Премахни от това устройство")).to_be_visible()
        expect(page.get_by_role("status").filter(has_text="без интернет")).to_be_visible()
        assert_accessible(page)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")

        context.set_offline(True)
        page.goto(plan_url)
        expect(page.get_by_role("heading", level=1)).to_contain_text(PLAN)
        # The kept copy is the plan as everyone sees it: nobody's header or form token in it.
        expect(page.get_by_role("link", name="Вход")).to_be_visible()
        played = page.evaluate(LOAD_RECORDING_JS)
        assert not played.get("error"), played
        assert played["src"].endswith(".ogg"), played  # the light copy, not the WAV
        assert played["duration"] > 1

        # "My lesson plans" from the header's address opens too, with the plan marked.
        page.goto("/my-lesson-plans/")
        card = page.locator(".card", has_text=PLAN)
        expect(card.get_by_text("Достъпен офлайн")).to_be_visible()

        context.set_offline(False)
        page.goto(plan_url)
        page.get_by_role("button", name="Изход").click()
        expect(page.get_by_role("link", name="Вход")).to_be_visible()
        assert page.evaluate("caches.keys()") == []
        context.set_offline(True)
        with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED|ERR_FAILED"):
            page.goto(plan_url)
    finally:
        context.set_offline(False)
        close(context, page, request)


def test_without_javascript_a_saved_plan_offers_the_pack_and_saving_works(
    browser, live_url, request
):
    context = phone_context(browser, live_url, javascript=False)
    page = context.new_page()
    try:
        login(page, TEACHER)
        find_and_save(page)
        # No script, no worker: the offline control stays hidden, the lesson pack is there.
        expect(
            page.get_by_role("button", name=re.compile("Запази на това устройство"))
        ).to_be_hidden()
        pack = page.get_by_role("link", name=re.compile("Целият пакет"))
        expect(pack.locator("xpath=..")).to_contain_text(re.compile(r"\d (КБ|МБ)"))
        # The recording's links say their sizes: the light copy and the original.
        downloads = page.locator(".media-downloads").first
        expect(downloads).to_contain_text(re.compile(r"OGG, \d+(,\d)? КБ"))
        expect(downloads).to_contain_text(re.compile(r"WAV, \d+(,\d)? КБ"))
        page.get_by_role("button", name=REMOVE).click()
        expect(page.get_by_role("button", name=SAVE)).to_be_visible()
        page.get_by_role("button", name=SAVE).click()
        expect(page.get_by_role("button", name=REMOVE)).to_be_visible()
    finally:
        close(context, page, request)
