"""Question statistics of a quiz (classical test theory), pure: no database, no request.

Each teacher's *first* submitted attempt is the sample (later attempts are taken after seeing the
result, and would make every question look easier than it is), as Moodle's quiz statistics do
by default.

* Facility: the mean share of the question's points earned (for all-or-nothing questions, the
  share of teachers who answered correctly), 0–1.
* Discrimination: the point-biserial correlation between the score on the question and the
  score on the *rest* of the quiz (the question itself left out, so that it does not correlate
  with itself), −1…1. Above 0.3 the question tells stronger teachers from weaker ones; near 0 or
  negative it does not (often a misleading wording or a wrong key).
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from cms.romani import romani_plain

from .grading import MULTIPLE, SHORT, SINGLE, TRUE_FALSE, normalise

#: wrong answers listed per question
TOP_WRONG = 3


@dataclass
class QuestionStats:
    id: str
    number: int
    text: str
    kind: str
    answered: int = 0
    facility: float | None = None
    discrimination: float | None = None
    #: (answer text, how many chose it) for the most chosen wrong answers
    wrong_answers: list[tuple[str, int]] = field(default_factory=list)


def pearson(xs: list[float], ys: list[float]) -> float | None:
    """The correlation of two equally long series; None when either does not vary."""
    if len(xs) < 2:
        return None
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def _wrong_labels(question: dict, given: list[str]) -> list[str]:
    """The wrong parts of one answer, as the author wrote them (choices) or as typed."""
    kind = question["type"]
    if kind in (SINGLE, MULTIPLE):
        texts = {c["id"]: romani_plain(c["text"]) for c in question["choices"] if not c["correct"]}
        return [texts[value] for value in given if value in texts]
    if kind == TRUE_FALSE:
        if given and (given[0] == "true") != question["correct"]:
            return [_("true") if given[0] == "true" else _("false")]
        return []
    if kind == SHORT and given:
        accepted = {normalise(a) for a in question["accepted"]}
        typed = normalise(given[0])
        return [typed] if typed and typed not in accepted else []
    return []


def question_stats(attempts: list[tuple[list, dict, list]], *, order: list[str]) -> list:
    """Statistics per question from (questions, answers, results) of first attempts.

    `order` lists question ids as the quiz now has them; questions no longer in the quiz follow,
    in the order first seen.
    """
    questions: dict[str, dict] = {}
    scores: dict[str, dict[int, float]] = defaultdict(dict)
    wrong: dict[str, Counter] = defaultdict(Counter)
    totals: list[tuple[float, float]] = []  # (earned, possible) per attempt
    for index, (snapshot, answers, results) in enumerate(attempts):
        by_id = {q["id"]: q for q in snapshot}
        earned_total = possible_total = 0.0
        for result in results:
            qid = result["id"]
            question = by_id.get(qid)
            if question is None:
                continue
            if qid not in questions:
                questions[qid] = question
            points, earned = float(result["points"]), float(result["earned"])
            earned_total += earned
            possible_total += points
            scores[qid][index] = earned / points if points else 0.0
            if not result.get("correct"):  # a right answer has nothing wrong to count
                wrong[qid].update(_wrong_labels(question, answers.get(qid, [])))
        totals.append((earned_total, possible_total))

    ids = [qid for qid in order if qid in questions] + [q for q in questions if q not in order]
    stats = []
    for number, qid in enumerate(ids, start=1):
        question, by_attempt = questions[qid], scores[qid]
        item = list(by_attempt.values())
        rest = []
        for index, score in by_attempt.items():
            earned, possible = totals[index]
            points = float(question["points"])
            rest.append((earned - score * points) / (possible - points) if possible > points else 0)
        discrimination = pearson(item, rest)
        stats.append(
            QuestionStats(
                id=qid,
                number=number,
                text=romani_plain(question["text"]),
                kind=question["type"],
                answered=len(item),
                facility=round(statistics.fmean(item), 2) if item else None,
                discrimination=round(discrimination, 2) if discrimination is not None else None,
                wrong_answers=wrong[qid].most_common(TOP_WRONG),
            )
        )
    return stats


@dataclass
class PassDistribution:
    #: teachers who submitted at least one attempt
    teachers: int
    #: (attempt number, teachers who first passed on it), in order
    passed_on: list[tuple[int, int]]
    never_passed: int
    median: float | None


def pass_distribution(rows: list[tuple[int | None, int]]) -> PassDistribution:
    """From (number of the first passing attempt or None, attempts made) per teacher."""
    firsts = [first for first, _tries in rows if first is not None]
    counts = Counter(firsts)
    return PassDistribution(
        teachers=len(rows),
        passed_on=sorted(counts.items()),
        never_passed=len(rows) - len(firsts),
        median=statistics.median(firsts) if firsts else None,
    )


def median_days(durations: list[float]) -> float | None:
    """The median of durations in seconds, in days (one decimal)."""
    if not durations:
        return None
    return round(statistics.median(durations) / 86400, 1)
