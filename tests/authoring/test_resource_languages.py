"""Resource titles, descriptions, alt texts and transcripts per language.

/en/library/resources/ shows the English texts, or the Bulgarian marked lang="bg" where no English
exists yet; the Bulgarian site never shows an English resource title.
"""

import re

import pytest
from django.utils import translation

from curriculum.models import ResourceLibraryPage
from tests.curriculum.conftest import make_audio, make_document, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def resources_bg(db):
    return ResourceLibraryPage.objects.get(locale__language_code="bg")


@pytest.fixture
def resources_en(db):
    return ResourceLibraryPage.objects.get(locale__language_code="en")


@pytest.fixture
def files(db):
    return {
        "document": make_document(
            title="Моята Василица (на английски)",
            title_en="My Vasilitsa",
            description="Работен лист на английски.",
            description_en="A worksheet in English.",
        ),
        "untranslated": make_document(title="Заявление за избираемите часове"),
        "image": make_image(
            title="Трапеза",
            title_en="The festive table",
            alt_text="Рисунка на трапеза",
            alt_text_en="Drawing of a festive table",
        ),
        "audio": make_audio(
            title="Честита Василица (запис)",
            title_en="Happy Vasilitsa (recording)",
            transcript="Bahtalo Vasilica\n\nЧестита Василица",
            transcript_en="Bahtalo Vasilica\n\nHappy Vasilitsa",
        ),
    }


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_english_library_shows_english_texts_or_bulgarian_marked_as_such(
    client, resources_en, files
):
    html = html_of(client, resources_en.url)
    assert "My Vasilitsa" in html and "A worksheet in English." in html
    assert "Happy Vasilitsa (recording)" in html
    assert "Моята Василица" not in html
    assert re.search(r'lang="bg"[^>]*>\s*Заявление за избираемите часове', html)


def test_the_bulgarian_library_never_shows_english_titles(client, resources_bg, files):
    html = html_of(client, resources_bg.url)
    assert "Моята Василица (на английски)" in html
    for english in ("My Vasilitsa", "The festive table", "Happy Vasilitsa"):
        assert english not in html
    assert 'lang="bg"' not in html.split("<main", 1)[1]


def test_a_resource_page_in_english(client, resources_en, files):
    audio = files["audio"]
    html = html_of(client, resources_en.resource_url(audio))
    assert "<h1>Happy Vasilitsa (recording)</h1>" in html
    assert "Happy Vasilitsa" in html.split('class="transcript"', 1)[1]
    untranslated = files["untranslated"]
    html = html_of(client, resources_en.resource_url(untranslated))
    assert '<h1 lang="bg">Заявление за избираемите часове</h1>' in html


def test_image_alt_text_follows_the_language(files):
    image = files["image"]
    with translation.override("bg"):
        assert image.default_alt_text == "Рисунка на трапеза"
    with translation.override("en"):
        assert image.default_alt_text == "Drawing of a festive table"
    image.alt_text_en = ""
    with translation.override("en"):
        assert image.default_alt_text == "The festive table"
    bare = make_image(title="Черга")
    with translation.override("en"):
        assert bare.default_alt_text == "Черга"


def test_authors_fill_in_the_english_texts_in_the_admin_forms(client, users):
    client.force_login(users["author"])
    for url, names in (
        ("/admin/images/add/", ["title_en", "alt_text", "alt_text_en", "description_en"]),
        ("/admin/documents/add/", ["title_en", "description_en"]),
        ("/admin/media/audio/add/", ["title_en", "description_en", "transcript_en"]),
    ):
        html = html_of(client, url)
        for name in names:
            assert f'name="{name}"' in html, (url, name)
