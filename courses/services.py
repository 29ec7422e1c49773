"""Writes with rules: enrolling, completing lessons, quiz attempts, certificates.

Every function is keyword-only and atomic. Refusals raise CourseError with a message meant for
the teacher; nothing is half-saved. Rows that race are locked with select_for_update (a no-op on
SQLite, whose transactions are IMMEDIATE and therefore already serialised).
"""

import random
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schools import scoping

from . import evaluation_blocks, grading, timing
from .errors import CourseError
from .issuing import certificate_issue, certificate_revoke  # noqa: F401 - the service API
from .models import (
    CourseEvaluation,
    CourseEvaluationPage,
    CourseLessonPage,
    CoursePage,
    Enrollment,
    LessonCompletion,
    QuizAttempt,
    QuizPage,
)
from .models.pages import HOURS_PER_CREDIT
from .progress import Progress, enrollment_progress
from .steps import Step, canonical, course_steps


@transaction.atomic
def enrollment_create(*, teacher: AbstractBaseUser, course: CoursePage) -> Enrollment:
    """Enroll a teacher (idempotent), recording her school at this moment."""
    course = canonical(course)
    existing = Enrollment.objects.filter(teacher=teacher, course=course).first()
    if existing:
        return existing
    if not scoping.is_teacher(teacher):
        raise CourseError(_("Only teachers in the network can enroll in courses."))
    if not course.live or not course.enrollment_open:
        raise CourseError(_("This course is not open for enrollment."))
    try:
        with transaction.atomic():
            return Enrollment.objects.create(
                teacher=teacher, course=course, school_id=teacher.school_id
            )
    except IntegrityError:
        # A double click raced us to it: the enrollment exists, which is what was asked.
        return Enrollment.objects.get(teacher=teacher, course=course)


def _lock(enrollment: Enrollment) -> Enrollment:
    return Enrollment.objects.select_for_update().select_related("course").get(pk=enrollment.pk)


def _check_step_open(enrollment: Enrollment, step_page) -> list[Step]:
    """The course's steps, once `step_page` (canonical) is known to be one that is open."""
    steps = course_steps(enrollment.course)
    if step_page.pk not in {s.id for s in steps}:
        raise CourseError(_("This step does not belong to your course."))
    if enrollment.course.sequential:
        progress = enrollment_progress(enrollment=enrollment, steps=steps)
        if step_page.pk in progress.locked:
            raise CourseError(_("Finish the previous required steps of the course first."))
    return steps


def enrollment_refresh(*, enrollment: Enrollment) -> Progress:
    """Recompute a (locked) enrollment's progress after a record outside this module changed
    (a seminar's attendance), completing the course and issuing its certificate when done."""
    return _refresh_progress(enrollment)


