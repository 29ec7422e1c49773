""" "I taught this" in the demo: a few teachers' ratings and comments on three plans, approved by
the demo methodologist, and one still waiting for her (so the moderation screen has work).
Idempotent: nothing is added once any feedback exists. Written directly, like the other demo
records (no audit entries)."""

from django.utils import timezone

from schools import scoping
from schools.models import User

from ..models import LessonPlanFeedback, LessonPlanPage

METHODOLOGIST = "methodologist@drom.test"
DEMO_TEACHER = "teacher@drom.test"
# (plan number in the library's order, rating, comment, approved)
FEEDBACK = [
    (0, 5, "Децата сами предложиха да разкажат как се празнува у дома. Ще го повторя.", True),
    (0, 4, "Песента отне повече време от предвиденото — разделих урока на два часа.", True),
    (0, 5, "", True),
    (1, 4, "Речникът с думи на романи беше най-интересен за третокласниците.", True),
    (1, 3, "За пети клас дейностите са малко лесни; добавих писмена задача.", True),
    (2, 5, "Родителите дойдоха на урока и пяха с нас.", True),
    (
        2,
        2,
        "Нямахме проектор и записът не можа да се пусне — добре е да има текст за печат.",
        False,
    ),
]


def load(log) -> None:
    if LessonPlanFeedback.objects.exists():
        return
    plans = list(LessonPlanPage.objects.live().filter(locale__language_code="bg").order_by("path"))
    methodologist = User.objects.filter(email=METHODOLOGIST).first()
    teachers = list(scoping.teachers().exclude(email=DEMO_TEACHER).order_by("email")[:10])
    if len(plans) < 3 or methodologist is None or len(teachers) < len(FEEDBACK):
        return
    now = timezone.now()
    LessonPlanFeedback.objects.bulk_create(
        [
            LessonPlanFeedback(
                plan=plans[number],
                teacher=teachers[index],
                rating=rating,
                comment=comment,
                status="approved" if approved else "pending",
                moderated_at=now if approved else None,
                moderated_by=methodologist if approved else None,
            )
            for index, (number, rating, comment, approved) in enumerate(FEEDBACK)
        ]
    )
    log(f"{len(FEEDBACK)} “I taught this” feedback")
