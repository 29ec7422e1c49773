"""The caching contract of anonymous pages (cms.caching): validators, 304, gzip, invalidation,
and nothing personal ever kept. Contract tests: what is answered, never how fast."""

import contextlib
import gzip

import pytest
from django.core.cache import caches
from django.urls import reverse

from cms.caching import PAGE_CACHE
from cms.models import StandardPage
from curriculum.models import LessonPlanIndexPage, ResourceLibraryPage, Topic
from tests.curriculum.conftest import make_image, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.DROM_PAGE_CACHE = True
    caches[PAGE_CACHE].clear()
    yield
    with contextlib.suppress(OSError):  # (one test breaks the cache on purpose)
        caches[PAGE_CACHE].clear()


@pytest.fixture
def topics(db):
    return {t.slug: t for t in Topic.objects.all()}


@pytest.fixture
def library(db):
    return LessonPlanIndexPage.objects.get(locale__language_code="bg")


def publish(page, **changes):
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def public_urls(home_bg, course, library):
    plan = make_plan(library, title="Василица", slug="vasilitsa")
    return ["/", library.url, plan.url, course.get_parent().url, course.url]


def test_anonymous_pages_carry_validators_and_are_answered_from_the_cache(
    client, home_bg, course, library, django_assert_num_queries
):
    for url in public_urls(home_bg, course, library):
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["ETag"].startswith('W/"'), url
        assert first.has_header("Last-Modified"), url
        assert "public" in first["Cache-Control"] and "max-age=0" in first["Cache-Control"]
        assert "Cookie" in first["Vary"]
        assert not first.cookies
        with django_assert_num_queries(0):  # kept: no session, no routing, no rendering
            again = client.get(url)
        assert again.content == first.content
        assert again["ETag"] == first["ETag"]


