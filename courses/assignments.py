"""Writes with rules for assignments: assign (which enrolls), change the due date, cancel.

A coordinator may assign only teachers they may see (schools.scoping); one teacher outside the
scope refuses the whole request and nothing is saved. Each assignment, change and cancellation
is written to Wagtail's log (ModelLogEntry) in bulk, so assigning a whole region costs a fixed
number of queries per batch, not per teacher.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.models import ModelLogEntry

from schools import scoping
from schools.signals import people_touched

from .models import Assignment, CoursePage, Enrollment
from .services import CourseError
from .steps import canonical

ASSIGN = "drom.assignment.create"
CHANGE = "drom.assignment.change"
CANCEL = "drom.assignment.cancel"
#: teacher × course pairs in one request; a whole large region is assigned in a few requests
MAX_PAIRS = 20000


@dataclass
class AssignResult:
    created: list[Assignment] = field(default_factory=list)
    changed: list[Assignment] = field(default_factory=list)
    enrolled: int = 0


def _log(assignments, *, action: str, user, data=None, names=None) -> None:
    """Write the log entries in bulk; `names` (teacher id → name) spares a query per row."""
    content_type = ContentType.objects.get_for_model(Assignment)
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                label=(
                    f"{a.course.title} – {names[a.teacher_id]} ({a.due_on:%d.%m.%Y})"
                    if names
                    else str(a)
                )[:255],
                action=action,
                data={
                    "teacher": a.teacher_id,
                    "course": a.course_id,
                    "due_on": a.due_on.isoformat(),
                    **(data or {}),
                },
                timestamp=now,
                user=user,
                object_id=str(a.pk),
            )
            for a in assignments
        ],
        batch_size=1000,
    )


def _check_scope(by, teacher_ids: set[int]) -> None:
    if not scoping.is_coordinator(by):
        raise PermissionDenied
    visible = scoping.teachers_visible_to(by).filter(pk__in=teacher_ids).count()
    if visible != len(teacher_ids):
        # Somebody outside the coordinator's regions: refuse all, as if asked for nothing.
        raise PermissionDenied


def _check_due(due_on: date) -> None:
    if due_on < timezone.localdate():
        raise CourseError(_("The due date is in the past."))


@transaction.atomic
def assignments_create(
    *, by, teacher_ids: list[int], courses: list[CoursePage], due_on: date, message: str = ""
) -> AssignResult:
    """Assign `courses` to the teachers, due on `due_on`, and enroll them (idempotent).

    A teacher already assigned the course gets the new due date and message (logged as a
    change); her progress and enrollment are untouched.
    """
    ids = {int(pk) for pk in teacher_ids}
    if not ids:
        raise CourseError(_("No teacher matches this choice."))
    if not courses:
        raise CourseError(_("Choose at least one course."))
    if len(ids) * len(courses) > MAX_PAIRS:
        raise CourseError(
            _("Assign at most %(max)s teacher-course pairs at once: choose a smaller area.")
            % {"max": MAX_PAIRS}
        )
    _check_scope(by, ids)
    _check_due(due_on)
    courses = [canonical(c) for c in courses]
    for course in courses:
        if not course.live or not course.enrollment_open:
            raise CourseError(
                _("“%(course)s” is not open for enrollment.") % {"course": course.title}
            )
    # Only teachers are assigned: other accounts in the list are left out.
    people = (
        scoping.teachers()
        .filter(pk__in=ids)
        .values_list("pk", "school_id", "first_name", "last_name")
    )
    schools, names = {}, {}
    for pk, school_id, first, last in people:
        schools[pk] = school_id
        names[pk] = f"{first} {last}".strip()
    result = AssignResult()
    message = message.strip()
    for course in courses:
        existing = {
            a.teacher_id: a
            for a in Assignment.objects.active()
            .filter(course=course, teacher_id__in=schools)
            .select_for_update()
        }
        changed = [a for a in existing.values() if (a.due_on, a.message) != (due_on, message)]
        for a in changed:
            a.due_on, a.message = due_on, message
            # A new due date earns its reminders again.
            a.reminded_14_at = a.reminded_3_at = a.reminded_overdue_at = None
        Assignment.objects.bulk_update(
            changed,
            ["due_on", "message", "reminded_14_at", "reminded_3_at", "reminded_overdue_at"],
            batch_size=1000,
        )
        new = Assignment.objects.bulk_create(
            [
                Assignment(
                    teacher_id=pk, course=course, assigned_by=by, due_on=due_on, message=message
                )
                for pk in schools
                if pk not in existing
            ],
            batch_size=1000,
        )
        enrolled = set(
            Enrollment.objects.filter(course=course, teacher_id__in=schools).values_list(
                "teacher_id", flat=True
            )
        )
        Enrollment.objects.bulk_create(
            [
                Enrollment(teacher_id=pk, course=course, school_id=school_id)
                for pk, school_id in schools.items()
                if pk not in enrolled
            ],
            batch_size=1000,
            ignore_conflicts=True,
        )
        result.enrolled += len(schools) - len(enrolled)
        _log(new, action=ASSIGN, user=by, data={"message": message}, names=names)
        _log(changed, action=CHANGE, user=by, names=names)
        result.created += new
        result.changed += changed
    # Bulk writes send no model signals: the teachers' kept pages are made stale (cms.people).
    people_touched(__name__, schools)
    return result


@transaction.atomic
def assignment_cancel(*, by, assignment: Assignment) -> None:
    """Cancel an assignment; the enrollment (and any progress) stays the teacher's."""
    _check_scope(by, {assignment.teacher_id})
    if assignment.cancelled_at is None:
        assignment.cancelled_at = timezone.now()
        assignment.save(update_fields=["cancelled_at", "updated_at"])
        _log([assignment], action=CANCEL, user=by)


class AssignmentFormatter(LogFormatter):
    label = _("Course assigned")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Assigned, due %(due)s") % {"due": _date(data.get("due_on", ""))}


class AssignmentChangeFormatter(LogFormatter):
    label = _("Assignment changed")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Due date changed to %(due)s") % {"due": _date(data.get("due_on", ""))}


class AssignmentCancelFormatter(LogFormatter):
    label = _("Assignment cancelled")


def _date(iso: str) -> str:
    parts = iso.split("-")
    return ".".join(reversed(parts)) if len(parts) == 3 else iso
