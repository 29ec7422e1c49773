"""Translation that never shows untranslated text.

Authors start and edit the English copy of pages they may edit; the copy is a draft until it is
translated and has passed the same review; authors see which pages lack an English version or
have one out of date with the Bulgarian.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.models import HomePage
from courses.models import CoursePage
from curriculum.models import LessonPlanPage
from tests.authoring.conftest import make_course
from tests.authoring.test_review import act, course_form, edit
from tests.curriculum.conftest import make_plan

pytestmark = pytest.mark.django_db


def submit_url(page) -> str:
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def translate(client, page):
    english = Locale.objects.get(language_code="en")
    return client.post(submit_url(page), {"locales": [english.pk]})


def english_of(page):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code="en")


def test_an_author_starts_an_english_translation_that_stays_a_draft(client, users, library):
    plan = make_plan(library, title="Херделези")
    client.force_login(users["author"])
    assert client.get(submit_url(plan)).status_code == 200
    response = translate(client, plan)
    english = english_of(plan)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[english.pk])
    # A draft, even though the Bulgarian page is live: /en/ never shows the Bulgarian text.
    assert not english.live
    client.logout()
    assert client.get(f"/en/library/{english.slug}/").status_code == 404


@pytest.mark.parametrize("role", ["reviewer", "coordinator", "national"])
def test_roles_that_do_not_write_cannot_translate(client, users, library, role):
    plan = make_plan(library, title="План")
    client.force_login(users[role])
    assert client.get(submit_url(plan)).status_code in (302, 403)
    translate(client, plan)
    assert not LessonPlanPage.objects.filter(locale__language_code="en").exists()


def test_an_author_cannot_translate_pages_she_may_not_edit(client, users):
    about = HomePage.objects.get(locale__language_code="bg")
    client.force_login(users["author"])
    assert client.get(submit_url(about)).status_code in (302, 403)
    before = Page.objects.count()
    translate(client, about)
    assert Page.objects.count() == before


def test_the_english_copy_goes_live_only_once_translated_and_approved(client, users, catalogue):
    course = make_course(catalogue, slug="kurs", publish=True)
    client.force_login(users["author"])
    translate(client, course)
    english = english_of(course)
    assert english.title == course.title  # the Bulgarian text, until the author translates it

    # Submitting it for review while still Bulgarian is refused, field by field.
    response = edit(client, english, **course_form(english), **{"action-submit": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Това все още е българският текст" in html
    english.refresh_from_db()
    assert english.current_workflow_state is None
    # Saving a half-translated draft is fine.
    response = edit(client, english, **course_form(english, title="Course in English"))
    assert response.status_code == 302

    english = CoursePage.objects.get(pk=english.pk)
    form = course_form(english, title="Course in English", summary="A short course summary.")
    response = edit(client, english, **form, **{"action-submit": "1"})
    assert response.status_code == 302
    assert not CoursePage.objects.get(pk=english.pk).live

    client.logout()
    client.force_login(users["methodologist"])
    act(client, english, "approve")
    english = CoursePage.objects.get(pk=english.pk)
    assert english.live
    assert english.title == "Course in English"


def report(client, **params):
    return client.get(reverse("drom_translations"), params)


def test_the_report_shows_what_lacks_english_or_is_out_of_date(client, users, library, locale_en):
    missing = make_plan(library, title="Без превод")
    current = make_plan(library, title="Преведен")
    outdated = make_plan(library, title="Остарял превод")
    draft = make_plan(library, title="Превод в чернова")
    for page, title in ((current, "Translated"), (outdated, "Out of date")):
        english = page.copy_for_translation(locale_en)
        english.title = title
        english.save_revision().publish()
    draft.copy_for_translation(locale_en).save_revision()
    # The Bulgarian page changes after its English copy was published.
    LessonPlanPage.objects.filter(pk=outdated.pk).update(
        last_published_at=timezone.now() + timedelta(hours=1)
    )

    client.force_login(users["author"])
    response = report(client)
    assert response.status_code == 200
    statuses = {p.title: p.translation_status for p in response.context["object_list"]}
    assert statuses["Без превод"] == "missing"
    assert statuses["Преведен"] == "current"
    assert statuses["Остарял превод"] == "outdated"
    assert statuses["Превод в чернова"] == "draft"
    html = response.content.decode()
    assert submit_url(missing) in html
    assert reverse("wagtailadmin_pages:edit", args=[english_of(outdated).pk]) in html

    only_outdated = report(client, translation_status="outdated").context["object_list"]
    assert [p.title for p in only_outdated] == ["Остарял превод"]


def test_the_report_lists_only_pages_the_user_may_edit(client, users, library, catalogue):
    make_plan(library, title="План в библиотеката")
    make_course(catalogue, slug="kurs")
    client.force_login(users["reviewer"])
    titles = {p.title for p in report(client).context["object_list"]}
    assert "План в библиотеката" in titles
    assert "Курс kurs" not in titles  # reviewers do not edit courses


@pytest.mark.parametrize("role", ["coordinator", "national"])
def test_coordinators_have_no_translation_report(client, users, role):
    client.force_login(users[role])
    assert report(client).status_code in (302, 403)


def test_the_report_costs_the_same_queries_for_2_or_20_pages(client, users, library, locale_en):
    client.force_login(users["author"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert report(client).status_code == 200
        return len(captured)

    for n in range(2):
        make_plan(library, title=f"План {n}")
    few = queries()
    for n in range(2, 20):
        plan = make_plan(library, title=f"План {n}")
        if n % 2:
            plan.copy_for_translation(locale_en).save_revision()
    assert queries() == few
