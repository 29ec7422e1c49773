"""Reads for the course pages, side-effect free, in a constant number of queries.

Pages may be read in English while learner records point at the Bulgarian (default-language)
pages, so the page-facing selectors key records by `translation_key`, shared by translations.
"""

from django.utils import timezone

from . import grading
from .models import CoursePage, Enrollment, LessonCompletion, QuizAttempt, QuizPage
from .progress import QUIZ, Step, quiz_passed, summarise
from .services import attempts_left, can_take_courses
from .steps import course_steps


def _enrollment_for(user, course: CoursePage) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return (
        Enrollment.objects.filter(teacher=user, course__translation_key=course.translation_key)
        .select_related("certificate")
        .first()
    )


def _keyed_steps(course: CoursePage) -> list[Step]:
    return [
        Step(id=s.page.translation_key, kind=s.kind, required=s.required, page=s.page)
        for s in course_steps(course)
    ]


def _attempts_by_quiz(enrollment: Enrollment) -> dict:
    attempts: dict = {}
    for attempt in (
        QuizAttempt.objects.filter(enrollment=enrollment)
        .select_related("quiz")
        .only(
            "id",
            "number",
            "seed",
            "deadline",
            "score",
            "passed",
            "submitted_at",
            "quiz__translation_key",
        )
        .order_by("number")
    ):
        attempts.setdefault(attempt.quiz.translation_key, []).append(attempt)
    return attempts


def _progress_for(enrollment: Enrollment | None, steps: list[Step], course: CoursePage):
    if enrollment is None:
        return None, {}
    completed = set(
        LessonCompletion.objects.filter(enrollment=enrollment).values_list(
            "lesson__translation_key", flat=True
        )
    )
    attempts = _attempts_by_quiz(enrollment)
    passed = {
        s.id
        for s in steps
        if s.kind == QUIZ
        and quiz_passed(
            attempts.get(s.id, []), counting=s.page.counting, pass_mark=s.page.pass_mark
        )
    }
    progress = summarise(
        steps, completed_lessons=completed, passed_quizzes=passed, sequential=course.sequential
    )
    return progress, attempts


def course_catalogue(*, index, user) -> list[dict]:
    courses = list(
        CoursePage.objects.child_of(index).live().select_related("cover_image").order_by("path")
    )
    mine = {}
    if user.is_authenticated:
        mine = {
            row["course__translation_key"]: row
            for row in Enrollment.objects.filter(teacher=user).values(
                "course__translation_key", "status", "percent"
            )
        }
    return [{"page": c, "enrollment": mine.get(c.translation_key)} for c in courses]


def course_outline(*, course: CoursePage, user, request) -> dict:
    enrollment = _enrollment_for(user, course)
    steps = _keyed_steps(course)
    progress, _attempts = _progress_for(enrollment, steps, course)
    rows = [
        {
            "step": s,
            "done": bool(progress and s.id in progress.done),
            "locked": bool(progress and s.id in progress.locked),
        }
        for s in steps
    ]
    return {
        "enrollment": enrollment,
        "progress": progress,
        "rows": rows,
        "can_enroll": enrollment is None and course.enrollment_open and can_take_courses(user),
        "next_step": progress.next_step if progress else None,
        "certificate": getattr(enrollment, "certificate", None) if enrollment else None,
    }


def _neighbours(steps: list[Step], key) -> tuple:
    keys = [s.id for s in steps]
    index = keys.index(key) if key in keys else -1
    previous = steps[index - 1] if index > 0 else None
    following = steps[index + 1] if 0 <= index < len(steps) - 1 else None
    return previous, following


def lesson_context(*, lesson, user, request) -> dict:
    course = lesson.get_parent().specific
    enrollment = _enrollment_for(user, course)
    steps = _keyed_steps(course)
    progress, _attempts = _progress_for(enrollment, steps, course)
    completion = None
    if enrollment is not None:
        completion = LessonCompletion.objects.filter(
            enrollment=enrollment, lesson__translation_key=lesson.translation_key
        ).first()
    previous, following = _neighbours(steps, lesson.translation_key)
    return {
        "course": course,
        "enrollment": enrollment,
        "progress": progress,
        "locked": bool(progress and lesson.translation_key in progress.locked),
        "completion": completion,
        "previous_step": previous,
        "next_step": following,
    }


def review_allowed(*, quiz: QuizPage, attempts: list, passed: bool) -> bool:
    if quiz.review_policy == QuizPage.Review.AFTER_PASSING:
        return passed
    if quiz.review_policy == QuizPage.Review.AFTER_LAST_ATTEMPT:
        return attempts_left(quiz, len(attempts)) == 0 and all(a.submitted_at for a in attempts)
    return False


def quiz_context(*, quiz: QuizPage, user, request) -> dict:
    course = quiz.get_parent().specific
    enrollment = _enrollment_for(user, course)
    steps = _keyed_steps(course)
    progress, attempts_by_quiz = _progress_for(enrollment, steps, course)
    attempts = attempts_by_quiz.get(quiz.translation_key, [])
    open_attempt = next((a for a in attempts if a.submitted_at is None), None)
    questions = []
    if open_attempt is not None:
        # The snapshot is loaded only for the open attempt (one row, whatever the history).
        snapshot = QuizAttempt.objects.values_list("questions", flat=True).get(pk=open_attempt.pk)
        questions = grading.public_questions(
            snapshot,
            seed=open_attempt.seed,
            shuffle_questions=quiz.shuffle_questions,
            shuffle_choices=quiz.shuffle_choices,
        )
    if getattr(request, "is_preview", False):
        # Editors previewing a draft see the questions as a teacher would (never the answers).
        questions = grading.public_questions(
            grading.snapshot_questions(quiz.questions),
            seed=0,
            shuffle_questions=False,
            shuffle_choices=False,
        )
    left = attempts_left(quiz, len(attempts))
    previous, following = _neighbours(steps, quiz.translation_key)
    return {
        "course": course,
        "enrollment": enrollment,
        "progress": progress,
        "attempts": [a for a in attempts if a.submitted_at],
        "open_attempt": open_attempt,
        "questions": questions,
        "attempts_left": left,
        "passed": bool(progress and quiz.translation_key in progress.done),
        "locked": bool(progress and quiz.translation_key in progress.locked),
        "can_start": enrollment is not None
        and open_attempt is None
        and left != 0
        and not (progress and quiz.translation_key in progress.locked),
        "previous_step": previous,
        "next_step": following,
        "now": timezone.now(),
    }


def my_learning(*, user) -> dict:
    enrollments = list(
        Enrollment.objects.filter(teacher=user)
        .select_related("course", "certificate")
        .order_by("-last_activity", "-enrolled_at")
    )
    return {
        "in_progress": [e for e in enrollments if not e.is_completed],
        "completed": [e for e in enrollments if e.is_completed],
        "certificates": [e.certificate for e in enrollments if hasattr(e, "certificate")],
    }
