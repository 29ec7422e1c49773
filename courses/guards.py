"""Learner records must outlive pages: find pages (or their subtrees) that still have some."""

from django.db.models import Q

from .models import Enrollment, LessonCompletion, QuizAttempt, SeminarSession


def pages_with_learner_records(pages) -> bool:
    pages = [p for p in pages if hasattr(p, "path")]
    if not pages:
        return False
    for model, field in (
        (Enrollment, "course"),
        (LessonCompletion, "lesson"),
        (QuizAttempt, "quiz"),
        # a seminar's sessions are kept with it (bookings point at them)
        (SeminarSession, "seminar"),
    ):
        condition = Q()
        for page in pages:
            condition |= Q(**{f"{field}__path__startswith": page.path})
        if model.objects.filter(condition).exists():
            return True
    return False
