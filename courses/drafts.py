"""A quiz submitted with questions unanswered: what was answered, kept for the page shown next.

The submit view saves the answers in the session and redirects to the quiz (post/redirect/get);
the quiz page takes them once, fills the answers in again and marks each unanswered question.
Nothing is written to the attempt, so no attempt is used.
"""

from django.utils.translation import gettext as _

from cms.romani import romani_plain

QUIZ_DRAFT = "quiz-draft-{}"


def quiz_draft_save(session, *, attempt_id: int, answers: dict, missing: list[str]) -> None:
    session[QUIZ_DRAFT.format(attempt_id)] = {"answers": answers, "missing": missing}


def quiz_draft_take(session, *, attempt_id: int) -> dict:
    if session is None:
        return {}
    return session.pop(QUIZ_DRAFT.format(attempt_id), None) or {}


def first_input_id(question: dict) -> str:
    if question["type"] in ("single_choice", "multiple_choice", "true_false"):
        return f"q-{question['id']}-0"
    return f"q-{question['id']}"


def questions_with_draft(questions: list[dict], draft: dict) -> tuple[list[dict], list]:
    """The questions with the answers given (`given`) and `missing` set, and the problems for
    the error summary: (id of the question's first input, message)."""
    answers, missing = draft.get("answers") or {}, set(draft.get("missing") or [])
    shown, problems = [], []
    for question in questions:
        # What the teacher just sent, else what was saved page by page.
        given = answers.get(question["id"], question.get("saved", []))
        question = {**question, "given": given}
        question["missing"] = question["id"] in missing
        if question["missing"]:
            problems.append(
                (
                    first_input_id(question),
                    _("Question %(number)s has no answer: %(text)s")
                    % {"number": question["number"], "text": romani_plain(question["text"])[:80]},
                )
            )
        shown.append(question)
    return shown, problems


REFLECTION_DRAFT = "reflection-draft-{}"


def reflection_draft_save(session, *, lesson_id: int, text: str, message: str) -> None:
    """A reflection refused (empty, too long): the text and why, for the lesson page shown next."""
    session[REFLECTION_DRAFT.format(lesson_id)] = {"text": text[:20000], "message": message}


def reflection_draft_take(session, *, lesson_id: int) -> dict:
    if session is None:
        return {}
    return session.pop(REFLECTION_DRAFT.format(lesson_id), None) or {}
