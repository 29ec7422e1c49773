"""The course evaluation: a completed teacher's certificate waits for her answers; bad answers
are refused in Bulgarian and kept; one evaluation per enrollment."""

import pytest
from django.urls import reverse

from courses import services
from courses.models import Certificate, CourseEvaluation
from tests.courses.builders import steps
from tests.factories import CourseEvaluationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def evaluated(course):
    form = CourseEvaluationPageFactory(parent=course, slug="otsenka")
    return course, form


def finish(course, teacher):
    enrollment = services.enrollment_create(teacher=teacher, course=course)
    lessons, quizzes = steps(course)
    for lesson in lessons:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quizzes[0])
    right = {}
    for q in attempt.questions:
        if q["type"] == "true_false":
            right[q["id"]] = ["true" if q["correct"] else "false"]
        else:
            right[q["id"]] = [c["id"] for c in q["choices"] if c["correct"]]
    services.quiz_attempt_submit(attempt=attempt, answers=right)
    enrollment.refresh_from_db()
    return enrollment


def test_the_certificate_waits_for_the_evaluation(client, evaluated, course_teacher):
    course, form = evaluated
    enrollment = finish(course, course_teacher)
    assert enrollment.is_completed
    assert not Certificate.objects.filter(enrollment=enrollment).exists()
    client.force_login(course_teacher)
    page = client.get(course.url)
    assert form.url in page.text and "Оценете обучението" in page.text

    response = client.post(
        reverse("courses:evaluation_submit", args=[form.pk]),
        {"q-r-useful": "5", "q-r-trainer": "4", "q-t-change": "Повече примери от практиката."},
    )
    assert response.status_code == 302
    evaluation = CourseEvaluation.objects.get(enrollment=enrollment)
    assert evaluation.answers["t-change"] == "Повече примери от практиката."
    assert Certificate.objects.filter(enrollment=enrollment).exists()
    # A second post changes nothing.
    client.post(reverse("courses:evaluation_submit", args=[form.pk]), {"q-r-useful": "1"})
    assert CourseEvaluation.objects.get(enrollment=enrollment).answers["r-useful"] == 5


def test_missing_ratings_are_refused_and_what_was_typed_is_kept(client, evaluated, course_teacher):
    course, form = evaluated
    finish(course, course_teacher)
    client.force_login(course_teacher)
    response = client.post(
        reverse("courses:evaluation_submit", args=[form.pk]),
        {"q-r-useful": "9", "q-t-change": "Моят коментар"},
    )
    assert response.status_code == 400
    assert "от 1 до 5" in response.text
    assert "Моят коментар" in response.text
    assert not CourseEvaluation.objects.exists()


def test_the_evaluation_is_refused_before_the_last_step(client, evaluated, course_teacher):
    course, form = evaluated
    services.enrollment_create(teacher=course_teacher, course=course)
    client.force_login(course_teacher)
    assert "след като завършите" in client.get(form.url).text
    response = client.post(
        reverse("courses:evaluation_submit", args=[form.pk]),
        {"q-r-useful": "5", "q-r-trainer": "5"},
        follow=True,
    )
    assert not CourseEvaluation.objects.exists()
    assert "след като завършите" in response.text


def test_someone_not_enrolled_cannot_evaluate(client, evaluated, teacher):
    _course, form = evaluated
    client.force_login(teacher)
    response = client.post(
        reverse("courses:evaluation_submit", args=[form.pk]), {"q-r-useful": "5"}
    )
    assert response.status_code == 404


def test_a_course_without_a_form_issues_the_certificate_at_once(course, course_teacher):
    enrollment = finish(course, course_teacher)
    assert Certificate.objects.filter(enrollment=enrollment).exists()
