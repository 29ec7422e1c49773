"""Erasure rules for learner records (see ops.erasure for how rules are declared and run).

A certificate stays valid for its number, course, hours and dates — a school may have filed
it — but no longer names its holder; the verification page says the data were erased at the
holder's request. Stored PDFs of it are deleted (they carry the name).
"""

from django.db import transaction
from django.utils import timezone

from ops.erasure import Identity, rule
from ops.storage import private_storage
from schools.signals import people_touched

from .models import Certificate, LessonCompletion


@rule(
    "courses.Certificate",
    how="The holder's name and position are removed and the erasure date recorded; the "
    "stored PDFs are deleted. Number, course, school, hours and dates stay, so the "
    "certificate still verifies.",
)
def erase_certificates(*, user, identity: Identity) -> None:
    certificates = list(Certificate.objects.filter(enrollment__teacher=user))
    Certificate.objects.filter(pk__in=[c.pk for c in certificates]).update(
        holder_name="", position="", holder_erased_at=timezone.now()
    )
    people_touched(__name__, [user.pk])
    storage = private_storage()
    stored = []
    for certificate in certificates:
        folder = f"certificates/{certificate.year}"
        try:
            _dirs, files = storage.listdir(folder)
        except FileNotFoundError:
            continue
        stored += [
            f"{folder}/{name}" for name in files if name.startswith(f"{certificate.number}-")
        ]

    def delete():
        for name in stored:
            storage.delete(name)

    transaction.on_commit(delete)


@rule(
    "courses.LessonCompletion",
    how="Reflections the person wrote are emptied; the completion itself counts on.",
)
def erase_reflections(*, user, identity: Identity) -> None:
    LessonCompletion.objects.filter(teacher=user).exclude(reflection="").update(reflection="")
    people_touched(__name__, [user.pk])  # her lessons' pages showed them


@rule(
    "courses.Enrollment",
    "courses.QuizAttempt",
    how="Kept: progress, scores and chosen answers of the anonymised account, so that course "
    "and school counts and question statistics stay right.",
)
def keep_learning_records(*, user, identity: Identity) -> None:
    """Nothing to erase: these rows hold no name or address."""


@rule(
    "courses.Assignment",
    "courses.SeminarBooking",
    "courses.SeminarSession",
    "courses.CourseEvaluation",
    how="Kept: assignments, bookings, attendance and evaluation answers of the anonymised "
    "account (sessions it led as trainer), so that assigned and overdue counts, seat counts, "
    "certified hours and the anonymous evaluation results stay right. They hold no name or "
    "address of their own; a place or meeting link is the venue's.",
)
def keep_training_records(*, user, identity: Identity) -> None:
    """Nothing to erase: the person is only referred to by the anonymised account."""
