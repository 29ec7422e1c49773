"""Demo assignments: the regional coordinator's campaign for the first course, under way.

coordinator@drom.test (Southeast and South Central) has assigned the intercultural course to a
few teachers of her regions: some due within a week, some later (the demo teacher among them, so
My learning shows "Assigned by …"), one already past its due date and one completed. They go
through the real service (enrolling, logged), a handful of queries in all; the overdue one is
then moved into the past, as if the weeks had gone by.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from schools import scoping
from schools.models import Region, User

from ..assignments import assignments_create
from ..models import Assignment, CoursePage, Enrollment

COORDINATOR = "coordinator@drom.test"
DEMO_TEACHER = "teacher@drom.test"
MESSAGE = "Моля, завършете обучението до срока — ще го обсъдим на срещата на мрежата."
SOON, LATER, OVERDUE = 5, 25, 4


def _candidates(coordinator, course, status: str, count: int) -> list[int]:
    region_ids = Region.objects.filter(code="BG34").values("pk")
    people = scoping.teachers_visible_to(coordinator).filter(
        school__municipality__district__region__in=region_ids
    )
    enrolled = Enrollment.objects.filter(course=course, status=status).values("teacher_id")
    return list(
        people.filter(pk__in=enrolled)
        .exclude(email=DEMO_TEACHER)
        .order_by("email")
        .values_list("pk", flat=True)[:count]
    )


def load(courses: list[CoursePage], log) -> None:
    coordinator = User.objects.filter(email=COORDINATOR).first()
    if coordinator is None or not courses:
        return
    course = courses[0]
    if Assignment.objects.filter(assigned_by=coordinator).exists():
        return
    today = timezone.localdate()
    soon = _candidates(coordinator, course, Enrollment.Status.ENROLLED, 2)
    soon += _candidates(coordinator, course, Enrollment.Status.IN_PROGRESS, 2)
    overdue = _candidates(coordinator, course, Enrollment.Status.ENROLLED, 3)[2:]
    done = _candidates(coordinator, course, Enrollment.Status.COMPLETED, 1)
    later = list(User.objects.filter(email=DEMO_TEACHER).values_list("pk", flat=True)) + done
    plan = [(soon, SOON), (later, LATER), (overdue, LATER)]
    for teacher_ids, days in plan:
        if teacher_ids:
            assignments_create(
                by=coordinator,
                teacher_ids=teacher_ids,
                courses=[course],
                due_on=today + timedelta(days=days),
                message=MESSAGE,
            )
    # Weeks went by for this one: past its due date, its reminders before it already sent.
    reminded = timezone.now() - timedelta(days=OVERDUE + 3)
    Assignment.objects.filter(course=course, teacher_id__in=overdue).update(
        due_on=today - timedelta(days=OVERDUE), reminded_14_at=reminded, reminded_3_at=reminded
    )
    total = len(soon) + len(later) + len(overdue)
    log(f"{total} assignments of {course.slug} by {COORDINATOR}")
