"""Budgets that are deterministic: queries per page and bytes per page."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import StandardPage

pytestmark = pytest.mark.django_db

PAGE_WEIGHT_BUDGET = 30 * 1024  # HTML + stylesheet, uncompressed, for a slow village connection


def add_pages(home, count: int, *, in_menu: bool) -> None:
    start = home.get_children_count()
    for index in range(start, start + count):
        page = StandardPage(title=f"Страница {index}", slug=f"p-{index}")
        page.show_in_menus = in_menu
        home.add_child(instance=page)


def queries_for(client, path: str) -> int:
    client.get(path)  # warm Wagtail's per-site caches, as on a running server
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_home_page_queries_do_not_grow_with_the_number_of_pages(client, home_bg, home_en, path):
    add_pages(home_bg, 1, in_menu=True)
    add_pages(home_en, 1, in_menu=False)
    few = queries_for(client, path)
    add_pages(home_bg, 20, in_menu=True)
    add_pages(home_bg, 20, in_menu=False)
    add_pages(home_en, 20, in_menu=True)
    assert queries_for(client, path) == few
    # 10, and up to 3 for the calendar of occasions (its plans, the library's pages)
    assert few <= 13


def test_login_page_makes_few_queries(client, home_bg):
    assert queries_for(client, "/accounts/login/") <= 4


def test_home_page_with_its_stylesheet_fits_the_weight_budget(client, home_bg):
    add_pages(home_bg, 8, in_menu=True)
    html = len(client.get("/").content)
    css = (Path(settings.BASE_DIR) / "static" / "css" / "drom.css").stat().st_size
    assert html + css <= PAGE_WEIGHT_BUDGET
    assert "<script" not in client.get("/").content.decode()  # no JavaScript for anonymous readers
