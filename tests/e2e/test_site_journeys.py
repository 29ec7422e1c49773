"""First journeys: Bulgarian home page, switching language, logging in and out."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e


def test_home_page_is_bulgarian_and_switches_to_english_and_back(page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "bg")
    expect(page.get_by_role("heading", level=1)).to_have_text("Дром")
    expect(page.get_by_role("link", name="Към основното съдържание")).to_be_attached()

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Drom")

    page.get_by_role("link", name="Български").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("html")).to_have_attribute("lang", "bg")


def test_language_switch_keeps_you_on_the_same_page(page):
    page.goto("/about/")
    expect(page.get_by_role("heading", level=1)).to_have_text("За Дром")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/about/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("About Drom")


def test_teacher_logs_in_and_out(page):
    login(page, "teacher@drom.test")
    expect(page.get_by_role("heading", level=1)).to_have_text("Моят профил")
    expect(page.get_by_text("teacher@drom.test")).to_be_visible()

    page.get_by_role("button", name="Изход").click()
    expect(page.get_by_role("link", name="Вход")).to_be_visible()
    page.goto("/accounts/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))


def test_wrong_password_shows_the_error(page):
    login(page, "teacher@drom.test", password="not-the-password")
    expect(page.locator("#error-summary")).to_contain_text("Имейл адресът или паролата не са верни")
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
