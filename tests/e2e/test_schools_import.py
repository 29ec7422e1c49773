"""A regional coordinator previews an import: per-row errors first, then a clean file applied."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

FILES = Path(__file__).resolve().parents[1] / "schools" / "files"


def test_coordinator_import_preview_and_apply(page):
    login(page, "coordinator@drom.test")  # Southeastern and South Central regions
    page.goto("/admin/schools-import/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Импорт на училища и учители")

    page.get_by_role("radio", name="Училища").check()
    page.get_by_label("Файл (CSV или XLSX)").set_input_files(FILES / "schools_errors.csv")
    page.get_by_role("button", name="Преглед на импорта").click()
    expect(page.get_by_text("Непозната област „Сливенска“")).to_be_visible()
    expect(page.get_by_text("Кодът 1690101 се среща два пъти във файла.")).to_be_visible()
    expect(page.get_by_text("Област Видин е извън вашите райони.")).to_be_visible()
    expect(page.get_by_role("button", name="Импортирай сега")).to_have_count(0)

    page.get_by_role("radio", name="Училища").check()
    page.get_by_label("Файл (CSV или XLSX)").set_input_files(
        FILES / "schools_utf8_bom_semicolon.csv"
    )
    page.get_by_role("button", name="Преглед на импорта").click()
    expect(page.get_by_text("ДГ „Слънце“")).to_be_visible()
    page.get_by_role("button", name="Импортирай сега").click()

    expect(page).to_have_url(re.compile(r"/admin/schools/$"))
    expect(
        page.get_by_text(re.compile(r"Импортирано от schools_utf8_bom_semicolon\.csv"))
    ).to_be_visible()
    page.goto("/admin/schools/?q=Слънце")
    expect(page.get_by_role("link", name="ДГ „Слънце“")).to_be_visible()
