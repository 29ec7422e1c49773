"""What teachers type into the library's search box, and the demo plan each query must find.

CI runs this module on SQLite and again on PostgreSQL (the whole suite runs on both), so the table
holds the same on both databases: the ranking is done in Python over terms stored with each plan
(curriculum/plansearch.py), not by the database's full-text engine.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

LIBRARY = "/library/"
KUCHEK = "Ритъмът на кючека"
SONG = "Броим на романи с песен"
VIOLIN = "Приказка за цигулката, която пееше"
HERDELEZI = "Херделези – празникът на пролетта"
VASILITSA = "Василица – ромската Нова година"
CRAFTS = "Ковачи, калайджии и кошничари"
FAMILY = "Моето семейство – думи на романи"
PROVERBS = "Мъдростта на поговорките"
HOLOCAUST = "Помним: Холокостът над ромите"
LANGUAGE = "Пътят на езика романи"
FAMOUS = "Известни роми, които промениха света"
ROMA_DAY = "8 април – Международен ден на ромите"

QUERIES = [
    # Word forms: articles, plurals, feminine endings.
    ("кючек", KUCHEK),
    ("кючекът", KUCHEK),
    ("ритъм", KUCHEK),
    ("песни", SONG),
    ("песента", SONG),
    ("цигулка", VIOLIN),
    ("цигулки", VIOLIN),
    ("приказки", VIOLIN),
    ("Херделез", HERDELEZI),
    ("празници", HERDELEZI),
    ("пролет", HERDELEZI),
    ("ковач", CRAFTS),
    ("кошничар", CRAFTS),
    ("семейството", FAMILY),
    ("поговорка", PROVERBS),
    ("холокоста", HOLOCAUST),
    ("ромската нова година", VASILITSA),
    ("езикът романи", LANGUAGE),
    ("известен ром", FAMOUS),
    ("международния ден", ROMA_DAY),
    # Partial words, as typed on a phone before the word is finished.
    ("пес", SONG),
    ("цигулк", VIOLIN),
    ("Херделе", HERDELEZI),
    ("кюч", KUCHEK),
    ("Васил", VASILITSA),
    ("поговор", PROVERBS),
    ("холок", HOLOCAUST),
    ("калайдж", CRAFTS),
    # Latin letters: the official transliteration and Romani spellings.
    ("vasilica", VASILITSA),
    ("Vasilitsa", VASILITSA),
    ("herdelezi", HERDELEZI),
    ("kyuchek", KUCHEK),
    ("kiuchek", KUCHEK),
    ("tsigulka", VIOLIN),
    ("pogovorki", PROVERBS),
    ("holokost", HOLOCAUST),
    ("semeystvo", FAMILY),
    ("kalajdzhi", CRAFTS),
    ("ezik romani", LANGUAGE),
    # One letter wrong, missing, extra or swapped.
    ("кючк", KUCHEK),
    ("Васлица", VASILITSA),
    ("херделзи", HERDELEZI),
    ("цигулкта", VIOLIN),
    ("поговроки", PROVERBS),
    ("кошничри", CRAFTS),
    ("Холокостт", HOLOCAUST),
    # Stress marks and capitals.
    ("Васи́лица", VASILITSA),
    ("ХЕРДЕЛЕЗИ", HERDELEZI),
]


def found(client, query):
    response = client.get(LIBRARY, {"q": query})
    assert response.status_code == 200
    return response, [plan.title for plan in response.context["listing"].page.object_list]


@pytest.mark.parametrize(("query", "title"), QUERIES, ids=[q for q, _t in QUERIES])
def test_teachers_query_finds_the_plan(client, query, title):
    _response, titles = found(client, query)
    assert title in titles[:3], titles


def test_the_table_is_long_enough():
    assert len(QUERIES) >= 40


def test_a_title_match_ranks_above_a_mention_in_the_text(client):
    _response, titles = found(client, "песни")
    assert titles[0] == SONG
    assert len(titles) > 1  # other plans have songs in their text


def test_word_forms_are_highlighted(client):
    response, _titles = found(client, "кючек")
    assert "<mark>кючека</mark>" in response.content.decode()


def test_nothing_found_suggests_the_nearest_word(client):
    response, titles = found(client, "хардилези")
    assert titles == []
    assert response.context["listing"].suggestion == "херделези"
    html = response.content.decode()
    assert "Did you mean" in html or "Може би търсите" in html
    assert "?q=%D1%85%D0%B5%D1%80%D0%B4%D0%B5%D0%BB%D0%B5%D0%B7%D0%B8" in html


def test_english_library_finds_word_forms(client):
    response = client.get("/en/library/", {"q": "violins"})
    titles = [plan.title for plan in response.context["listing"].page.object_list]
    assert "The tale of the singing violin" in titles


def test_a_search_costs_the_same_queries_whatever_it_finds(client):
    counts = []
    # (A search that finds nothing costs less: Django skips the queries of an empty set.)
    for query in ["кючек", "vasilica", "песни", "Херделез", "ром"]:
        client.get(LIBRARY, {"q": query, "page": "1"})  # makes the cards' image renditions
        with CaptureQueriesContext(connection) as queries:
            client.get(LIBRARY, {"q": query})
        counts.append(len(queries))
    assert len(set(counts)) == 1, counts
