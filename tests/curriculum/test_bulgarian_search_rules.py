"""The rules under the library's search: the Bulgarian light stemmer, Latin ↔ Cyrillic spellings,
typo tolerance, ranking and highlighting — pure functions, no database."""

import io

import pytest
from django.core.management import call_command

from curriculum.bulstem import key, near, stem, to_cyrillic
from curriculum.models import LessonPlanIndexPage, LessonPlanPage
from curriculum.plansearch import build_index, highlight, search
from tests.curriculum.conftest import make_plan


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["кючек", "кючека", "кючекът"], "кючек"),
        (["песен", "песни", "песента", "песните"], "песн"),
        (["цигулка", "цигулки", "цигулката", "цигулките"], "цигулк"),
        (["празник", "празника", "празникът", "празници"], "празник"),
        (["поговорка", "поговорки", "поговорките"], "поговорк"),
        (["пролет", "пролетта"], "пролет"),
    ],
)
def test_word_forms_share_one_stem(forms, expected):
    assert {stem(form) for form in forms} == {expected}


def test_short_words_are_not_stemmed():
    assert stem("пес") == "пес"
    assert stem("ром") == "ром"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("vasilitsa", "василица"),  # official Bulgarian transliteration
        ("vasilica", "василица"),  # Romani spelling
        ("herdelezi", "херделези"),
        ("kyuchek", "кючек"),
        ("shtastie", "щастие"),
        ("zhivot", "живот"),
        ("čhavo", "чхаво"),
        ("džamba", "джамба"),
        ("kalajdzhi", "калайджи"),
        ("jag", "яг"),
    ],
)
def test_latin_spellings_are_read_as_cyrillic(latin, cyrillic):
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("kiuchek", "кючек"),  # ю written as "iu"
        ("balgarski", "български"),  # ъ written as "a"
        ("vasilica", "Василица".lower()),
        ("herdelezi", "херделези"),
    ],
)
def test_latin_and_cyrillic_meet_in_one_key(typed, word):
    assert key(typed) == key(word)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("василиц", "васлиц", True),  # a letter missing
        ("херделез", "херделеез", True),  # a letter extra
        ("поговорк", "поговрок", True),  # two letters swapped
        ("кошничар", "кошнечар", True),  # a letter wrong
        ("кошничар", "кашнечар", False),  # two letters wrong
    ],
)
def test_one_letter_typos_are_near(a, b, expected):
    assert near(a, b) is expected


def _rows():
    return [
        (1, "Песни за Василица", build_index(title="Песни за Василица", body=["Кючек."])),
        (2, "Ритъмът на кючека", build_index(title="Ритъмът на кючека", summary=["Танц."])),
        (3, "Занаяти", build_index(title="Занаяти", keywords=["кючек"])),
    ]


def test_title_ranks_first_then_keywords_then_text():
    assert search(_rows(), "кючек").ids == [2, 3, 1]


def test_every_word_of_the_query_must_match():
    assert search(_rows(), "кючек песни").ids == [1]


def test_nothing_found_suggests_a_word_of_the_library():
    result = search(_rows(), "рутан")
    assert result.ids == []
    assert result.suggestion == "ритъмът"


def test_a_plan_saved_before_search_terms_still_matches_by_title():
    assert search([(7, "Херделези", {})], "herdelezi").ids == [7]


def test_highlight_marks_word_forms_and_keeps_stress_marks_and_escapes():
    html = highlight("<b>Кючекът</b> и Васи́лица", "кючек vasilica")
    assert html == "&lt;b&gt;<mark>Кючекът</mark>&lt;/b&gt; и <mark>Васи́лица</mark>"


@pytest.mark.django_db
def test_index_command_rebuilds_terms_of_plans_saved_without_them():
    library = LessonPlanIndexPage.objects.get(locale__language_code="bg")
    plan = make_plan(library, title="Ритъмът на кючека")
    assert "киучек" in plan.search_terms["t"].split()  # made when saved (ю folded to "иу")
    LessonPlanPage.objects.filter(pk=plan.pk).update(search_terms={})
    out = io.StringIO()
    call_command("index_lesson_plans", stdout=out)
    plan.refresh_from_db()
    assert "киучек" in plan.search_terms["t"].split()
    assert "lesson plans indexed" in out.getvalue()
