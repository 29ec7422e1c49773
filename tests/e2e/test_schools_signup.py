"""A teacher signs up, confirms the e-mail address from the message, and logs in."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login, read_mails

pytestmark = pytest.mark.e2e

PASSWORD = "Песен-за-Дром-2026"


def test_signup_with_email_confirmation(page, mail_dir):
    email = "nova.uchitelka@example.test"
    page.goto("/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Регистрация на учител")

    # Step one without JavaScript: the district, then a list of its schools; what was typed
    # before asking for the list stays.
    page.get_by_label(re.compile(r"^Име:?$")).fill("Севда")
    page.get_by_label("Област").select_option(label="Сливен")
    page.get_by_role("button", name="Покажи училищата в тази област").click()
    expect(page.get_by_label(re.compile(r"^Училище:?$"))).to_be_visible()
    expect(page.get_by_label(re.compile(r"^Име:?$"))).to_have_value("Севда")

    page.get_by_label("Имейл адрес").fill(email.upper())
    page.get_by_label("Презиме").fill("Асенова")
    page.get_by_label("Фамилия").fill("Илиева")
    page.get_by_label("Длъжност").select_option("mediator")
    page.get_by_label(re.compile(r"^Училище:?$")).select_option(
        label="ОУ „Христо Ботев“ (с. Дряново)"
    )
    page.get_by_label(re.compile(r"^Парола:?$")).fill(PASSWORD)
    page.get_by_label("Паролата още веднъж").fill(PASSWORD)
    page.get_by_role("button", name="Създай профила ми").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Проверете")
    expect(page.get_by_text(email)).to_be_visible()

    # Not confirmed yet: logging in is refused.
    login(page, email, PASSWORD)
    expect(page.locator("#error-summary")).to_be_focused()

    messages = read_mails(mail_dir, to=email)
    assert len(messages) == 1
    assert "потвърдете" in str(messages[0]["Subject"])
    link = re.search(r"https?://\S+/signup/confirm/\S+/", messages[0].get_content()).group(0)
    page.goto(link)
    page.get_by_role("button", name="Потвърди и активирай профила ми").click()
    expect(page.get_by_role("status")).to_contain_text("Имейл адресът ви е потвърден")

    login(page, email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/accounts/$"))
    expect(page.get_by_text(email)).to_be_visible()

    # Signing up again with the same address (other case) is refused with a clear message.
    page.get_by_role("button", name="Изход").click()
    # Logging out first empties the offline copies (a script), then leaves: wait until it has.
    expect(page.get_by_role("link", name="Вход")).to_be_visible()
    page.goto("/accounts/signup/")
    page.get_by_label("Имейл адрес").fill(email.capitalize())
    page.get_by_role("button", name="Създай профила ми").click()
    # Listed in the summary at the top (focused) and again under the field.
    expect(page.locator("#error-summary")).to_contain_text("Вече има профил с този имейл адрес")
    expect(page.locator("#error-summary")).to_be_focused()
