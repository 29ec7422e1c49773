"""Course progress: the one answer to "how far is this teacher?", for every screen and write.

A course is complete when every required lesson is completed, every required quiz is passed and
every required seminar attended (its trainer recorded the teacher present, or partly present for
enough of the session's hours).
If an editor marks no step as required, every step is (a course must ask for something).

`summarise` is the rule, pure; `enrollment_progress` reads an enrollment's records (two
queries) and applies it over the canonical steps (see courses.steps). The services store its
result on the enrollment (percent, counts, completion), which is what coordinator reports,
"My learning" and certificates read, so every figure a teacher or coordinator sees comes from here.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .models.records import Enrollment
from .models.seminars import SeminarBooking
from .steps import LESSON, QUIZ, SEMINAR, Step, course_steps

#: what progress needs of a quiz attempt (not its answers)
ATTEMPT_FIELDS = (
    "id",
    "enrollment_id",
    "quiz_id",
    "number",
    "seed",
    "deadline",
    "score",
    "passed",
    "counted",
    "submitted_at",
)


@dataclass
class Progress:
    required_total: int
    required_done: int
    lessons_done: int
    quizzes_passed: int
    percent: int
    complete: bool
    done: set[int] = field(default_factory=set)
    locked: set[int] = field(default_factory=set)
    next_step: Step | None = None
    #: the enrollment's quiz attempts by canonical quiz id, in order of number (open ones too)
    attempts: dict[int, list] = field(default_factory=dict)
    seminars_attended: int = 0
    #: hours attended at seminars, and the hours the booked sessions planned (for the split)
    in_person_hours: int = 0
    in_person_planned: int = 0


def quiz_passed(attempts: Iterable, *, counting: str, pass_mark: int) -> bool:
    """Whether a quiz counts as passed, from its submitted attempts in order of number."""
    scores = [
        a.score
        for a in attempts
        if a.submitted_at is not None and a.score is not None and getattr(a, "counted", True)
    ]
    if not scores:
        return False
    counted = max(scores) if counting == "best" else scores[-1]
    return counted >= pass_mark


def seminar_attended(*, attendance: str, hours: int, session_hours: int, min_percent: int) -> bool:
    """Does a recorded attendance complete its seminar step? Present does; partly present does
    from `min_percent` of the session's hours; absent (or nothing recorded) does not."""
    if attendance == "present":
        return True
    if attendance == "partly":
        return hours * 100 >= session_hours * min_percent
    return False


def summarise(
    steps: Sequence[Step],
    *,
    completed_lessons: set[int],
    passed_quizzes: set[int],
    attended_seminars: set[int] = frozenset(),
    sequential: bool = False,
) -> Progress:
    any_required = any(s.required for s in steps)
    done: set[int] = set()
    for step in steps:
        if (
            (step.kind == LESSON and step.id in completed_lessons)
            or (step.kind == QUIZ and step.id in passed_quizzes)
            or (step.kind == SEMINAR and step.id in attended_seminars)
        ):
            done.add(step.id)
    counted = [s for s in steps if s.required or not any_required]
    required_done = sum(1 for s in counted if s.id in done)
    total = len(counted)
    percent = (
        100 if total and required_done == total else (required_done * 100 // total if total else 0)
    )
    locked: set[int] = set()
    if sequential:
        blocked = False
        for step in steps:
            if blocked:
                locked.add(step.id)
            if (step.required or not any_required) and step.id not in done:
                blocked = True
    next_step = next((s for s in steps if s.id not in done and s.id not in locked), None)
    return Progress(
        required_total=total,
        required_done=required_done,
        lessons_done=sum(1 for s in steps if s.kind == LESSON and s.id in done),
        quizzes_passed=sum(1 for s in steps if s.kind == QUIZ and s.id in done),
        seminars_attended=sum(1 for s in steps if s.kind == SEMINAR and s.id in done),
        percent=percent,
        complete=bool(total) and required_done == total,
        done=done,
        locked=locked,
        next_step=next_step,
    )


def enrollment_progress(*, enrollment: Enrollment, steps: Sequence[Step] | None = None) -> Progress:
    """The progress of an enrollment over its (canonical) course's live steps.

    `steps` may be passed when the caller has them already (`course_steps(enrollment.course)`);
    otherwise they are read (three queries). The records cost a query per kind of step the
    course has (lessons' completions, quizzes' attempts, seminars' bookings), whatever their
    number.
    """
    steps = course_steps(enrollment.course) if steps is None else steps
    kinds = {step.kind for step in steps}
    # Each kind of record is read only when the course has steps of that kind.
    completed: set[int] = set()
    if LESSON in kinds:
        completed = set(enrollment.completions.values_list("lesson_id", flat=True))
    attempts: dict[int, list] = {}
    if QUIZ in kinds:
        for attempt in enrollment.attempts.only(*ATTEMPT_FIELDS).order_by("number"):
            attempts.setdefault(attempt.quiz_id, []).append(attempt)
    passed = {
        step.id
        for step in steps
        if step.kind == QUIZ
        and quiz_passed(
            attempts.get(step.id, []), counting=step.page.counting, pass_mark=step.page.pass_mark
        )
    }
    attended, hours, planned = _seminars(enrollment, steps)
    progress = summarise(
        steps,
        completed_lessons=completed,
        passed_quizzes=passed,
        attended_seminars=attended,
        sequential=enrollment.course.sequential,
    )
    progress.attempts = attempts
    progress.in_person_hours, progress.in_person_planned = hours, planned
    return progress


def _seminars(enrollment: Enrollment, steps: Sequence[Step]) -> tuple[set[int], int, int]:
    """The seminar steps attended, the hours attended at them and the hours their sessions
    planned (one query, none for a course without seminars)."""
    seminars = {s.id: s.page for s in steps if s.kind == SEMINAR}
    if not seminars:
        return set(), 0, 0
    attended: set[int] = set()
    hours = planned = 0
    rows = SeminarBooking.objects.filter(
        enrollment=enrollment, status=SeminarBooking.Status.BOOKED, seminar_id__in=seminars
    ).values_list("seminar_id", "attendance", "attended_hours", "session__academic_hours")
    for seminar_id, attendance, attended_hours, session_hours in rows:
        if seminar_attended(
            attendance=attendance,
            hours=attended_hours,
            session_hours=session_hours,
            min_percent=seminars[seminar_id].min_attendance_percent,
        ):
            attended.add(seminar_id)
            hours += (
                session_hours if attendance == "present" else min(attended_hours, session_hours)
            )
            planned += session_hours
    return attended, hours, planned
