"""Reads for the course pages, side-effect free, in a constant number of queries.

Pages may be read in English while learner records point at the Bulgarian (default-language)
pages: progress is always computed over the canonical steps (courses.progress) and only the
pages shown are mapped to the language being read (courses.steps.displayed_steps).

The page models import this module, so it reaches pages only through the objects it is given.
"""

from django.utils import timezone
from wagtail.models import Page

from schools import scoping

from . import grading, timing
from .access import enrollment_for
from .models.assignments import Assignment
from .models.records import Enrollment
from .progress import Progress, enrollment_progress
from .steps import Step, canonical, course_steps, displayed_steps


def course_catalogue(*, courses, user) -> list[dict]:
    """The live `courses` (a CoursePage queryset) with the user's enrollment in each."""
    courses = list(courses.live().select_related("cover_image").order_by("path"))
    mine = {}
    if user.is_authenticated:
        mine = {
            row["course__translation_key"]: row
            for row in Enrollment.objects.filter(teacher=user).values(
                "course__translation_key", "status", "percent"
            )
        }
    return [{"page": c, "enrollment": mine.get(c.translation_key)} for c in courses]


def _course_state(*, course, enrollment: Enrollment | None) -> tuple[list[Step], Progress | None]:
    """The steps to show on `course` (as read) and the enrollment's progress over them."""
    source = enrollment.course if enrollment is not None else canonical(course)
    steps = course_steps(source)
    progress = enrollment_progress(enrollment=enrollment, steps=steps) if enrollment else None
    return displayed_steps(steps, course=course), progress


def course_outline(*, course, user) -> dict:
    enrollment = enrollment_for(user=user, course=course)
    steps, progress = _course_state(course=course, enrollment=enrollment)
    rows = [
        {
            "step": s,
            "done": bool(progress and s.id in progress.done),
            "locked": bool(progress and s.id in progress.locked),
        }
        for s in steps
    ]
    next_step = None
    if progress and progress.next_step:
        next_step = next(s for s in steps if s.id == progress.next_step.id)
    assignment = None
    if enrollment is not None:
        # Assigning enrolls, so only an enrolled teacher has one; her enrollment names the
        # canonical course (no lookup of it here).
        assignment = (
            Assignment.objects.active()
            .filter(teacher=user, course_id=enrollment.course_id)
            .select_related("assigned_by")
            .first()
        )
    return {
        "enrollment": enrollment,
        "assignment": assignment,
        "today": timezone.localdate(),
        "progress": progress,
        "rows": rows,
        "can_enroll": enrollment is None and course.enrollment_open and scoping.is_teacher(user),
        "next_step": next_step,
        "certificate": getattr(enrollment, "certificate", None) if enrollment else None,
        "evaluation": _evaluation_waiting(course, enrollment),
    }


def _evaluation_waiting(course, enrollment):
    """The evaluation form a completed teacher must still fill in for her certificate, if any
    (a query only in that case). By content type: the page module imports this one."""
    if enrollment is None or not enrollment.is_completed or hasattr(enrollment, "certificate"):
        return None
    return (
        Page.objects.child_of(course)
        .live()
        .filter(content_type__app_label="courses", content_type__model="courseevaluationpage")
        .first()
    )


def _position(steps: list[Step], page) -> tuple[int | None, Step | None, Step | None]:
    """The canonical id of the step shown as `page`, and the steps before and after it."""
    for index, step in enumerate(steps):
        if step.page.pk == page.pk:
            previous = steps[index - 1] if index > 0 else None
            following = steps[index + 1] if index < len(steps) - 1 else None
            return step.id, previous, following
    return None, None, None


def lesson_context(*, lesson, enrollment: Enrollment | None) -> dict:
    course = lesson.course
    steps, progress = _course_state(course=course, enrollment=enrollment)
    step_id, previous, following = _position(steps, lesson)
    completion = None
    if progress is not None and step_id in progress.done:  # its reflection is shown
        completion = enrollment.completions.filter(lesson_id=step_id).first()
    return {
        "course": course,
        "enrollment": enrollment,
        "progress": progress,
        "locked": bool(progress and step_id in progress.locked),
        "completion": completion,
        "previous_step": previous,
        "next_step": following,
    }


def _paged(questions: list[dict], *, per_page: int, page: str) -> tuple[list[dict], int, int]:
    """The questions of one page, its number (from 1) and the number of pages."""
    if not per_page or not questions:
        return questions, 1, 1
    pages = (len(questions) + per_page - 1) // per_page
    number = min(max(int(page), 1), pages) if page.isdigit() else 1
    return questions[(number - 1) * per_page : number * per_page], number, pages


def quiz_context(
    *, quiz, enrollment: Enrollment | None, preview: bool = False, page: str = ""
) -> dict:
    course = quiz.course
    steps, progress = _course_state(course=course, enrollment=enrollment)
    step_id, previous, following = _position(steps, quiz)
    attempts = progress.attempts.get(step_id, []) if progress else []
    open_attempt = next((a for a in attempts if a.submitted_at is None), None)
    questions = []
    if open_attempt is not None:
        # The snapshot is loaded only for the open attempt (one row, whatever the history).
        snapshot, saved = enrollment.attempts.values_list("questions", "answers").get(
            pk=open_attempt.pk
        )
        questions = grading.public_questions(
            snapshot,
            seed=open_attempt.seed,
            shuffle_questions=quiz.shuffle_questions,
            shuffle_choices=quiz.shuffle_choices,
        )
        for question in questions:
            question["saved"] = (saved or {}).get(question["id"], [])
        now = timezone.now()
        open_attempt.phase = timing.attempt_phase(open_attempt, quiz, now=now)
        open_attempt.seconds_left = (
            max(0, int((open_attempt.deadline - now).total_seconds()))
            if open_attempt.deadline
            else None
        )
    if preview:
        # Editors previewing a draft see the questions as a teacher would (never the answers).
        questions = grading.public_questions(
            grading.snapshot_questions(quiz.questions),
            seed=0,
            shuffle_questions=False,
            shuffle_choices=False,
        )
    left = quiz.attempts_left(len(attempts))
    locked = bool(progress and step_id in progress.locked)
    questions, page_number, page_count = _paged(
        questions, per_page=quiz.questions_per_page, page=page
    )
    return {
        "page_number": page_number,
        "page_count": page_count,
        "course": course,
        "enrollment": enrollment,
        "progress": progress,
        "attempts": [a for a in attempts if a.submitted_at],
        "open_attempt": open_attempt,
        "questions": questions,
        "attempts_left": left,
        "passed": bool(progress and step_id in progress.done),
        "locked": locked,
        "can_start": enrollment is not None and open_attempt is None and left != 0 and not locked,
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
    assignments = {
        a.course_id: a
        for a in Assignment.objects.active().filter(teacher=user).select_related("assigned_by")
    }
    for enrollment in enrollments:
        enrollment.assignment = assignments.get(enrollment.course_id)
    unfinished = [e for e in enrollments if not e.is_completed]
    # Assigned courses first, the nearest due date first; then the rest as before.
    unfinished.sort(key=lambda e: (e.assignment is None, e.assignment and e.assignment.due_on))
    return {
        "today": timezone.localdate(),
        "in_progress": unfinished,
        "completed": [e for e in enrollments if e.is_completed],
        "certificates": [e.certificate for e in enrollments if hasattr(e, "certificate")],
    }
