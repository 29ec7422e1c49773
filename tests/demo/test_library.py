"""The demo library: plans in both languages across every grade band, and the September kit."""

import re

from wagtail.models import Locale

from curriculum import demo
from curriculum.models import DromDocument, DromImage, DromMedia, GradeBand, LessonPlanPage

CYRILLIC = re.compile(r"[А-Яа-я]")


def test_demo_library_is_complete_bilingual_and_idempotent(client):
    bg = LessonPlanPage.objects.live().filter(locale__language_code="bg")
    en = Locale.objects.get(language_code="en")
    assert bg.count() >= 12
    assert all(plan.has_translation(en) for plan in bg)
    bands = {band for plan in bg for band in plan.grade_bands}
    assert bands == set(GradeBand.values)
    assert len({t for plan in bg for t in plan.topics.values_list("slug", flat=True)}) >= 8
    assert DromMedia.objects.filter(type="audio").exists()
    kit = DromDocument.objects.filter(tags__name="комплект за септември")
    assert kit.count() == 3

    again = []
    demo.load(again.append)
    assert again == []

    response = client.get("/en/library/vasilitsa/")
    assert response.status_code == 200
    assert "Vasilitsa – the Roma New Year" in response.content.decode()


def test_the_demo_resources_have_bulgarian_titles_and_english_ones():
    for model in (DromImage, DromDocument, DromMedia):
        for resource in model.objects.all():
            assert CYRILLIC.search(resource.title), resource.title
    for model in (DromImage, DromMedia):
        assert all(r.title_en for r in model.objects.all())
    assert DromDocument.objects.filter(title_en="My Vasilitsa", languages__contains="|en|").exists()
