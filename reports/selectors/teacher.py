"""One teacher for coordinators: every report course, her progress, quiz scores, reminders."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, Q

from courses.models import CoursePage, Enrollment, QuizAttempt
from schools import scoping
from schools.models import User

from ..filters import report_courses
from ..models import ReminderLog

# --- one teacher ---------------------------------------------------------------------------


def teacher_for_report(*, viewer, teacher_id: int) -> User | None:
    """The teacher if the viewer may see her (a coordinator, never the teacher herself here)."""
    if not scoping.is_coordinator(viewer):
        return None
    return (
        scoping.teachers_visible_to(viewer)
        .select_related("school__municipality__district__region")
        .filter(pk=teacher_id)
        .first()
    )


@dataclass
class CourseProgress:
    course: CoursePage
    enrollment: Enrollment | None
    quizzes: list[dict]
    reminders: list[ReminderLog]


def teacher_progress(*, teacher: User) -> list[CourseProgress]:
    """Every report course with her enrollment (or none), per-quiz scores and reminders.

    Four queries however many courses, quizzes or attempts.
    """
    courses = list(report_courses())
    enrollments = {
        e.course_id: e
        for e in Enrollment.objects.filter(teacher=teacher).select_related("certificate", "school")
    }
    quizzes: dict[int, list[dict]] = {}
    attempts = (
        QuizAttempt.objects.filter(enrollment__teacher=teacher, submitted_at__isnull=False)
        .values("enrollment_id", "quiz_id", "quiz__title")
        .annotate(best=Max("score"), used=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
        .order_by("quiz__path")
    )
    for values in attempts:
        quizzes.setdefault(values["enrollment_id"], []).append(values)
    reminders: dict[int, list[ReminderLog]] = {}
    for log in ReminderLog.objects.filter(teacher=teacher).select_related("sent_by"):
        reminders.setdefault(log.course_id, []).append(log)
    result = []
    for course in courses:
        enrollment = enrollments.get(course.pk)
        result.append(
            CourseProgress(
                course=course,
                enrollment=enrollment,
                quizzes=quizzes.get(enrollment.pk, []) if enrollment else [],
                reminders=reminders.get(course.pk, []),
            )
        )
    return result


def last_reminders(*, course, teacher_ids: list[int]) -> dict:
    """teacher id → when she was last reminded about the course (one query for a page)."""
    rows = (
        ReminderLog.objects.filter(course=course, teacher_id__in=teacher_ids)
        .values("teacher_id")
        .annotate(last=Max("created_at"))
        .order_by()
    )
    return {row["teacher_id"]: row["last"] for row in rows}
