"""The library's records: topics, images, documents, recordings and saved plans.

Files are real (a PNG, a PDF, a WAV made by curriculum.generate), so the upload checks the models
run on clean() pass as they would for an author's upload.
"""

import factory
import wagtail_factories
from wagtail.models import Collection

from curriculum import generate
from curriculum.models import (
    DromDocument,
    DromImage,
    DromMedia,
    DromRendition,
    LessonPlanFeedback,
    SavedLessonPlan,
    Topic,
)

from .pages import LessonPlanPageFactory
from .schools import TeacherFactory


def root_collection() -> Collection:
    return Collection.get_first_root_node()


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Тема {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class DromImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = DromImage

    title = "Шарена черга"
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyFunction(lambda: generate.picture(name="cherga.png", size=(240, 160)))
    languages = factory.LazyFunction(lambda: ["bg"])
    grade_bands = factory.LazyFunction(lambda: ["g1-4"])


class DromRenditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DromRendition
        django_get_or_create = ("image", "filter_spec", "focal_point_key")

    image = factory.SubFactory(DromImageFactory)
    filter_spec = "original"
    focal_point_key = ""
    file = factory.LazyAttribute(lambda o: o.image.file)
    width = factory.LazyAttribute(lambda o: o.image.width)
    height = factory.LazyAttribute(lambda o: o.image.height)


class DromDocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = DromDocument

    title = "Работен лист"
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyFunction(
        lambda: generate.worksheet(name="worksheet.pdf", title="Работен лист", lines=["Дума."])
    )
    file_size = factory.LazyAttribute(lambda o: o.file.size)
    languages = factory.LazyFunction(lambda: ["bg"])
    grade_bands = factory.LazyFunction(lambda: ["g1-4"])


class DromMediaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DromMedia

    title = "Песен за Василица"
    type = "audio"
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyFunction(lambda: generate.melody(name="song.wav", tune="EGA-"))
    languages = factory.LazyFunction(lambda: ["rom"])
    grade_bands = factory.LazyFunction(lambda: ["g1-4"])


class SavedLessonPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedLessonPlan

    user = factory.SubFactory(TeacherFactory)
    page = factory.SubFactory(LessonPlanPageFactory)


class LessonPlanFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LessonPlanFeedback

    plan = factory.SubFactory(LessonPlanPageFactory)
    teacher = factory.SubFactory(TeacherFactory)
    rating = 4
    comment = "Децата пяха с удоволствие."
