"""What makes a person's kept pages stale (cms.people): any change to what they show her.

Her course, lesson and quiz pages show her enrollment (progress, status, completion), her
lessons' completions (with her reflections), her quiz attempts, her certificate, her course
evaluation (whether the certificate still waits for it), her active assignment with its due date
and the coordinator who assigned it, her seminar bookings with their attendance (and the hours of
the session booked), and her account: whether she is active and a teacher (the groups she is in;
"enroll" is offered to teachers) and whether the site offers her the admin (kept pages are only
for people it does not). Each of those models' saves and deletions, and changes to her groups,
start a new generation for the person concerned here; writes that bypass model signals send
schools.signals.people_changed where they are made.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save

from courses.models import (
    Assignment,
    Certificate,
    CourseEvaluation,
    Enrollment,
    LessonCompletion,
    QuizAttempt,
    SeminarBooking,
    SeminarSession,
)
from schools.models import User
from schools.signals import people_changed as people_changed_signal

from .people import on_people_changed, people_changed

#: fields of a person that another person's page shows (the coordinator named on an assignment)
NAME_FIELDS = frozenset({"first_name", "father_name", "last_name", "email"})


def _teacher_of_enrollment(instance) -> list:
    enrollment = instance._state.fields_cache.get("enrollment")
    if enrollment is not None:
        return [enrollment.teacher_id]
    return list(
        Enrollment.objects.filter(pk=instance.enrollment_id).values_list("teacher_id", flat=True)
    )


def _session_teachers(instance) -> list:
    # Its hours decide a partial attendance; whoever booked it may see another mark.
    return list(
        SeminarBooking.objects.filter(session=instance).values_list("teacher_id", flat=True)
    )


#: model → the people a saved or deleted row concerns
PEOPLE_OF = {
    Enrollment: lambda row: [row.teacher_id],
    LessonCompletion: lambda row: [row.teacher_id],
    Assignment: lambda row: [row.teacher_id],
    SeminarBooking: lambda row: [row.teacher_id],
    QuizAttempt: _teacher_of_enrollment,
    Certificate: _teacher_of_enrollment,
    CourseEvaluation: _teacher_of_enrollment,
    SeminarSession: _session_teachers,
}


def _record_changed(sender, instance, **kwargs) -> None:
    people = PEOPLE_OF.get(sender)
    if people is not None:
        people_changed(people(instance))


def _user_changed(sender, instance, update_fields=None, **kwargs) -> None:
    people_changed([instance.pk])
    named = update_fields is None or NAME_FIELDS & set(update_fields)
    if named and Assignment.objects.filter(assigned_by_id=instance.pk).exists():
        people_changed(None)  # her name is on the pages of everyone she assigned a course


def _group_changed(sender, **kwargs) -> None:
    people_changed(None)  # a renamed or deleted group changes its members' roles


def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if not reverse:
        people_changed([instance.pk])  # user.groups.add(…)
    else:
        people_changed(pk_set)  # group.user_set.add(…); None when a group is cleared


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(_record_changed, dispatch_uid=f"drom-people-records-{signal}")
        signal.connect(_user_changed, sender=User, dispatch_uid=f"drom-people-user-{signal}")
        signal.connect(_group_changed, sender=Group, dispatch_uid=f"drom-people-group-{signal}")
    m2m_changed.connect(
        _groups_changed, sender=User.groups.through, dispatch_uid="drom-people-groups"
    )
    people_changed_signal.connect(on_people_changed, dispatch_uid="drom-people-changed")
