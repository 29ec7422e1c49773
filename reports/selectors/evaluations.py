"""Course evaluations for coordinators: never a name, and nothing at all below five responses in
the coordinator's scope (fewer answers could be told apart). Two queries whatever the numbers."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from courses.models import CourseEvaluation, CoursePage
from schools import scoping

#: below this many responses in the viewer's scope the answers are withheld
ANONYMITY_THRESHOLD = 5


@dataclass
class QuestionResult:
    text: str
    kind: str
    ratings: list[int] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def average(self) -> float | None:
        return round(statistics.fmean(self.ratings), 2) if self.ratings else None

    @property
    def distribution(self) -> list[tuple[int, int]]:
        return [(n, self.ratings.count(n)) for n in range(1, 6)]


@dataclass
class EvaluationSummary:
    responses: int
    shown: bool
    questions: list[QuestionResult]


def evaluated_courses():
    """Courses with at least one evaluation (one query; responses point at canonical courses)."""
    return CoursePage.objects.filter(evaluations__isnull=False).distinct().order_by("path")


def evaluations_visible_to(viewer, *, course):
    """The responses of the teachers the viewer may see (national: all)."""
    responses = CourseEvaluation.objects.filter(course=course)
    if scoping.is_national(viewer):
        return responses
    return responses.filter(enrollment__school__in=scoping.schools_visible_to(viewer))


def evaluation_summary(*, viewer, course) -> EvaluationSummary:
    rows = list(
        evaluations_visible_to(viewer, course=course)
        .order_by("?")  # comments in no order that could follow a teacher's arrival
        .values_list("questions", "answers")
    )
    shown = len(rows) >= ANONYMITY_THRESHOLD
    results: dict[str, QuestionResult] = {}
    for questions, answers in rows if shown else []:
        for item in questions:
            result = results.setdefault(item["id"], QuestionResult(item["text"], item["kind"]))
            value = answers.get(item["id"])
            if item["kind"] == "rating" and isinstance(value, int):
                result.ratings.append(value)
            elif value:
                result.comments.append(value)
    return EvaluationSummary(responses=len(rows), shown=shown, questions=list(results.values()))


def evaluation_export_rows(*, course) -> list[list]:
    """For the national coordinator's export: one row per response, the region and the answers,
    no name, no school."""
    rows = list(
        CourseEvaluation.objects.filter(course=course)
        .select_related("enrollment__school__municipality__district__region")
        .order_by("submitted_at", "pk")
    )
    header_items: dict[str, str] = {}
    for row in rows:
        for item in row.questions:
            header_items.setdefault(item["id"], item["text"])
    table = [[_("Month"), _("Planning region"), *header_items.values()]]
    for row in rows:
        school = row.enrollment.school
        region = school.municipality.district.region.name if school else ""
        table.append(
            [f"{row.submitted_at:%Y-%m}", region]
            + [row.answers.get(qid, "") for qid in header_items]
        )
    return table
