"""Grading rules, on plain question snapshots (no database)."""

from decimal import Decimal

import pytest

from courses import grading

QUESTIONS = [
    {
        "id": "s",
        "type": "single_choice",
        "text": "Single",
        "points": 1,
        "feedback": "FEEDBACK-S",
        "choices": [
            {"id": "s0", "text": "A", "correct": False},
            {"id": "s1", "text": "B", "correct": True},
        ],
    },
    {
        "id": "m",
        "type": "multiple_choice",
        "text": "Multiple",
        "points": 2,
        "feedback": "",
        "choices": [
            {"id": "m0", "text": "A", "correct": True},
            {"id": "m1", "text": "B", "correct": True},
            {"id": "m2", "text": "C", "correct": False},
            {"id": "m3", "text": "D", "correct": False},
        ],
    },
    {"id": "t", "type": "true_false", "text": "TF", "points": 1, "feedback": "", "correct": False},
    {
        "id": "a",
        "type": "short_answer",
        "text": "Short",
        "points": 1,
        "feedback": "",
        "accepted": ["Романи", "romani"],
    },
]

ALL_RIGHT = {"s": ["s1"], "m": ["m0", "m1"], "t": ["false"], "a": ["романи"]}


def test_all_right_scores_100():
    assert grading.grade(QUESTIONS, ALL_RIGHT).score == Decimal("100.00")


def test_single_choice_wrong_earns_nothing():
    result = grading.grade(QUESTIONS, {**ALL_RIGHT, "s": ["s0"]})
    assert result.score == Decimal("80.00")  # 4 of 5 points
    assert result.results[0]["correct"] is False


@pytest.mark.parametrize(
    ("ticked", "earned"),
    [
        (["m0", "m1"], Decimal(2)),
        (["m0"], Decimal(1)),  # one of two right: half the points
        (["m0", "m2"], Decimal(0)),  # one right, one wrong: cancel out
        (["m0", "m1", "m2"], Decimal(1)),  # a wrong tick costs one right tick
        (["m2", "m3"], Decimal(0)),  # never below zero
        (["m0", "m1", "m2", "m3"], Decimal(0)),  # ticking everything earns nothing
    ],
)
def test_multiple_choice_partial_credit(ticked, earned):
    assert grading.question_points(QUESTIONS[1], ticked) == earned


def test_true_false():
    assert grading.question_points(QUESTIONS[2], ["false"]) == 1
    assert grading.question_points(QUESTIONS[2], ["true"]) == 0


@pytest.mark.parametrize(
    "answer",
    ["романи", "  РОМАНИ ", "Pомани", "ROMANI", "романи.", "рoмaни"],  # Latin P, o, a
)
def test_short_answer_ignores_case_spaces_and_lookalikes(answer):
    assert grading.question_points(QUESTIONS[3], [answer]) == 1


def test_short_answer_wrong():
    assert grading.question_points(QUESTIONS[3], ["румънски"]) == 0


def test_normalise_collapses_inner_spaces():
    assert grading.normalise("Ден  на\tромите") == grading.normalise("ден на ромите")


@pytest.mark.parametrize(
    "answers",
    [
        {**ALL_RIGHT, "zzz": ["x"]},  # unknown question
        {**ALL_RIGHT, "s": ["s0", "s1"]},  # two answers to a single choice
        {**ALL_RIGHT, "s": ["m0"]},  # a choice of another question (tampered id)
        {**ALL_RIGHT, "t": ["maybe"]},  # not true or false
        {**ALL_RIGHT, "m": ["m0", "m0"]},  # the same choice twice
        {**ALL_RIGHT, "a": ["x" * 501]},  # too long
        {k: v for k, v in ALL_RIGHT.items() if k != "t"},  # missing answer
        {**ALL_RIGHT, "a": ["   "]},  # blank answer
    ],
)
def test_malformed_answers_are_refused(answers):
    with pytest.raises(grading.AnswerError):
        grading.validate(QUESTIONS, answers)


def test_missing_answers_allowed_after_time_limit_count_as_wrong():
    cleaned = grading.validate(QUESTIONS, {"s": ["s1"]}, allow_missing=True)
    assert grading.grade(QUESTIONS, cleaned).score == Decimal("20.00")


def test_public_questions_carry_no_correctness_data():
    public = grading.public_questions(
        QUESTIONS, seed=1, shuffle_questions=True, shuffle_choices=True
    )
    text = repr(public)
    assert "correct" not in text
    assert "FEEDBACK-S" not in text
    assert "accepted" not in text and "romani" not in text.lower()
    assert sorted(q["number"] for q in public) == [1, 2, 3, 4]


def test_shuffle_is_stable_for_a_seed_and_differs_between_seeds():
    orders = {
        tuple(
            q["id"]
            for q in grading.public_questions(
                QUESTIONS, seed=seed, shuffle_questions=True, shuffle_choices=False
            )
        )
        for seed in range(20)
    }
    again = grading.public_questions(
        QUESTIONS, seed=7, shuffle_questions=True, shuffle_choices=True
    )
    assert again == grading.public_questions(
        QUESTIONS, seed=7, shuffle_questions=True, shuffle_choices=True
    )
    assert len(orders) > 1
