"""Erasure rules for the library (see ops.erasure)."""

from ops.erasure import Identity, rule

from .models import LessonPlanFeedback, SavedLessonPlan


@rule("curriculum.SavedLessonPlan", how="The person's saved lesson plans are deleted.")
def erase_saved_plans(*, user, identity: Identity) -> None:
    SavedLessonPlan.objects.filter(user=user).delete()


@rule(
    "curriculum.DromImage",
    "curriculum.DromDocument",
    "curriculum.DromMedia",
    how="Kept: files in the library point at the anonymised account that uploaded them.",
)
def keep_library_files(*, user, identity: Identity) -> None:
    """Nothing to erase: the files are the library's, not the person's."""


@rule(
    "curriculum.LessonPlanFeedback",
    how="The comments of the person's “I taught this” feedback are emptied; the ratings stay "
    "(they carry no name) for the plans' averages.",
)
def erase_plan_feedback(*, user, identity: Identity) -> None:
    LessonPlanFeedback.objects.filter(teacher=user).update(comment="")
