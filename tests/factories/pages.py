"""Page factories (wagtail-factories) for every page type, each under the parent it may have.

The home pages and the libraries are made by migrations: their factories find the Bulgarian ones
by slug instead of making a second library the admin would never allow.
"""

import json

import factory
import wagtail_factories
from wagtail.models import Page

from cms.models import HomePage, StandardPage
from courses.models import (
    CourseEvaluationPage,
    CourseIndexPage,
    CourseLessonPage,
    CoursePage,
    QuizPage,
    SeminarPage,
)
from curriculum.models import LessonPlanIndexPage, LessonPlanPage, ResourceLibraryPage


def home_bg() -> HomePage:
    return HomePage.objects.get(locale__language_code="bg")


def single_choice(qid: str, text: str, choices: list[str], correct: int) -> dict:
    """A single-choice question as the quiz's StreamField stores it, with stable ids."""
    return {
        "type": "single_choice",
        "id": qid,
        "value": {
            "text": text,
            "points": 1,
            "feedback": "",
            "choices": [
                {"type": "item", "id": f"{qid}-{i}", "value": {"text": c, "correct": i == correct}}
                for i, c in enumerate(choices)
            ],
        },
    }


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage
        django_get_or_create = ("parent", "slug")

    title = "Дром"
    slug = "home"
    parent = factory.LazyFunction(Page.get_first_root_node)


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Страница {n}")
    introduction = "Кратко въведение."
    parent = factory.LazyFunction(home_bg)


class LessonPlanIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPlanIndexPage
        django_get_or_create = ("parent", "slug")

    title = "Библиотека"
    slug = "library"
    parent = factory.LazyFunction(home_bg)


class ResourceLibraryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourceLibraryPage
        django_get_or_create = ("parent", "slug")

    title = "Ресурси"
    slug = "resources"
    parent = factory.SubFactory(LessonPlanIndexPageFactory)


class LessonPlanPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPlanPage

    title = factory.Sequence(lambda n: f"Урок по фолклор {n}")
    parent = factory.SubFactory(LessonPlanIndexPageFactory)
    summary = "Кратко описание на урока."
    learning_outcome = "Учениците разказват за празника."
    grade_bands = factory.LazyFunction(lambda: ["g1-4"])
    duration_minutes = 40
    languages = factory.LazyFunction(lambda: ["bg"])
    body = factory.LazyFunction(
        lambda: [
            (
                "activity",
                {"title": "Разговор", "minutes": 10, "instructions": "<p>Говорим.</p>"},
            )
        ]
    )


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage
        django_get_or_create = ("parent", "slug")

    title = "Обучения"
    slug = "courses"
    parent = factory.LazyFunction(home_bg)


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Курс {n}")
    parent = factory.SubFactory(CourseIndexPageFactory)
    summary = "Кратко описание на курса."
    academic_hours = 16


class CourseLessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseLessonPage

    title = factory.Sequence(lambda n: f"Урок {n}")
    parent = factory.SubFactory(CoursePageFactory)


class QuizPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = QuizPage

    title = factory.Sequence(lambda n: f"Тест {n}")
    parent = factory.SubFactory(CoursePageFactory)
    questions = factory.LazyFunction(
        lambda: json.dumps(
            [single_choice("q1", "Кога е Международният ден на ромите?", ["8 април", "1 юни"], 0)]
        )
    )


class SeminarPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SeminarPage

    title = factory.Sequence(lambda n: f"Семинар {n}")
    parent = factory.SubFactory(CoursePageFactory)
    mode = SeminarPage.Mode.IN_PERSON


def evaluation_questions() -> str:
    """Two ratings and a free-text question, with stable ids."""
    return json.dumps(
        [
            {"type": "rating", "id": "r-useful", "value": {"text": "Полезно ли беше?"}},
            {"type": "rating", "id": "r-trainer", "value": {"text": "Как водеше обучителят?"}},
            {
                "type": "text",
                "id": "t-change",
                "value": {"text": "Какво бихте променили?", "required": False},
            },
        ]
    )


class CourseEvaluationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseEvaluationPage

    title = "Оценка на обучението"
    slug = factory.Sequence(lambda n: f"otsenka-{n}")
    parent = factory.SubFactory(CoursePageFactory)
    questions = factory.LazyFunction(evaluation_questions)
