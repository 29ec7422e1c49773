"""Teacher journeys in the library: find a plan by filter and by search, play its song, take
the PDF home."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.e2e


def test_find_a_plan_by_filters(page):
    page.goto("/library/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Библиотека")
    page.get_by_text("Филтри (0)").click()  # the filters are folded into one disclosure
    page.get_by_label("Възрастова група").select_option("g11-12")
    page.get_by_label("Повод").select_option("holocaust")
    page.get_by_role("button", name="Покажи резултатите").click()
    expect(page).to_have_url(re.compile(r"grade=g11-12"))
    expect(page).to_have_url(re.compile(r"occasion=holocaust"))
    cards = page.locator(".card__title")
    expect(cards).to_have_count(1)
    expect(cards.first).to_have_text("Помним: Холокостът над ромите")
    # The counts next to the options follow the other filters.
    page.get_by_text("Филтри (2)").click()
    expect(page.get_by_label("Повод").locator("option[value=holocaust]")).to_contain_text("(1)")
    # A chip removes one filter and keeps the other.
    page.get_by_role("link", name=re.compile("Премахни филтъра „Повод")).click()
    expect(page).to_have_url(re.compile(r"grade=g11-12"))
    expect(page).not_to_have_url(re.compile(r"occasion="))


def test_search_open_play_the_song_and_download_the_pdf(page):
    page.goto("/library/")
    page.get_by_label("Търсене").fill("ВАСИЛИЦА")
    page.get_by_role("button", name="Търси").click()
    expect(page.locator("mark").first).to_have_text(re.compile("Василица", re.IGNORECASE))
    page.get_by_role("link", name="Василица – ромската Нова година").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Василица – ромската Нова година")

    audio = page.locator("audio").first
    expect(audio).to_have_attribute("preload", "none")
    page.get_by_role("heading", level=1).click()  # a user gesture, as a teacher's click would be
    audio.evaluate("a => a.play()")
    page.wait_for_function(
        "() => { const a = document.querySelector('audio');"
        " return a.currentTime > 0.3 && !a.paused; }"
    )
    assert audio.evaluate("a => a.error") is None

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Планът на урока като PDF").click()
    download = download_info.value
    assert download.suggested_filename == "vasilitsa.pdf"
    with open(download.path(), "rb") as file:
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(file.read())).pages)
    assert "Василица – ромската Нова година" in text
    assert "Честита Василица" in text


def test_english_library_shows_the_english_plan(page):
    page.goto("/en/library/")
    page.get_by_label("Search").fill("vasilitsa")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("link", name="Vasilitsa – the Roma New Year").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("Happy Vasilitsa,", exact=False).first).to_be_visible()