def test_a_matching_conditional_get_is_answered_304_without_a_body(client, home_bg, library):
    plan = make_plan(library, title="Василица", slug="vasilitsa")
    first = client.get(plan.url)
    by_etag = client.get(plan.url, headers={"if-none-match": first["ETag"]})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]
    strong = first["ETag"].removeprefix("W/")
    assert client.get(plan.url, headers={"if-none-match": strong}).status_code == 304
    by_date = client.get(plan.url, headers={"if-modified-since": first["Last-Modified"]})
    assert by_date.status_code == 304
    other = client.get(plan.url, headers={"if-none-match": 'W/"something-else"'})
    assert other.status_code == 200
    assert other.content == first.content
    older = client.get(plan.url, headers={"if-modified-since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert older.status_code == 200


def test_html_is_gzipped_for_clients_that_accept_it(client, home_bg, library):
    plan = make_plan(library, title="Василица", slug="vasilitsa")
    plain = client.get(plan.url)
    assert not plain.has_header("Content-Encoding")
    for _ in range(2):  # rendered, then kept
        zipped = client.get(plan.url, headers={"accept-encoding": "gzip, deflate, br"})
        assert zipped["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in zipped["Vary"]
        assert gzip.decompress(zipped.content) == plain.content
        assert len(zipped.content) < len(plain.content) / 2
        assert zipped["ETag"] == plain["ETag"]


def test_a_published_change_is_shown_at_once(client, home_bg, library):
    plan = make_plan(library, title="Василица", slug="vasilitsa")
    before = client.get(plan.url)
    publish(plan, title="Василица – нов текст")
    after = client.get(plan.url)
    assert "Василица – нов текст" in after.content.decode()
    assert after["ETag"] != before["ETag"]
    assert client.get(plan.url, headers={"if-none-match": before["ETag"]}).status_code == 200
    # the listing shows the new title too
    assert "Василица – нов текст" in client.get(library.url).content.decode()


def test_a_draft_is_never_shown_and_an_unpublished_page_disappears(client, home_bg, library):
    plan = make_plan(library, title="Урок-ЗА-СКРИВАНЕ", slug="vasilitsa")
    client.get(plan.url)
    assert "Урок-ЗА-СКРИВАНЕ" in client.get(library.url).content.decode()
    plan.title = "ЧЕРНОВА-НЕ-Е-ОДОБРЕНА"
    plan.save_revision()  # a draft, in review
    for _ in range(2):
        assert "ЧЕРНОВА-НЕ-Е-ОДОБРЕНА" not in client.get(plan.url).content.decode()
        assert "ЧЕРНОВА-НЕ-Е-ОДОБРЕНА" not in client.get(library.url).content.decode()
    plan.unpublish()
    assert client.get(plan.url).status_code == 404
    assert "Урок-ЗА-СКРИВАНЕ" not in client.get(library.url).content.decode()


def test_a_changed_image_topic_or_menu_page_makes_pages_stale(client, home_bg, library, topics):
    image = make_image(title="Черга")
    topic = topics["music-song"]
    plan = make_plan(library, title="Василица", slug="vasilitsa", topics=[topic], cover_image=image)
    etag = client.get(plan.url)["ETag"]

    topic.name = "Песни и музика (ново име)"
    topic.save()
    page = client.get(plan.url)
    assert "Песни и музика (ново име)" in page.content.decode()
    assert page["ETag"] != etag

    resources = ResourceLibraryPage.objects.get(locale__language_code="bg")
    assert "Черга" in client.get(resources.url).content.decode()
    image.title = "Черга (ново заглавие)"
    image.save()
    assert "Черга (ново заглавие)" in client.get(resources.url).content.decode()

    menu_page = StandardPage(title="За нас (в менюто)", slug="za-nas", show_in_menus=True)
    home_bg.add_child(instance=menu_page)
    menu_page.save_revision().publish()
    assert "За нас (в менюто)" in client.get(plan.url).content.decode()


def test_a_published_translation_shows_in_the_language_links_at_once(
    client, home_bg, library, locale_en
):
    page = StandardPage(title="За нас", slug="za-nas")
    home_bg.add_child(instance=page)
    page.save_revision().publish()
    before = client.get(page.url).content.decode()
    translation = page.copy_for_translation(locale_en)
    translation.title = "About us"
    translation.save_revision().publish()
    after = client.get(page.url).content.decode()
    assert after != before
    assert translation.url in after


def test_a_logged_in_persons_page_is_never_kept_nor_given_to_anyone(
    client, teacher, home_bg, course
):
    client.force_login(teacher)
    for url in ("/", course.url):
        mine = client.get(url)
        assert "private" in mine["Cache-Control"]
        assert reverse("logout") in mine.content.decode()
    client.logout()
    for url in ("/", course.url):
        anonymous = client.get(url).content.decode()
        assert reverse("logout") not in anonymous
        assert teacher.email not in anonymous
    # and the other way round: an anonymous copy is never given to someone logged in
    client.force_login(teacher)
    assert reverse("logout") in client.get("/").content.decode()


def test_pages_with_a_form_token_or_a_message_are_never_kept(client, home_bg):
    login = client.get(reverse("login"))
    assert "csrfmiddlewaretoken" in login.content.decode()
    assert not login.has_header("ETag")
    # a visitor who already has a CSRF cookie is answered afresh, with their own token
    again = client.get(reverse("login"))
    assert not again.has_header("ETag")
    client.cookies["messages"] = "anything"
    assert not client.get("/").has_header("ETag")


def test_preview_and_admin_are_never_kept(client, author, home_bg):
    client.force_login(author)
    assert not client.get("/admin/").has_header("ETag")
    client.logout()
    assert not client.get("/admin/login/").has_header("ETag")


def test_logged_in_html_is_gzipped_and_downloads_are_not(client, teacher, home_bg, library):
    plan = make_plan(library, title="Василица", slug="vasilitsa")
    client.force_login(teacher)
    page = client.get("/", headers={"accept-encoding": "gzip"})
    assert page["Content-Encoding"] == "gzip"
    assert reverse("logout") in gzip.decompress(page.content).decode()
    assert "private" in page["Cache-Control"]
    pdf = client.get(f"{plan.url}pdf/", headers={"accept-encoding": "gzip"})
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert not pdf.has_header("Content-Encoding")
    assert pdf.getvalue().startswith(b"%PDF")


def test_a_cache_that_cannot_be_written_makes_pages_slower_never_failing(
    client, unwritable_page_cache, home_bg, course
):
    for url in ("/", course.url):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.has_header("ETag")  # nothing kept


def test_a_kept_page_or_pdf_keeps_its_policy_and_file_name(client, home_bg, course, library):
    """What the cache answers carries the same Content-Security-Policy, frame and download
    headers as the page rendered the first time."""
    urls = public_urls(home_bg, course, library)
    plan_url = urls[2]
    for url in [*urls, f"{plan_url}pdf/"]:
        first, again = client.get(url), client.get(url)
        assert again.status_code == 200, url
        for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Disposition"):
            assert again.get(header) == first.get(header), (url, header)
        assert "script-src 'self'" in again["Content-Security-Policy"], url
    pdf = client.get(f"{plan_url}pdf/")
    assert 'filename="vasilitsa.pdf"' in pdf["Content-Disposition"]


def test_a_cache_that_keeps_nothing_makes_pages_slower_never_failing(
    client, settings, home_bg, course
):
    """Redis out of reach behind IGNORE_EXCEPTIONS answers None to everything."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    for url in ("/", course.url, course.get_parent().url):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.has_header("ETag")  # nothing kept
