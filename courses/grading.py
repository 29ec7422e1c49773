"""Quiz grading: pure functions over a snapshot of the questions, no database, no request.

A question snapshot is a dict: {"id", "type", "text", "points", "feedback"} plus
"choices" [{"id", "text", "correct"}] for single and multiple choice, "correct" (bool) for true
or false, and "accepted" [str] for short answers.

Answers arrive as {question_id: [str, ...]} (the shape of a form's getlist). They are validated
before anything is graded, so that a malformed submission burns no attempt.

Partial credit for multiple choice: (correct choices ticked − wrong choices ticked) ÷ number of
correct choices, never below zero, times the question's points. Every other type is all or
nothing.
"""

import random
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from cms.romani import romani_plain

SINGLE = "single_choice"
MULTIPLE = "multiple_choice"
TRUE_FALSE = "true_false"
SHORT = "short_answer"
MAX_SHORT_ANSWER = 500

# Latin letters that look like Cyrillic ones, mapped to the Cyrillic letter (after casefolding):
# a teacher typing "Pом" with a Latin P on a mixed keyboard layout still means "Ром".
LOOKALIKES = str.maketrans(
    {
        "a": "а",
        "b": "в",
        "c": "с",
        "e": "е",
        "h": "н",
        "k": "к",
        "m": "м",
        "o": "о",
        "p": "р",
        "t": "т",
        "x": "х",
        "y": "у",
    }
)


class AnswerError(ValueError):
    """A submission that cannot be graded as it is; the message is for the teacher."""


@dataclass(frozen=True)
class Grade:
    score: Decimal
    results: list[dict]

    def passed(self, pass_mark: int) -> bool:
        return self.score >= pass_mark


def normalise(text: str) -> str:
    """Case-, space- and look-alike-insensitive form of a short answer."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"\s+", " ", text).strip(" .,;:!?\"'„“”«»")
    return text.translate(LOOKALIKES)


def snapshot_questions(stream) -> list[dict]:
    """The questions of a quiz's StreamField as plain data (ids included)."""
    questions = []
    for block in stream:
        value = block.value
        question = {
            "id": block.id,
            "type": block.block_type,
            "text": value["text"],
            "points": value.get("points") or 1,
            "feedback": value.get("feedback") or "",
        }
        if block.block_type in (SINGLE, MULTIPLE):
            question["choices"] = [
                {
                    "id": child.id,
                    "text": child.value["text"],
                    "correct": bool(child.value["correct"]),
                }
                for child in value["choices"].bound_blocks
            ]
        elif block.block_type == TRUE_FALSE:
            question["correct"] = bool(value["correct"])
        elif block.block_type == SHORT:
            question["accepted"] = list(value["accepted"])
        questions.append(question)
    return questions


def public_questions(
    questions: list[dict], *, seed: int, shuffle_questions: bool, shuffle_choices: bool
) -> list[dict]:
    """What the browser may see before submitting: no correct flags, answers or feedback.

    The order is derived from the attempt's seed, so a reload shows the same order.
    """
    rng = random.Random(seed)  # noqa: S311 - ordering questions, not security
    shown = []
    for number, question in enumerate(questions, start=1):
        public = {
            "id": question["id"],
            "type": question["type"],
            "text": question["text"],
            "points": question["points"],
            "number": number,
        }
        if question["type"] in (SINGLE, MULTIPLE):
            choices = [{"id": c["id"], "text": c["text"]} for c in question["choices"]]
            if shuffle_choices:
                rng.shuffle(choices)
            public["choices"] = choices
        shown.append(public)
    if shuffle_questions:
        rng.shuffle(shown)
        for number, public in enumerate(shown, start=1):
            public["number"] = number
    return shown


def unanswered(questions: list[dict], raw: dict[str, list[str]]) -> list[str]:
    """The ids of the questions with no answer in `raw`, in the quiz's order."""
    return [q["id"] for q in questions if not any(v.strip() for v in raw.get(q["id"], []))]


