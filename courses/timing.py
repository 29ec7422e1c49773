"""The time limit of a quiz attempt, as pure rules (no I/O).

Moodle's three ways of handling an attempt whose time is up (QuizPage.Overdue): submitted
automatically with the answers saved so far (the default); a grace period in which the teacher
may still submit but not change answers; or not counted unless submitted in time.
"""

from datetime import datetime, timedelta

# Allowed after the limit for a form to travel back before it counts as late.
NETWORK_SLACK = timedelta(seconds=60)

OPEN = "open"  # answers may be saved and submitted
GRACE = "grace"  # time is up: may be submitted as saved, not changed
OVER = "over"  # time is up: the attempt is closed by its quiz's rule


def phase(*, deadline: datetime | None, overdue: str, grace_minutes: int, now: datetime) -> str:
    if deadline is None or now <= deadline + NETWORK_SLACK:
        return OPEN
    if overdue == "grace" and now <= deadline + timedelta(minutes=grace_minutes) + NETWORK_SLACK:
        return GRACE
    return OVER


def attempt_phase(attempt, quiz, *, now: datetime) -> str:
    return phase(
        deadline=attempt.deadline,
        overdue=quiz.overdue_handling,
        grace_minutes=quiz.grace_period_minutes,
        now=now,
    )


def merge(saved: dict, cleaned: dict, shown: list[str]) -> dict:
    """Saved answers with those of the questions on the page just sent replacing them (an
    unticked checkbox sends nothing, so the page says which questions it showed)."""
    merged = dict(saved or {})
    for question_id in shown:
        if question_id in cleaned:
            merged[question_id] = cleaned[question_id]
    return merged
