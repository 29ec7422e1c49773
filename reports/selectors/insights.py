"""What authors learn from results: question statistics of a quiz, and where teachers stop in a
course. Aggregates only — never a teacher's name or her own answers — over the viewer's scope
(schools.scoping.insights_schools), in a number of queries that grows with neither the teachers,
the attempts nor the questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Q

from courses import itemstats
from courses.grading import SHORT, snapshot_questions
from courses.models import (
    CourseEvaluation,
    CoursePage,
    Enrollment,
    LessonCompletion,
    QuizAttempt,
    QuizPage,
    SeminarBooking,
)
from courses.steps import LESSON, QUIZ, SEMINAR, course_steps
from schools import scoping

from .evaluations import ANONYMITY_THRESHOLD


def _scoped(queryset, viewer, *, enrollment: str = "enrollment__"):
    schools = scoping.insights_schools(viewer)
    if schools is None:
        return queryset
    return queryset.filter(**{f"{enrollment}school__in": schools})


def insight_quizzes():
    """Quizzes in the default language with at least one submitted attempt (one query)."""
    return QuizPage.objects.filter(attempts__submitted_at__isnull=False).distinct().order_by("path")


def insight_courses():
    """Courses with at least one enrollment (one query)."""
    return CoursePage.objects.filter(enrollments__isnull=False).distinct().order_by("path")


@dataclass
class QuizInsights:
    quiz: QuizPage
    #: teachers whose first attempt is the sample
    sample: int
    shown: bool
    questions: list[itemstats.QuestionStats]
    passing: itemstats.PassDistribution


def quiz_insights(*, viewer, quiz: QuizPage) -> QuizInsights:
    """Two queries: the first attempts (their snapshots, answers, results) and, per teacher, the
    attempt on which she first passed (aggregated in the database)."""
    submitted = _scoped(QuizAttempt.objects.filter(quiz=quiz, submitted_at__isnull=False), viewer)
    first = list(submitted.filter(number=1).values_list("questions", "answers", "results"))
    shown = len(first) >= ANONYMITY_THRESHOLD
    stats = []
    if shown:
        stats = itemstats.question_stats(
            first, order=[q["id"] for q in snapshot_questions(quiz.questions)]
        )
        for item in stats:
            if item.kind == SHORT:
                # a typed answer only one teacher gave could be hers alone: it is not shown
                item.wrong_answers = [(text, n) for text, n in item.wrong_answers if n > 1]
    per_teacher = (
        submitted.values("enrollment_id")
        .annotate(first=Min("number", filter=Q(passed=True, counted=True)), tries=Max("number"))
        .values_list("first", "tries")
    )
    return QuizInsights(
        quiz=quiz,
        sample=len(first),
        shown=shown,
        questions=stats,
        passing=itemstats.pass_distribution(list(per_teacher)),
    )


@dataclass
class StepRow:
    number: int
    title: str
    kind: str
    required: bool
    #: teachers who began it: tried the quiz, booked the seminar (lessons: as completed)
    started: int
    completed: int
    #: completed, as a percentage of the enrolled teachers
    percent: int = 0
    #: teachers lost since the step before (completed there, not here)
    lost: int = 0


@dataclass
class CourseInsights:
    course: CoursePage
    enrolled: int
    completed: int
    median_days: float | None
    #: teachers who answered the course evaluation
    evaluated: int = 0
    steps: list[StepRow] = field(default_factory=list)


def course_insights(*, viewer, course: CoursePage) -> CourseInsights:
    """Drop-off per step in outline order and the median time from enrolling to completing:
    the outline (remembered), the enrollments, then one grouped count per kind of step."""
    enrollments = _scoped(Enrollment.objects.filter(course=course), viewer, enrollment="")
    durations = [
        (completed - enrolled).total_seconds()
        for enrolled, completed in enrollments.filter(completed_at__isnull=False).values_list(
            "enrolled_at", "completed_at"
        )
    ]
    enrolled = enrollments.count()
    lessons = dict(
        _scoped(LessonCompletion.objects.filter(enrollment__course=course), viewer)
        .values("lesson_id")
        .annotate(n=Count("enrollment_id", distinct=True))
        .values_list("lesson_id", "n")
    )
    quizzes = {
        row[0]: row[1:]
        for row in _scoped(
            QuizAttempt.objects.filter(enrollment__course=course, submitted_at__isnull=False),
            viewer,
        )
        .values("quiz_id")
        .annotate(
            tried=Count("enrollment_id", distinct=True),
            passed=Count("enrollment_id", distinct=True, filter=Q(passed=True, counted=True)),
        )
        .values_list("quiz_id", "tried", "passed")
    }
    seminars = {
        row[0]: row[1:]
        for row in _scoped(
            SeminarBooking.objects.filter(enrollment__course=course).exclude(status="cancelled"),
            viewer,
        )
        .values("seminar_id")
        .annotate(
            booked=Count("enrollment_id", distinct=True),
            attended=Count(
                "enrollment_id", distinct=True, filter=Q(attendance__in=["present", "partly"])
            ),
        )
        .values_list("seminar_id", "booked", "attended")
    }
    evaluated = _scoped(CourseEvaluation.objects.filter(course=course), viewer).count()
    rows, previous = [], enrolled
    for number, step in enumerate(course_steps(course), start=1):
        if step.kind == LESSON:
            started = completed = lessons.get(step.id, 0)
        elif step.kind == QUIZ:
            started, completed = quizzes.get(step.id, (0, 0))
        elif step.kind == SEMINAR:
            started, completed = seminars.get(step.id, (0, 0))
        else:
            continue
        rows.append(
            StepRow(
                number=number,
                title=step.page.title,
                kind=step.kind,
                required=step.required,
                started=started,
                completed=completed,
                percent=round(completed * 100 / enrolled) if enrolled else 0,
                lost=max(0, previous - completed),
            )
        )
        previous = completed
    return CourseInsights(
        course=course,
        enrolled=enrolled,
        completed=len(durations),
        median_days=itemstats.median_days(durations),
        evaluated=evaluated,
        steps=rows,
    )


__all__ = [
    "CourseInsights",
    "QuizInsights",
    "course_insights",
    "insight_courses",
    "insight_quizzes",
    "quiz_insights",
]