def validate(
    questions: list[dict], raw: dict[str, list[str]], *, allow_missing: bool = False
) -> dict[str, list[str]]:
    """Check a submission against the questions; return the cleaned answers or raise."""
    by_id = {q["id"]: q for q in questions}
    unknown = set(raw) - set(by_id)
    if unknown:
        raise AnswerError(
            _(
                "The answers do not match this quiz (an unknown question was sent). Reload the "
                "quiz and answer again; no attempt was used."
            )
        )
    cleaned: dict[str, list[str]] = {}
    for position, question in enumerate(questions, start=1):
        values = [v.strip() for v in raw.get(question["id"], []) if v.strip()]
        if not values:
            if allow_missing:
                cleaned[question["id"]] = []
                continue
            raise AnswerError(
                _(
                    "Please answer every question: question “%(text)s” has no answer. No attempt "
                    "was used."
                )
                % {"text": romani_plain(question["text"])[:80]}
            )
        kind = question["type"]
        if kind in (SINGLE, MULTIPLE):
            choice_ids = {c["id"] for c in question["choices"]}
            if any(v not in choice_ids for v in values) or len(set(values)) != len(values):
                raise _mismatch()
            if kind == SINGLE and len(values) != 1:
                raise _mismatch()
        elif kind == TRUE_FALSE:
            if len(values) != 1 or values[0] not in ("true", "false"):
                raise _mismatch()
        elif kind == SHORT:
            if len(values) != 1 or len(values[0]) > MAX_SHORT_ANSWER:
                raise AnswerError(
                    _(
                        "A short answer must be one line of at most %(max)s characters. No attempt "
                        "was used."
                    )
                    % {"max": MAX_SHORT_ANSWER}
                )
        else:
            raise _mismatch()
        cleaned[question["id"]] = values
        del position
    return cleaned


def _mismatch() -> AnswerError:
    return AnswerError(
        _(
            "An answer does not fit its question (it may have been altered). Reload the quiz and "
            "answer again; no attempt was used."
        )
    )


def question_points(question: dict, values: list[str]) -> Decimal:
    """Points earned for one validated answer."""
    points = Decimal(question["points"])
    kind = question["type"]
    if not values:
        return Decimal(0)
    if kind == SINGLE:
        correct = {c["id"] for c in question["choices"] if c["correct"]}
        return points if values[0] in correct else Decimal(0)
    if kind == MULTIPLE:
        correct = {c["id"] for c in question["choices"] if c["correct"]}
        ticked = set(values)
        right = len(ticked & correct)
        wrong = len(ticked - correct)
        share = Decimal(max(0, right - wrong)) / Decimal(len(correct))
        return points * share
    if kind == TRUE_FALSE:
        return points if (values[0] == "true") == question["correct"] else Decimal(0)
    if kind == SHORT:
        accepted = {normalise(a) for a in question["accepted"]}
        return points if normalise(values[0]) in accepted else Decimal(0)
    return Decimal(0)


def grade(questions: list[dict], answers: dict[str, list[str]]) -> Grade:
    total = Decimal(0)
    earned_total = Decimal(0)
    results = []
    for question in questions:
        points = Decimal(question["points"])
        earned = question_points(question, answers.get(question["id"], []))
        total += points
        earned_total += earned
        results.append(
            {
                "id": question["id"],
                "points": str(points),
                "earned": str(earned.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)),
                "correct": earned == points,
            }
        )
    if total == 0:
        score = Decimal(0)
    else:
        score = (earned_total * 100 / total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Grade(score=score, results=results)


def review(questions: list[dict], answers: dict[str, list[str]], results: list[dict]) -> list[dict]:
    """Each question with the teacher's answer, the correct answer and feedback, for review."""
    by_id = {r["id"]: r for r in results}
    rows = []
    for question in questions:
        given = answers.get(question["id"], [])
        row = {
            "text": question["text"],
            "feedback": question["feedback"],
            "correct": by_id.get(question["id"], {}).get("correct", False),
            "earned": by_id.get(question["id"], {}).get("earned", "0"),
            "points": question["points"],
            "type": question["type"],
        }
        if question["type"] in (SINGLE, MULTIPLE):
            row["choices"] = [
                {"text": c["text"], "correct": c["correct"], "chosen": c["id"] in given}
                for c in question["choices"]
            ]
        elif question["type"] == TRUE_FALSE:
            row["given"] = given[0] if given else ""
            row["expected"] = "true" if question["correct"] else "false"
        else:
            row["given"] = given[0] if given else ""
            row["expected"] = question["accepted"][0]
        rows.append(row)
    return rows
