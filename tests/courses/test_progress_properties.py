"""Course progress, checked over generated courses (hypothesis), not only hand-picked ones.

The rule (`summarise`) is checked over thousands of step lists; the reader
(`enrollment_progress`) and the pages over a few dozen real courses in the database, each also
read in English, where the same teacher must see exactly the same progress.
"""

import json

from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from wagtail.models import Locale

from cms.models import HomePage
from courses import selectors
from courses.models import (
    CourseLessonPage,
    CoursePage,
    Enrollment,
    LessonCompletion,
    QuizAttempt,
    QuizPage,
)
from courses.progress import enrollment_progress, summarise
from courses.steps import LESSON, QUIZ, Step
from tests.courses.builders import DEFAULT_QUESTIONS, catalogue
from tests.factories import make_teacher

# No example database on disk: a clean clone stays clean, every run draws afresh.
FAST = settings(max_examples=200, database=None)
# Each example builds a course and its translation: a few dozen cover the shapes that matter.
SLOW = settings(
    max_examples=12,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

step_lists = st.lists(
    st.tuples(st.sampled_from([LESSON, QUIZ]), st.booleans()), min_size=0, max_size=12
).map(lambda specs: [Step(id=n + 1, kind=k, required=r) for n, (k, r) in enumerate(specs)])


@st.composite
def courses_with_records(draw):
    steps = draw(step_lists)
    done = draw(st.sets(st.sampled_from([s.id for s in steps]))) if steps else set()
    sequential = draw(st.booleans())
    return steps, done, sequential


def _counted(steps):
    """The steps that count: the required ones, or every one if none is marked required."""
    return [s for s in steps if s.required] or list(steps)


def _summary(steps, done, sequential):
    return summarise(
        steps,
        completed_lessons={s.id for s in steps if s.kind == LESSON and s.id in done},
        passed_quizzes={s.id for s in steps if s.kind == QUIZ and s.id in done},
        sequential=sequential,
    )


@FAST
@given(courses_with_records())
def test_percent_is_between_0_and_100_and_counts_the_steps_that_count(case):
    steps, done, sequential = case
    progress = _summary(steps, done, sequential)
    assert 0 <= progress.percent <= 100
    counted = _counted(steps)
    assert progress.required_total == len(counted)
    assert progress.required_done == sum(1 for s in counted if s.id in done)
    if counted:
        assert progress.percent == (
            100
            if progress.required_done == len(counted)
            else 100 * progress.required_done // len(counted)
        )


@FAST
@given(courses_with_records())
def test_complete_exactly_when_every_step_that_counts_is_done(case):
    steps, done, sequential = case
    progress = _summary(steps, done, sequential)
    counted = _counted(steps)
    assert progress.complete == (bool(counted) and all(s.id in done for s in counted))
    assert progress.complete == (progress.percent == 100)


@FAST
@given(courses_with_records())
def test_locked_steps_only_after_the_first_unfinished_step_that_counts(case):
    steps, done, sequential = case
    progress = _summary(steps, done, sequential)
    if not sequential:
        assert progress.locked == set()
        return
    counted = {s.id for s in _counted(steps)}
    first_open = next(
        (i for i, s in enumerate(steps) if s.id in counted and s.id not in done), None
    )
    expected = set() if first_open is None else {s.id for s in steps[first_open + 1 :]}
    assert progress.locked == expected


@FAST
@given(courses_with_records())
def test_the_next_step_is_the_first_open_one(case):
    steps, done, sequential = case
    progress = _summary(steps, done, sequential)
    open_steps = [s for s in steps if s.id not in done and s.id not in progress.locked]
    assert progress.next_step == (open_steps[0] if open_steps else None)


# --- Real courses in the database, read in Bulgarian and in English ----------------------


def _translate(page, locale, title):
    translation = page.copy_for_translation(locale)
    translation.title = title
    translation.save_revision().publish()
    return translation


class BulgarianAndEnglishPagesAgree(TestCase):
    """Each generated example runs in its own transaction (hypothesis' Django TestCase)."""

    def _course(self, specs, sequential):
        home = HomePage.objects.get(locale__language_code="bg")
        index = catalogue(home)
        number = index.get_children().count() + 1
        course = index.add_child(
            instance=CoursePage(
                title=f"Курс {number}",
                slug=f"prop-{number}",
                summary="Курс за проверка на напредъка.",
                academic_hours=16,
                sequential=sequential,
            )
        )
        pages = []
        for n, (kind, required) in enumerate(specs):
            if kind == LESSON:
                page = CourseLessonPage(title=f"Урок {n}", slug=f"step-{n}", required=required)
            else:
                page = QuizPage(
                    title=f"Тест {n}",
                    slug=f"step-{n}",
                    required=required,
                    questions=json.dumps(DEFAULT_QUESTIONS),
                    pass_mark=50,
                )
            pages.append(course.add_child(instance=page))
        return course, pages

    @SLOW
    @given(
        st.lists(st.tuples(st.sampled_from([LESSON, QUIZ]), st.booleans()), max_size=4),
        st.data(),
        st.booleans(),
    )
    def test_progress_and_outline_are_the_same_in_both_languages(self, specs, data, sequential):
        course, pages = self._course(specs, sequential)
        english = Locale.objects.get(language_code="en")
        if not course.get_parent().has_translation(english):
            _translate(course.get_parent().specific, english, "Courses")
        course_en = _translate(course, english, "Course")
        # Some steps are translated, some are read in Bulgarian on the English course.
        translated = data.draw(
            st.sets(st.sampled_from(range(len(pages)))) if pages else st.just(set())
        )
        for n in translated:
            _translate(pages[n], english, f"Step {n}")

        teacher = make_teacher(email=f"prop{course.pk}@example.test")
        enrollment = Enrollment.objects.create(teacher=teacher, course=course)
        done = data.draw(st.sets(st.sampled_from(range(len(pages)))) if pages else st.just(set()))
        failed = data.draw(st.sets(st.sampled_from(range(len(pages)))) if pages else st.just(set()))
        for n, page in enumerate(pages):
            if n in done and isinstance(page, CourseLessonPage):
                LessonCompletion.objects.create(enrollment=enrollment, teacher=teacher, lesson=page)
            if isinstance(page, QuizPage) and (n in done or n in failed):
                QuizAttempt.objects.create(
                    enrollment=enrollment,
                    quiz=page,
                    number=1,
                    score=90 if n in done else 10,
                    submitted_at=enrollment.enrolled_at,
                )

        progress = enrollment_progress(enrollment=enrollment)
        expected = _summary(
            [Step(id=p.pk, kind=p.step_kind, required=p.required) for p in pages],
            {p.pk for n, p in enumerate(pages) if n in done},
            sequential,
        )
        assert (progress.percent, progress.complete, progress.done, progress.locked) == (
            expected.percent,
            expected.complete,
            expected.done,
            expected.locked,
        )

        bulgarian = selectors.course_outline(course=course, user=teacher)
        in_english = selectors.course_outline(course=course_en, user=teacher)
        flags = [(r["step"].id, r["done"], r["locked"]) for r in bulgarian["rows"]]
        assert flags == [(r["step"].id, r["done"], r["locked"]) for r in in_english["rows"]]
        assert [r["step"].id for r in bulgarian["rows"]] == [p.pk for p in pages]
        assert bulgarian["progress"].percent == in_english["progress"].percent == progress.percent
        shown = [r["step"].page for r in in_english["rows"]]
        assert [p.locale_id == english.pk for p in shown] == [
            n in translated for n in range(len(pages))
        ]
        if bulgarian["next_step"] is not None:
            assert in_english["next_step"].id == bulgarian["next_step"].id

        if not pages:
            return
        # The step the teacher opens agrees too: locked in Bulgarian is locked in English.
        n = data.draw(st.sampled_from(range(len(pages))))
        page, page_en = pages[n], shown[n]
        client = Client()
        client.force_login(teacher)
        # A lesson already completed shows its completion rather than the lock.
        says_locked = page.pk in progress.locked and not (
            page.step_kind == LESSON and page.pk in progress.done
        )
        bg_html = client.get(page.url).content.decode()
        assert ("се отваря след предишните задължителни стъпки" in bg_html) == says_locked
        if page_en.locale_id == english.pk:
            en_html = client.get(page_en.url).content.decode()
            assert ("opens after the previous required steps" in en_html) == says_locked
