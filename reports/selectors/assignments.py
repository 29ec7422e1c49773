"""The assignments a coordinator may see: active ones, of teachers in their scope."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from courses.models import Assignment, Enrollment
from schools import scoping


def assignments_visible_to(*, viewer, course=None, overdue: bool = False) -> QuerySet[Assignment]:
    """Active assignments of teachers the viewer may see, with the enrollment's status."""
    status = Enrollment.objects.filter(
        teacher=OuterRef("teacher_id"), course=OuterRef("course_id")
    ).values("status")[:1]
    qs = (
        Assignment.objects.active()
        .filter(teacher__in=scoping.teachers_visible_to(viewer))
        .annotate(status=Subquery(status))
        .select_related("teacher__school", "course", "assigned_by")
    )
    if course is not None:
        qs = qs.filter(course=course)
    if overdue:
        qs = qs.filter(due_on__lt=timezone.localdate()).exclude(status=Enrollment.Status.COMPLETED)
    return qs.order_by("due_on", "course__title", "teacher__last_name", "pk")