def _refresh_progress(enrollment: Enrollment, *, steps: list[Step] | None = None) -> Progress:
    """Store the enrollment's progress on it; complete the course (once) when it is done."""
    now = timezone.now()
    progress = enrollment_progress(enrollment=enrollment, steps=steps)
    enrollment.last_activity = now
    if enrollment.status == Enrollment.Status.COMPLETED:
        # Completion is recorded once: later edits to the course never take it away.
        enrollment.save(update_fields=["last_activity"])
        return progress
    enrollment.completed_lessons = progress.lessons_done
    enrollment.passed_quizzes = progress.quizzes_passed
    enrollment.percent = progress.percent
    enrollment.status = Enrollment.Status.IN_PROGRESS
    if progress.complete:
        course = enrollment.course
        enrollment.status = Enrollment.Status.COMPLETED
        enrollment.percent = 100
        enrollment.completed_at = now
        # Hours not attended at a seminar are not certified: a teacher partly present for
        # 6 of 8 planned hours earns the course's hours less 2.
        hours = max(
            0, course.academic_hours - progress.in_person_planned + progress.in_person_hours
        )
        enrollment.hours_earned = hours
        enrollment.in_person_hours = min(progress.in_person_hours, hours)
        credits = course.credits or 0 if course.is_approved_programme else 0
        enrollment.credits_earned = min(credits, hours // HOURS_PER_CREDIT)
    enrollment.save()
    if enrollment.status == Enrollment.Status.COMPLETED and not evaluation_pending(
        enrollment=enrollment
    ):
        certificate_issue(enrollment=enrollment)
    return progress


def evaluation_form(*, course: CoursePage) -> CourseEvaluationPage | None:
    """The course's live evaluation form, if it asks for one (one query)."""
    return CourseEvaluationPage.objects.child_of(course).live().first()


def evaluation_pending(*, enrollment: Enrollment) -> bool:
    """Does the certificate wait for this teacher's evaluation of the course?"""
    return (
        evaluation_form(course=enrollment.course) is not None
        and not CourseEvaluation.objects.filter(enrollment=enrollment).exists()
    )


@transaction.atomic
def evaluation_submit(*, enrollment: Enrollment, form: CourseEvaluationPage, answers: dict):
    """Keep a completed course's evaluation (once) and issue the certificate it was holding."""
    enrollment = _lock(enrollment)
    if enrollment.status != Enrollment.Status.COMPLETED:
        raise CourseError(_("The evaluation opens when you have finished every step."))
    evaluation, _created = CourseEvaluation.objects.get_or_create(
        enrollment=enrollment,
        defaults={
            "course": enrollment.course,
            "form": canonical(form),
            "questions": evaluation_blocks.questions(form.questions),
            "answers": answers,
        },
    )
    certificate_issue(enrollment=enrollment)
    return evaluation


@transaction.atomic
def lesson_complete(
    *, enrollment: Enrollment, lesson: CourseLessonPage, reflection: str = ""
) -> LessonCompletion:
    """Mark a lesson complete (idempotent) and update progress in the same transaction."""
    lesson = canonical(lesson)
    enrollment = _lock(enrollment)
    existing = LessonCompletion.objects.filter(teacher=enrollment.teacher, lesson=lesson).first()
    if existing:
        return existing
    reflection = reflection.strip()
    if lesson.reflection_prompt and not reflection:
        raise CourseError(_("Write your reflection to complete this lesson."))
    if len(reflection) > 5000:
        raise CourseError(_("Your reflection is too long (at most 5,000 characters)."))
    steps = _check_step_open(enrollment, lesson)
    completion = LessonCompletion.objects.create(
        enrollment=enrollment, teacher=enrollment.teacher, lesson=lesson, reflection=reflection
    )
    _refresh_progress(enrollment, steps=steps)
    return completion


@transaction.atomic
def quiz_attempt_start(*, enrollment: Enrollment, quiz: QuizPage) -> QuizAttempt:
    """Open an attempt, or return the one already open. Refuses past the attempt limit.

    The questions are copied from the page the teacher reads (a translation shares the ids of
    its questions and choices); the attempt is recorded against the default-language quiz.
    """
    shown = quiz
    quiz = canonical(quiz)
    enrollment = _lock(enrollment)
    open_attempt = QuizAttempt.objects.filter(
        enrollment=enrollment, quiz=quiz, submitted_at__isnull=True
    ).first()
    if open_attempt and timing.attempt_phase(open_attempt, quiz, now=timezone.now()) == timing.OVER:
        open_attempt.quiz = quiz
        _close_overdue(enrollment, open_attempt, now=timezone.now())
        open_attempt = None
    if open_attempt:
        return open_attempt
    _check_step_open(enrollment, quiz)
    used = QuizAttempt.objects.filter(enrollment=enrollment, quiz=quiz).count()
    if quiz.attempts_left(used) == 0:
        raise CourseError(_("You have used all your attempts at this quiz."))
    questions = grading.snapshot_questions(shown.questions)
    if not questions:
        raise CourseError(_("This quiz has no questions yet."))
    now = timezone.now()
    deadline = now + timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    attempt = QuizAttempt.objects.create(
        enrollment=enrollment,
        quiz=quiz,
        number=used + 1,
        deadline=deadline,
        seed=random.randrange(1, 2**31),  # noqa: S311 - question order, not a secret
        questions=questions,
    )
    enrollment.last_activity = now
    if enrollment.status == Enrollment.Status.ENROLLED:
        enrollment.status = Enrollment.Status.IN_PROGRESS
    enrollment.save(update_fields=["last_activity", "status"])
    return attempt


def _grade(attempt: QuizAttempt, answers: dict, *, allow_missing: bool) -> grading.Grade:
    try:
        cleaned = grading.validate(attempt.questions, answers, allow_missing=allow_missing)
    except grading.AnswerError as error:
        raise CourseError(error.args[0]) from error
    attempt.answers = cleaned
    return grading.grade(attempt.questions, cleaned)


def _finish(enrollment: Enrollment, attempt: QuizAttempt, result, *, when, late: bool) -> None:
    attempt.results = result.results
    attempt.score = result.score
    attempt.passed = result.passed(attempt.quiz.pass_mark)
    attempt.timed_out = late
    attempt.submitted_at = when
    attempt.save()
    enrollment.quiz_attempts += 1
    if enrollment.best_quiz_score is None or result.score > enrollment.best_quiz_score:
        enrollment.best_quiz_score = result.score
    _refresh_progress(enrollment)


def _close_overdue(enrollment: Enrollment, attempt: QuizAttempt, *, now) -> QuizAttempt:
    """Close an attempt whose time (and grace period) is over, by its quiz's rule."""
    quiz = attempt.quiz
    if quiz.overdue_handling == QuizPage.Overdue.AUTOSUBMIT:
        # Submitted at the limit with what was saved by then.
        result = _grade(attempt, attempt.answers, allow_missing=True)
        _finish(enrollment, attempt, result, when=attempt.deadline, late=True)
        return attempt
    # Never submitted in time: the attempt is used up but not counted.
    attempt.results = []
    attempt.score = 0
    attempt.passed = False
    attempt.counted = False
    attempt.timed_out = True
    attempt.submitted_at = now
    attempt.save()
    enrollment.quiz_attempts += 1
    _refresh_progress(enrollment)
    return attempt


@transaction.atomic
def quiz_attempt_save(
    *, attempt: QuizAttempt, answers: dict[str, list[str]], shown: list[str]
) -> QuizAttempt:
    """Save the answers of the questions on one page of an open attempt (page turns, or the
    browser as the teacher answers). After the time limit nothing changes any more."""
    enrollment = _lock(attempt.enrollment)
    attempt = QuizAttempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
    if attempt.submitted_at is not None:
        return attempt
    now = timezone.now()
    state = timing.attempt_phase(attempt, attempt.quiz, now=now)
    if state == timing.OVER:
        return _close_overdue(enrollment, attempt, now=now)
    if state == timing.GRACE:
        raise CourseError(_("The time is up: you can still submit, but no longer change answers."))
    try:
        cleaned = grading.validate(attempt.questions, answers, allow_missing=True)
    except grading.AnswerError as error:
        raise CourseError(error.args[0]) from error
    attempt.answers = timing.merge(attempt.answers, cleaned, shown)
    attempt.saved_at = now
    attempt.save(update_fields=["answers", "saved_at"])
    return attempt


@transaction.atomic
def quiz_attempt_submit(
    *, attempt: QuizAttempt, answers: dict[str, list[str]], shown: list[str] | None = None
) -> QuizAttempt:
    """Grade an open attempt once. A repeated or concurrent submit returns the graded attempt.

    In time, the answers sent complete those saved page by page. After the limit the quiz's
    rule decides (courses.timing): answers sent late are never graded. Malformed answers raise
    CourseError and leave the attempt open (no attempt is burned).
    """
    # Lock order: enrollment, then attempt — the same as quiz_attempt_start, so no deadlock.
    enrollment = _lock(attempt.enrollment)
    attempt = QuizAttempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
    if attempt.submitted_at is not None:
        return attempt
    now = timezone.now()
    state = timing.attempt_phase(attempt, attempt.quiz, now=now)
    if state == timing.OVER:
        return _close_overdue(enrollment, attempt, now=now)
    if state == timing.GRACE:
        result = _grade(attempt, attempt.answers, allow_missing=True)
        _finish(enrollment, attempt, result, when=now, late=True)
        return attempt
    shown = list(answers) if shown is None else shown
    merged = timing.merge(attempt.answers, answers, shown)
    result = _grade(attempt, merged, allow_missing=False)
    _finish(enrollment, attempt, result, when=now, late=False)
    return attempt


def quiz_attempts_close_overdue() -> int:
    """Close every open attempt whose time is over (run every minute by ops.scheduling)."""
    now = timezone.now()
    closed = 0
    candidates = QuizAttempt.objects.filter(
        submitted_at__isnull=True, deadline__lt=now - timing.NETWORK_SLACK
    ).select_related("quiz", "enrollment")
    for attempt in candidates:
        with transaction.atomic():
            enrollment = _lock(attempt.enrollment)
            locked = (
                QuizAttempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
            )
            if (
                locked.submitted_at is None
                and timing.attempt_phase(locked, locked.quiz, now=now) == timing.OVER
            ):
                _close_overdue(enrollment, locked, now=now)
                closed += 1
    return closed
