"""Query budgets (the same for small and large content) and cache headers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.curriculum.conftest import make_audio, make_document, make_image, make_plan

pytestmark = pytest.mark.django_db


def count_queries(client, url, **params):
    client.get(url, params)  # warm up: renditions and the PDF are made on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


def rich_body(blocks):
    body = []
    for n in range(blocks):
        image = make_image(title=f"Снимка {n}")
        body += [
            ("activity", {"title": f"Стъпка {n}", "minutes": 5, "instructions": "<p>Да.</p>"}),
            (
                "song",
                {
                    "title": f"Песен {n}",
                    "lyrics_romani": "Bahtalo",
                    "lyrics_translation": "Честит",
                    "recording": make_audio(title=f"Запис {n}"),
                    "notes": "",
                },
            ),
            ("worksheet", {"document": make_document(title=f"Лист {n}"), "description": ""}),
            (
                "gallery",
                {"title": "", "images": [{"image": image, "alt_text": "x", "decorative": False}]},
            ),
        ]
    return body


def test_lesson_plan_page_queries_do_not_grow_with_blocks(client, library, topics):
    small = make_plan(library, title="Малък", body=rich_body(1), topics=[topics["dance"]])
    large = make_plan(library, title="Голям", body=rich_body(6), topics=list(topics.values())[:5])
    assert count_queries(client, small.url) == count_queries(client, large.url)


def test_library_queries_are_the_same_for_1_and_100_plans(client, library, topics):
    make_plan(library, title="Първи", topics=[topics["dance"]], cover_image=make_image())
    one = count_queries(client, library.url)
    with_filters = count_queries(client, library.url, grade="g1-4", topic="dance")
    cover = make_image(title="Корица")
    for n in range(99):
        make_plan(
            library,
            title=f"План {n}",
            topics=[topics["dance"], topics["history"]],
            cover_image=cover,
        )
    assert count_queries(client, library.url) == one
    assert count_queries(client, library.url, grade="g1-4", topic="dance") == with_filters


def test_resource_library_queries_are_the_same_for_few_and_many(client, resource_library):
    def add(n):
        # Numbered titles interleave the kinds, so both first pages show every kind.
        make_image(title=f"{n:02d} Снимка")
        make_document(title=f"{n:02d} Лист")
        make_audio(title=f"{n:02d} Запис")

    add(0)
    few = count_queries(client, resource_library.url)
    for n in range(1, 20):
        add(n)
    assert count_queries(client, resource_library.url) == few


def test_anonymous_library_pages_are_publicly_cacheable_and_vary_on_cookie(
    client, library, song_plan, resource_library
):
    for url in (library.url, song_plan.url, resource_library.url):
        response = client.get(url)
        assert "public" in response["Cache-Control"]
        # revalidated each time (cms.caching answers 304), so a change is seen at once
        assert "max-age=0" in response["Cache-Control"]
        assert "Cookie" in response["Vary"]
        assert not response.cookies  # nothing personal went into it


def test_logged_in_pages_are_never_cached(teacher_client, library, song_plan):
    for url in (library.url, song_plan.url):
        response = teacher_client.get(url)
        assert "public" not in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
