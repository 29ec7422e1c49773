"""A quiz's time limit with Moodle's three rules, answers saved as the teacher goes (page turns
without JavaScript, the browser with it), and a scheduled close for attempts left open."""

import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.models import QuizAttempt, QuizPage
from tests.courses.builders import make_course, steps

RIGHT = {"q-single": ["q-single-0"], "q-tf": ["true"]}


@pytest.fixture
def timed(home_bg, course_teacher):
    def build(**rules):
        course = make_course(home_bg, time_limit_minutes=10, slug="timed", **rules)
        enrollment = services.enrollment_create(teacher=course_teacher, course=course)
        for lesson in steps(course)[0]:
            services.lesson_complete(enrollment=enrollment, lesson=lesson)
        quiz = steps(course)[1][0]
        return enrollment, quiz

    return build


def post_form(client, url, answers, *, shown, **extra):
    data = {f"q-{key}": value for key, value in answers.items()} | {"shown": shown} | extra
    return client.post(url, data)


def overdue(attempt, minutes):
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(minutes=minutes)
    )


def test_autosubmit_is_the_default(db):
    assert QuizPage().overdue_handling == QuizPage.Overdue.AUTOSUBMIT


def test_pages_save_answers_without_javascript(course_client, timed):
    enrollment, quiz = timed(questions_per_page=1)
    course_client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get()
    first = course_client.get(quiz.url).content.decode()
    assert "Страница 1 от 2" in first and "q-single" in first and 'name="q-q-tf"' not in first
    response = post_form(
        course_client,
        reverse("courses:quiz_save", args=[attempt.pk]),
        {"q-single": "q-single-0"},
        shown=["q-single"],
        go="2",
    )
    assert response.status_code == 302 and response.url.endswith("?page=2")
    attempt.refresh_from_db()
    assert attempt.answers == {"q-single": ["q-single-0"]} and attempt.saved_at
    second = course_client.get(response.url).content.decode()
    assert 'name="q-q-tf"' in second and 'name="q-q-single"' not in second
    back = course_client.get(quiz.url + "?page=1").content.decode()
    assert 'value="q-single-0" checked' in back
    # The last page's submit completes the answers saved on the first page.
    post_form(
        course_client,
        reverse("courses:quiz_submit", args=[attempt.pk]),
        {"q-tf": "true"},
        shown=["q-tf"],
    )
    attempt.refresh_from_db()
    assert attempt.score == 100 and not attempt.timed_out


def test_the_browser_saves_each_answer(course_client, timed):
    enrollment, quiz = timed()
    course_client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get()
    html = course_client.get(quiz.url).content.decode()
    assert f'data-save-url="{reverse("courses:quiz_save", args=[attempt.pk])}"' in html
    assert 'data-seconds-left="' in html and "courses/quiz" in html
    response = course_client.post(
        reverse("courses:quiz_save", args=[attempt.pk]),
        {"q-q-tf": "true", "shown": ["q-tf"]},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 200 and json.loads(response.content) == {"saved": True}
    attempt.refresh_from_db()
    assert attempt.answers == {"q-tf": ["true"]}


def test_autosubmit_grades_what_was_saved_at_the_limit(course_client, timed):
    enrollment, quiz = timed()
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    services.quiz_attempt_save(
        attempt=attempt, answers={"q-single": ["q-single-0"]}, shown=["q-single"]
    )
    overdue(attempt, 5)
    post_form(
        course_client,
        reverse("courses:quiz_submit", args=[attempt.pk]),
        {"q-single": "q-single-0", "q-tf": "true"},
        shown=["q-single", "q-tf"],
    )
    attempt.refresh_from_db()
    assert attempt.counted and attempt.timed_out
    assert attempt.score == 50  # the late "true" was never graded
    assert attempt.submitted_at == attempt.deadline


def test_attempts_left_open_are_closed_by_the_schedule(timed):
    enrollment, quiz = timed()
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    services.quiz_attempt_save(attempt=attempt, answers=RIGHT, shown=list(RIGHT))
    overdue(attempt, 3)
    out = io.StringIO()
    call_command("close_overdue_attempts", stdout=out)
    assert "1 attempts closed" in out.getvalue()
    attempt.refresh_from_db()
    assert attempt.submitted_at == attempt.deadline and attempt.score == 100
    enrollment.refresh_from_db()
    assert enrollment.is_completed


def test_grace_period_submits_but_does_not_change(course_client, timed):
    enrollment, quiz = timed(overdue_handling="grace", grace_period_minutes=5)
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    services.quiz_attempt_save(attempt=attempt, answers={"q-tf": ["true"]}, shown=["q-tf"])
    overdue(attempt, 2)
    page = course_client.get(quiz.url).content.decode()
    assert "Времето изтече: можете да предадете" in page
    refused = course_client.post(
        reverse("courses:quiz_save", args=[attempt.pk]),
        {"q-q-single": "q-single-0", "shown": ["q-single"]},
        headers={"X-Requested-With": "fetch"},
    )
    assert refused.status_code == 409
    assert "не можете да ги променяте" in json.loads(refused.content)["message"]
    post_form(
        course_client,
        reverse("courses:quiz_submit", args=[attempt.pk]),
        {"q-single": "q-single-0"},
        shown=["q-single"],
    )
    attempt.refresh_from_db()
    assert attempt.counted and attempt.timed_out and attempt.score == 50
    assert attempt.answers["q-single"] == []


def test_after_the_grace_period_the_attempt_is_not_counted(timed):
    enrollment, quiz = timed(overdue_handling="grace", grace_period_minutes=5)
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    services.quiz_attempt_save(attempt=attempt, answers=RIGHT, shown=list(RIGHT))
    overdue(attempt, 8)
    closed = services.quiz_attempt_submit(attempt=attempt, answers=RIGHT)
    assert not closed.counted and not closed.passed and closed.score == 0
    enrollment.refresh_from_db()
    assert not enrollment.is_completed


def test_not_counted_if_late_even_with_right_answers(course_client, timed):
    enrollment, quiz = timed(overdue_handling="abandon", counting="last", attempts_allowed=3)
    first = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    services.quiz_attempt_submit(attempt=first, answers=RIGHT)
    enrollment.refresh_from_db()
    assert enrollment.is_completed
    second = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    overdue(second, 2)
    closed = services.quiz_attempt_submit(attempt=second, answers=RIGHT)
    assert not closed.counted and closed.timed_out
    # "The last attempt counts" skips an attempt that does not count: still passed.
    enrollment.refresh_from_db()
    assert enrollment.is_completed
    html = course_client.get(quiz.url).content.decode()
    assert "не се зачита" in html
    assert quiz.attempts_left(QuizAttempt.objects.count()) == 1


def test_an_overdue_open_attempt_is_closed_before_a_new_one_starts(timed):
    enrollment, quiz = timed(overdue_handling="abandon")
    first = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    overdue(first, 20)
    second = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    first.refresh_from_db()
    assert second.pk != first.pk and second.number == 2
    assert first.submitted_at and not first.counted
