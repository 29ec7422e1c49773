"""The library on a phone, with the demo content: results first, filters folded into one
disclosure with a count, active filters as removable chips, the September kit one tap away, and
the home page's calendar of occasions."""

import re
from datetime import date

from django.urls import reverse

from curriculum import selectors
from curriculum.models import LessonPlanPage
from schools.models import User

LIBRARY = "/library/"


def test_filters_are_one_disclosure_with_a_count_and_chips_that_remove_them(client):
    response = client.get(LIBRARY, {"grade": "g5-7", "occasion": "roma-day", "q": "ромите"})
    html = response.content.decode()
    assert re.search(r"<details class=\"filters__more\">\s*<summary>Филтри \(2\)</summary>", html)
    chips = html.split('class="active-filters"', 1)[1].split("</ul>", 1)[0]
    # Each chip keeps the other filters and the search words and drops its own.
    assert 'href="?occasion=roma-day&amp;q=%D1%80%D0%BE%D0%BC%D0%B8%D1%82%D0%B5"' in chips
    assert 'href="?grade=g5-7&amp;q=%D1%80%D0%BE%D0%BC%D0%B8%D1%82%D0%B5"' in chips
    assert 'aria-label="Премахни филтъра' in chips
    # The results come before the filters' options in the page? No: before the results only
    # the search box and a one-line disclosure, so the first plan is on the first screen.
    head = html.split('id="results-heading"', 1)[0]
    assert head.count("<select") == 6
    assert "<details" in head and "open" not in head.split("<details", 1)[1].split(">", 1)[0]


def test_no_filter_means_no_chips_and_a_zero_count(client):
    html = client.get(LIBRARY).content.decode()
    assert "<summary>Филтри (0)</summary>" in html
    assert "active-filters" not in html


def test_the_september_kit_is_reachable_and_not_an_empty_plan_filter(client):
    html = client.get(LIBRARY).content.decode()
    assert "Комплект за септември (0)" not in html
    link = re.search(r'<a href="([^"]+\?topic=september-kit)">Комплект за септември', html)
    kit = client.get(link.group(1))
    assert kit.context["listing"].total == 3
    home = client.get("/").content.decode()
    assert "?topic=september-kit" in home


def test_my_lesson_plans_is_in_the_header_for_a_teacher(client):
    teacher = User.objects.get(email="teacher@drom.test")
    client.force_login(teacher)
    home = client.get("/").content.decode()
    header = home.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    assert f'href="{reverse("curriculum_my_plans")}">Моите планове</a>' in header
    response = client.get(reverse("curriculum_my_plans"))
    assert response["Location"] == "/library/my/"
    client.logout()
    assert "Моите планове" not in client.get("/").content.decode().split("</header>", 1)[0]


def test_calendar_lists_the_coming_occasions_with_their_plans():
    plans = LessonPlanPage.objects.filter(locale__language_code="bg")
    january = selectors.upcoming_occasions(plans=plans, today=date(2027, 1, 2))
    assert [o.code for o in january] == ["vasilitsa", "babinden"]
    assert [p.title for p in january[0].plans] == ["Василица – ромската Нова година"]
    assert january[0].day == date(2027, 1, 14)
    # After the last occasion of the year the calendar turns to the next year.
    december = selectors.upcoming_occasions(plans=plans, today=date(2026, 12, 26))
    assert december[0].code == "vasilitsa" and december[0].day == date(2027, 1, 14)
    spring = selectors.upcoming_occasions(plans=plans, today=date(2027, 4, 1))
    assert [o.code for o in spring] == ["roma-day", "herdelezi"]
    assert "Херделези – празникът на пролетта" in [p.title for p in spring[1].plans]


def test_home_page_shows_this_month(client, django_assert_max_num_queries):
    client.get("/")
    with django_assert_max_num_queries(20):
        html = client.get("/").content.decode()
    assert 'id="this-month-heading"' in html
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">', html)
