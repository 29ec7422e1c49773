"""Loading a course's steps and the canonical (default-language) page learner records point at."""

from wagtail.models import Locale, Page

from .models import CourseLessonPage, CoursePage, QuizPage
from .progress import LESSON, QUIZ, Step


def canonical(page: Page) -> Page:
    """The page in the default language: records are kept once, whatever language is read.

    A page that exists only in another language is its own canonical page.
    """
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    source = page.get_translation_or_none(default)
    return source.specific if source is not None else page


def course_steps(course: CoursePage, *, live_only: bool = True) -> list[Step]:
    """The lessons and quizzes of a course in page-tree order, in two queries."""
    lessons = CourseLessonPage.objects.child_of(course).defer("body")
    quizzes = QuizPage.objects.child_of(course).defer("questions")
    if live_only:
        lessons = lessons.live()
        quizzes = quizzes.live()
    pages = sorted([*lessons, *quizzes], key=lambda p: p.path)
    return [
        Step(
            id=p.pk,
            kind=LESSON if isinstance(p, CourseLessonPage) else QUIZ,
            required=p.required,
            page=p,
        )
        for p in pages
    ]
