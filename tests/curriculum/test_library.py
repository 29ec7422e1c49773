"""The library page: filters that combine, counts, pagination, and search in Bulgarian."""

import pytest

from curriculum.selectors import PER_PAGE
from tests.curriculum.conftest import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(library, topics):
    return {
        "vasilitsa": make_plan(
            library,
            title="Васи́лица – ромската Нова година",
            topics=[topics["holidays-customs"]],
            occasion="vasilitsa",
            grade_bands=["g1-4", "g5-7"],
            duration_minutes=40,
            languages=["bg", "rom"],
        ),
        "herdelezi": make_plan(
            library,
            title="Херделези и пролетта",
            summary="Празникът на Гергьовден в ромските общности.",
            topics=[topics["holidays-customs"], topics["music-song"]],
            occasion="herdelezi",
            grade_bands=["g5-7"],
            duration_minutes=80,
            languages=["bg"],
        ),
        "smiths": make_plan(
            library,
            title="Ковачите и калайджиите",
            topics=[topics["crafts-trades"]],
            grade_bands=["g8-10"],
            duration_minutes=120,
            languages=["bg"],
            summary="Разказ за ковачеството и песен за Василица.",
        ),
        "draft": make_plan(library, title="Василица – чернова", publish=False),
    }


def titles(response):
    return [plan.title for plan in response.context["listing"].page.object_list]


@pytest.mark.parametrize("query", ["Василица", "василица", "ВАСИЛИЦА", "Васи́лица"])
def test_search_ignores_case_and_stress_marks(client, library, plans, query):
    response = client.get(library.url, {"q": query})
    assert response.status_code == 200
    found = set(titles(response))
    # Title match and summary match; the draft is never found.
    assert found == {plans["vasilitsa"].title, plans["smiths"].title}


def test_search_results_are_highlighted(client, library, plans):
    response = client.get(library.url, {"q": "ВАСИЛИЦА"})
    html = response.content.decode()
    assert "<mark>Васи́лица</mark>" in html
    assert "<mark>Василица</mark>" in html  # in the summary of the smiths' plan


def test_search_finds_words_inside_the_lesson_steps(client, library, topics):
    make_plan(
        library,
        title="Песни",
        body=[("questions", {"title": "", "questions": ["Коя е любимата ви черга?"]})],
    )
    response = client.get(library.url, {"q": "черга"})
    assert titles(response) == ["Песни"]


def test_search_with_nothing_matching_says_so(client, library, plans):
    response = client.get(library.url, {"q": "несъществуващадума"})
    assert titles(response) == []
    assert "Няма" in response.content.decode() or response.context["listing"].total == 0


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"grade": "g5-7"}, {"vasilitsa", "herdelezi"}),
        ({"topic": "holidays-customs"}, {"vasilitsa", "herdelezi"}),
        ({"occasion": "herdelezi"}, {"herdelezi"}),
        ({"duration": "short"}, {"vasilitsa"}),
        ({"duration": "double"}, {"herdelezi"}),
        ({"duration": "long"}, {"smiths"}),
        ({"lang": "rom"}, {"vasilitsa"}),
        ({"type": "song"}, set()),
        ({"grade": "g5-7", "topic": "music-song"}, {"herdelezi"}),
        ({"grade": "g5-7", "q": "пролетта"}, {"herdelezi"}),
        ({"grade": "nonsense"}, {"vasilitsa", "herdelezi", "smiths"}),
    ],
)
def test_filters_combine(client, library, plans, params, expected):
    response = client.get(library.url, params)
    assert set(titles(response)) == {plans[key].title for key in expected}


def test_filter_counts_apply_the_other_filters(client, library, plans):
    response = client.get(library.url, {"topic": "holidays-customs"})
    facets = {facet.name: facet for facet in response.context["listing"].facets}
    grade_counts = {o.value: o.count for o in facets["grade"].options}
    assert grade_counts["g5-7"] == 2
    assert grade_counts["g8-10"] == 0
    # The topic facet ignores its own selection, so every topic shows what choosing it gives.
    topic_counts = {o.value: o.count for o in facets["topic"].options}
    assert topic_counts["crafts-trades"] == 1
    assert topic_counts["holidays-customs"] == 2
    assert "(2)" in response.content.decode()


def test_library_paginates_and_keeps_the_filters(client, library):
    for n in range(PER_PAGE + 2):
        make_plan(library, title=f"План {n:02d}", grade_bands=["preschool"])
    response = client.get(library.url, {"grade": "preschool", "page": 2})
    assert len(titles(response)) == 2
    html = response.content.decode()
    assert "grade=preschool" in html and "page=1" in html


def test_an_out_of_range_page_shows_the_last_page(client, library, plans):
    response = client.get(library.url, {"page": 999})
    assert response.status_code == 200
    assert len(titles(response)) == 3
