"""Fixtures of the library: the library pages (made by migration), topics, files and plans."""

import itertools

import pytest
from django.core.cache import cache

from curriculum import generate
from curriculum.models import (
    DromDocument,
    DromImage,
    DromMedia,
    LessonPlanIndexPage,
    LessonPlanPage,
    ResourceLibraryPage,
    Topic,
)

_slugs = itertools.count(1)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    return settings.MEDIA_ROOT


@pytest.fixture
def library(db):
    return LessonPlanIndexPage.objects.get(locale__language_code="bg")


@pytest.fixture
def library_en(db):
    return LessonPlanIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def resource_library(db):
    return ResourceLibraryPage.objects.get(locale__language_code="bg")


@pytest.fixture
def topics(db):
    return {t.slug: t for t in Topic.objects.all()}


def make_image(title="Шарена черга", **fields):
    image = DromImage(
        title=title, file=generate.picture(name="cherga.png", size=(240, 160)), **fields
    )
    image.save()
    return image


def make_document(title="Работен лист", lines=("Напишете три думи на романи.",), **fields):
    file = generate.worksheet(name="worksheet.pdf", title=title, lines=list(lines))
    document = DromDocument(title=title, file=file, **fields)
    document.file_size = file.size
    document.save()
    return document


def make_audio(title="Песен за Василица", **fields):
    media = DromMedia(
        title=title, type="audio", file=generate.melody(name="song.wav", tune="EGA-"), **fields
    )
    media.save()
    return media


def make_plan(parent, *, title, topics=(), publish=True, **fields):
    defaults = {
        "slug": f"plan-{next(_slugs)}",
        "summary": "Кратко описание на урока.",
        "learning_outcome": "Учениците разказват за празника.",
        "grade_bands": ["g1-4"],
        "duration_minutes": 40,
        "languages": ["bg"],
        "body": [
            (
                "activity",
                {"title": "Разговор", "minutes": 10, "instructions": "<p>Говорим.</p>"},
            )
        ],
    }
    defaults.update(fields)
    plan = LessonPlanPage(title=title, live=publish, **defaults)
    parent.add_child(instance=plan)
    if topics:
        plan.topics.set(topics)
    revision = plan.save_revision()
    if publish:
        revision.publish()
    plan.refresh_from_db()
    return plan


@pytest.fixture
def song_plan(library, topics):
    audio = make_audio(transcript="Bahtalo Vasilica")
    worksheet = make_document()
    image = make_image()
    return make_plan(
        library,
        title="Василица – ромската Нова година",
        slug="vasilitsa",
        topics=[topics["holidays-customs"], topics["music-song"]],
        occasion="vasilitsa",
        grade_bands=["g1-4", "g5-7"],
        languages=["bg", "rom"],
        cover_image=image,
        vocabulary=[("word", {"term": "bah", "gloss": "щастие", "dialect": "ерлийски"})],
        starter_check=[("question", {"question": "Кога е Василица?", "answer": "14 януари"})],
        exit_check=[("question", {"question": "Какво е „бах“?", "answer": "Щастие"})],
        body=[
            ("activity", {"title": "Кръг", "minutes": 10, "instructions": "<p>Разговор.</p>"}),
            (
                "song",
                {
                    "title": "Василица",
                    "lyrics_romani": "Bahtalo Vasilica",
                    "lyrics_translation": "Честита Василица",
                    "recording": audio,
                    "notes": "",
                },
            ),
            ("worksheet", {"document": worksheet, "description": "Оцветете."}),
            (
                "gallery",
                {
                    "title": "Черги",
                    "images": [{"image": image, "alt_text": "черга", "decorative": False}],
                },
            ),
        ],
    )
