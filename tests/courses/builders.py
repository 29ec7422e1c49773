"""Build courses, lessons and quizzes for tests, with stable question and choice ids."""

import json

from courses.models import CourseLessonPage, QuizPage
from tests.factories import (
    CourseIndexPageFactory,
    CourseLessonPageFactory,
    CoursePageFactory,
    QuizPageFactory,
)


def single(qid, text, choices, correct, feedback="", points=1):
    return {
        "type": "single_choice",
        "id": qid,
        "value": {
            "text": text,
            "points": points,
            "feedback": feedback,
            "choices": [
                {"type": "item", "id": f"{qid}-{i}", "value": {"text": c, "correct": i == correct}}
                for i, c in enumerate(choices)
            ],
        },
    }


def multiple(qid, text, choices, correct: set, feedback="", points=1):
    return {
        "type": "multiple_choice",
        "id": qid,
        "value": {
            "text": text,
            "points": points,
            "feedback": feedback,
            "choices": [
                {"type": "item", "id": f"{qid}-{i}", "value": {"text": c, "correct": i in correct}}
                for i, c in enumerate(choices)
            ],
        },
    }


def true_false(qid, text, correct: bool, feedback="", points=1):
    return {
        "type": "true_false",
        "id": qid,
        "value": {"text": text, "points": points, "feedback": feedback, "correct": correct},
    }


def short(qid, text, accepted, feedback="", points=1):
    return {
        "type": "short_answer",
        "id": qid,
        "value": {
            "text": text,
            "points": points,
            "feedback": feedback,
            "accepted": [
                {"type": "item", "id": f"{qid}-a{i}", "value": a} for i, a in enumerate(accepted)
            ],
        },
    }


DEFAULT_QUESTIONS = [
    single(
        "q-single",
        "Кога е Международният ден на ромите?",
        ["8 април", "24 май", "1 юни"],
        0,
        feedback="Денят е обявен на Световния ромски конгрес през 1971 г.",
    ),
    true_false(
        "q-tf",
        "Романи е език от индоарийската група.",
        True,
        feedback="Романи произхожда от Северна Индия.",
    ),
]


def catalogue(home):
    """The course catalogue under ``home`` (made the first time it is asked for)."""
    return CourseIndexPageFactory(parent=home)


def make_course(
    home,
    *,
    lessons=2,
    quizzes=1,
    questions=None,
    slug="course",
    sequential=False,
    reflection_on_first=False,
    **quiz_rules,
):
    """A course in the home page's catalogue with ``lessons`` lessons, then ``quizzes`` quizzes."""
    course = CoursePageFactory(
        parent=catalogue(home),
        title=f"Курс {slug}",
        slug=slug,
        summary="Кратко описание на курса.",
        academic_hours=16,
        sequential=sequential,
        programme_name="Интеркултурно образование",
        uin="4000123",
        credits=1,
    )
    for n in range(lessons):
        CourseLessonPageFactory(
            parent=course,
            title=f"Урок {n + 1}",
            slug=f"lesson-{n + 1}",
            reflection_prompt="Какво ще промените в класната си стая?"
            if (reflection_on_first and n == 0)
            else "",
        )
    for n in range(quizzes):
        QuizPageFactory(
            parent=course,
            title=f"Тест {n + 1}",
            slug=f"quiz-{n + 1}",
            questions=json.dumps(questions if questions is not None else DEFAULT_QUESTIONS),
            **quiz_rules,
        )
    return course


def steps(course):
    lessons = list(CourseLessonPage.objects.child_of(course).order_by("path"))
    quizzes = list(QuizPage.objects.child_of(course).order_by("path"))
    return lessons, quizzes
