"""English through wagtail-localize, and a graceful fallback for plans not yet translated."""

import pytest
from wagtail_localize.models import StringSegment, TranslationSource

from curriculum.models import LessonPlanPage
from tests.curriculum.conftest import make_plan

pytestmark = pytest.mark.django_db


def test_wagtail_localize_translates_a_lesson_plan(library, library_en, locale_en, song_plan):
    source, _created = TranslationSource.get_or_create_from_instance(song_plan)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    # The song's translation and the plan's summary are offered to translators.
    assert "Честита Василица" in strings
    assert song_plan.summary in strings
    translation, _ = source.create_or_update_translation(locale_en, fallback=True)
    assert translation.locale == locale_en
    assert translation.get_parent().specific == library_en
    # Classification is synchronised, not translated.
    assert translation.grade_bands == song_plan.grade_bands


def test_english_library_lists_untranslated_plans_in_bulgarian(client, library, library_en):
    plan = make_plan(library, title="Само на български")
    response = client.get(library_en.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Not yet translated" in html
    assert f'href="{plan.url}"' in html and 'hreflang="bg"' in html


def test_translated_plan_is_not_listed_as_untranslated(client, library, library_en, locale_en):
    plan = make_plan(library, title="Преведен")
    english = plan.copy_for_translation(locale_en)
    english.title = "Translated"
    english.save_revision().publish()
    response = client.get(library_en.url)
    titles = [p.title for p in response.context["listing"].page.object_list]
    assert titles == ["Translated"]
    assert response.context["untranslated"] == []
    assert LessonPlanPage.objects.get(pk=english.pk).get_parent().specific == library_en
