"""Every block explains itself to editors; the admin screens for plans and topics work."""

import pytest
from django.contrib.auth.models import Group
from wagtail import blocks

from curriculum import blocks as lesson_blocks
from curriculum.models import LessonPlanPage
from schools import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STREAMS = [lesson_blocks.LessonStepsBlock(), lesson_blocks.RelatedResourcesBlock()]
SINGLE = [
    lesson_blocks.PointBlock(),
    lesson_blocks.CheckQuestionBlock(),
    lesson_blocks.MisconceptionBlock(),
    lesson_blocks.VocabularyBlock(),
]


def all_blocks():
    for stream in STREAMS:
        yield from stream.child_blocks.values()
    yield from SINGLE


@pytest.mark.parametrize("block", list(all_blocks()), ids=lambda b: type(b).__name__)
def test_every_block_has_icon_template_description_and_a_preview(block):
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.template.startswith("curriculum/blocks/")
    assert str(block.meta.description)
    assert "preview_value" in dir(block.meta)
    if block.meta.preview_value is not None and not isinstance(block, blocks.ChooserBlock):
        html = block.render(block.get_preview_value())
        assert html.strip()


def test_block_labels_are_bulgarian_for_editors():
    from django.utils import translation

    with translation.override("bg"):
        assert str(lesson_blocks.SongBlock().label) == "Песен"
        assert str(lesson_blocks.WorksheetBlock().meta.description).startswith("Работен лист")


def test_author_can_open_the_new_lesson_plan_form(client, library):
    author = UserFactory(email="a@example.test")
    author.groups.add(Group.objects.get(name=roles.AUTHORS))
    client.force_login(author)
    url = f"/admin/pages/add/curriculum/lessonplanpage/{library.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Очакван резултат" in response.content.decode()


def test_topics_snippet_is_listed_in_the_admin(admin_client):
    response = admin_client.get("/admin/snippets/curriculum/topic/")
    assert response.status_code == 200
    assert "Празници и обичаи" in response.content.decode()


def test_lesson_plan_requires_a_grade_band_and_steps(library):
    from django.core.exceptions import ValidationError

    plan = LessonPlanPage(
        title="Без клас", slug="bez-klas", summary="x", learning_outcome="y", duration_minutes=40
    )
    with pytest.raises(ValidationError) as caught:
        plan.full_clean()
    assert "grade_bands" in caught.value.message_dict
