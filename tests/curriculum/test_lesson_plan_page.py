import pytest

from curriculum.models import LessonPlanPage

pytestmark = pytest.mark.django_db


def test_lesson_plan_page_shows_fields_player_and_download_sizes(client, song_plan):
    response = client.get(song_plan.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Василица – ромската Нова година" in html
    assert 'preload="none"' in html
    assert "<audio" in html
    assert "Bahtalo Vasilica" in html and "Честита Василица" in html
    # Every download shows its size: worksheet, recording, PDF and pack.
    assert html.count('class="filesize"') >= 4
    assert f"{song_plan.url}pdf/" in html and f"{song_plan.url}pack/" in html
    # Answers of the checks are shown to the teacher.
    assert "14 януари" in html


def test_includes_are_derived_from_the_lesson_steps(song_plan):
    assert set(song_plan.includes) == {"song", "worksheet", "gallery"}


def test_lesson_plan_can_only_live_in_the_library(home_bg):
    assert LessonPlanPage.parent_page_types == ["curriculum.LessonPlanIndexPage"]
    assert not LessonPlanPage.can_create_at(home_bg)
