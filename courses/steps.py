"""What a course consists of, and which page identity learner records use.

Learner records point at the default-language ("canonical") pages: a teacher who reads a course
in English keeps one set of records with the Bulgarian course. So a course's steps are the
canonical course's steps, identified by the canonical page's primary key; a translation only
changes the page that is *shown* for a step (`displayed_steps`), never which steps there are.

Page models import this module, so it never imports them: it asks the course page for its step
pages (`CoursePage.step_pages`).
"""

from dataclasses import dataclass, replace

from wagtail.models import Locale, Page

LESSON = "lesson"
QUIZ = "quiz"
#: a seminar (in person or online): done when the teacher's attendance is recorded
SEMINAR = "seminar"


@dataclass(frozen=True)
class Step:
    #: primary key of the canonical page — what LessonCompletion.lesson and QuizAttempt.quiz hold
    id: int
    kind: str
    required: bool
    #: the page to show: the canonical page, or its translation in the language being read
    page: Page | None = None


def canonical(page: Page) -> Page:
    """The page in the default language: records are kept once, whatever language is read.

    A page that exists only in another language is its own canonical page.
    """
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    source = page.get_translation_or_none(default)
    return source.specific if source is not None else page


def course_steps(course) -> list[Step]:
    """The live lessons, quizzes and seminars of a canonical course, in page-tree order (three
    queries)."""
    return [
        Step(id=page.pk, kind=page.step_kind, required=page.required, page=page)
        for page in course.step_pages()
    ]


def displayed_steps(steps: list[Step], *, course) -> list[Step]:
    """The canonical `steps` with each page replaced by its live translation in `course`'s
    language, where there is one (no query when `course` is the canonical course).

    A step not yet translated is shown in the default language rather than hidden: it still
    counts towards completion, so the teacher must be able to reach it.
    """
    if not steps or steps[0].page.locale_id == course.locale_id:
        return list(steps)
    translated = {page.translation_key: page for page in course.step_pages()}
    return [
        replace(step, page=translated.get(step.page.translation_key, step.page)) for step in steps
    ]
