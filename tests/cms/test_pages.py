"""The site's own pages: home and about in both languages, the language switch, sitemap, robots,
error pages."""

import re

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_bg, locale_en):
    page = StandardPage(title="За Дром", slug="about", introduction="Път към училище.")
    home_bg.add_child(instance=page)
    page.save_revision().publish()
    translation = page.copy_for_translation(locale_en)
    translation.title = "About Drom"
    translation.save_revision().publish()
    return page


def html_lang(response) -> str:
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def test_home_pages_exist_in_both_languages_as_translations_of_each_other(home_bg, home_en):
    assert home_bg.translation_key == home_en.translation_key
    assert home_bg.get_url() == "/"
    assert home_en.get_url() == "/en/"


def test_home_page_is_bulgarian_at_root_and_english_under_en(client):
    bg = client.get("/")
    assert bg.status_code == 200
    assert html_lang(bg) == "bg"
    assert "Към основното съдържание" in bg.content.decode()  # the skip link, translated
    en = client.get("/en/")
    assert en.status_code == 200
    assert html_lang(en) == "en"
    assert "Skip to main content" in en.content.decode()


def test_every_live_page_has_the_lang_of_its_locale(client, about):
    pages = Page.objects.live().filter(depth__gt=1).select_related("locale")
    assert pages.count() >= 4
    for page in pages:
        response = client.get(page.get_url())
        assert response.status_code == 200, page.get_url()
        assert html_lang(response) == page.locale.language_code, page.get_url()


def test_language_switch_keeps_the_same_page_where_a_translation_exists(client, about):
    body = client.get("/about/").content.decode()
    assert 'href="/en/about/" hreflang="en"' in body
    body = client.get("/en/about/").content.decode()
    assert 'href="/about/" hreflang="bg"' in body


def test_language_switch_falls_back_to_the_home_page_without_a_translation(client, home_bg):
    page = StandardPage(title="Само на български", slug="samo")
    home_bg.add_child(instance=page)
    page.save_revision().publish()
    body = client.get("/samo/").content.decode()
    assert 'href="/en/" hreflang="en"' in body
    # …and it does not announce an English alternate that does not exist.
    assert 'rel="alternate" hreflang="en"' not in body


def test_language_switch_on_non_page_views_keeps_the_path(client):
    body = client.get("/accounts/login/").content.decode()
    assert 'href="/en/accounts/login/" hreflang="en"' in body


def test_sitemap_lists_every_public_page_in_both_languages(client, about):
    body = client.get("/sitemap.xml").content.decode()
    for path in ("/", "/about/", "/en/", "/en/about/"):
        assert f"{path}</loc>" in body
    private = StandardPage(title="Чернова", slug="chernova", live=False)
    HomePage.objects.get(locale__language_code="bg").add_child(instance=private)
    assert "/chernova/" not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_404_page_is_in_bulgarian(client):
    response = client.get("/nyama-takava-stranitsa/")
    assert response.status_code == 404
    assert "Страницата не е намерена" in response.content.decode()


def test_500_page_is_in_bulgarian_and_needs_no_database():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Нещо се обърка" in response.content.decode()


def test_logged_in_header_has_a_post_logout_form(teacher_client):
    body = teacher_client.get("/").content.decode()
    assert re.search(r'<form method="post" action="/accounts/logout/"', body)
    assert "csrfmiddlewaretoken" in body


class TestPageTree(WagtailPageTestCase):
    def test_standard_pages_only_under_home_or_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_home_page_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})


def test_home_page_shows_the_main_sections_as_cards(client, home_bg):
    section = StandardPage(
        title="Библиотека", slug="biblioteka", search_description="Уроци за всеки клас."
    )
    section.show_in_menus = True
    home_bg.add_child(instance=section)
    section.save_revision().publish()
    body = client.get("/").content.decode()
    assert re.search(r'<li class="section-card">\s*<h2><a href="/biblioteka/">Библиотека</a>', body)
    assert "Уроци за всеки клас." in body
