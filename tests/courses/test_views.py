"""The course, lesson and quiz pages and the POST actions behind them."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from courses import services
from courses.models import Enrollment, LessonCompletion, QuizAttempt
from tests.courses.builders import (
    make_course,
    multiple,
    short,
    single,
    steps,
    true_false,
)
from tests.factories import UserFactory, make_teacher

SECRET_FEEDBACK = "ОБЯСНЕНИЕ-ЗА-ПРОВЕРКА"


def test_course_page_for_anonymous_invites_to_log_in(client, course):
    response = client.get(course.url)
    assert response.status_code == 200
    # the same for every anonymous visitor: kept by cms.caching, revalidated each time
    assert "public" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    assert reverse("login") in response.content.decode()
    assert b'method="post"' not in response.content or b"enroll" not in response.content


def test_course_pages_are_never_publicly_cached(course_client, course, course_teacher):
    services.enrollment_create(teacher=course_teacher, course=course)
    (lesson, _), (quiz,) = steps(course)
    for url in (course.url, lesson.url, quiz.url, course.get_parent().url):
        response = course_client.get(url)
        assert response.status_code == 200, url
        assert "max-age=0" in response["Cache-Control"]
        assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_enroll_without_a_session_logs_in_and_comes_back_to_the_course_page(
    client, course, course_teacher
):
    enroll = reverse("courses:enroll", args=[course.pk])
    response = client.post(enroll)
    assert response.status_code == 302
    login_url = response["Location"]
    assert enroll not in login_url  # a POST-only URL would answer 405 after logging in
    page = client.get(login_url)
    assert page.status_code == 200
    assert page.context["next"] == course.url
    assert not Enrollment.objects.exists()


def test_enroll_needs_a_post(course_client, course):
    response = course_client.get(reverse("courses:enroll", args=[course.pk]))
    assert response.status_code == 405
    assert not Enrollment.objects.exists()


def test_enroll_needs_csrf(course, course_teacher):
    client = Client(enforce_csrf_checks=True)
    client.force_login(course_teacher)
    response = client.post(reverse("courses:enroll", args=[course.pk]))
    assert response.status_code == 403
    assert not Enrollment.objects.exists()


def test_enroll_button_enrolls_and_shows_progress(course_client, course, course_teacher):
    page = course_client.get(course.url).content.decode()
    assert reverse("courses:enroll", args=[course.pk]) in page
    response = course_client.post(reverse("courses:enroll", args=[course.pk]))
    assertRedirects(response, course.url, fetch_redirect_response=False)
    enrollment = Enrollment.objects.get()
    assert enrollment.teacher == course_teacher
    assert enrollment.school == course_teacher.school
    page = course_client.get(course.url).content.decode()
    assert "<progress" in page
    lesson = steps(course)[0][0]
    assert lesson.url in page  # "start the course" points at the first lesson


def test_non_teacher_cannot_enroll(client, course):
    client.force_login(UserFactory())
    client.post(reverse("courses:enroll", args=[course.pk]))
    assert not Enrollment.objects.exists()


def test_lesson_page_needs_login_and_enrollment(client, course, course_teacher):
    lesson = steps(course)[0][0]
    response = client.get(lesson.url)
    assertRedirects(
        response, f"{reverse('login')}?next={lesson.url}", fetch_redirect_response=False
    )
    client.force_login(course_teacher)
    response = client.get(lesson.url)
    assertRedirects(response, course.url, fetch_redirect_response=False)


def test_mark_lesson_complete_and_continue(course_client, course, course_teacher):
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    (first, second), _ = steps(course)
    page = course_client.get(first.url).content.decode()
    assert second.url in page  # next
    response = course_client.post(
        reverse("courses:lesson_complete", args=[first.pk]), {"next": second.url}
    )
    assertRedirects(response, second.url, fetch_redirect_response=False)
    assert LessonCompletion.objects.filter(enrollment=enrollment, lesson=first).exists()
    page = course_client.get(course.url).content.decode()
    assert "Продължете оттам, докъдето стигнахте" in page or second.url in page
    assert 'value="33"' in page


def test_complete_rejects_offsite_next(course_client, course, course_teacher):
    services.enrollment_create(teacher=course_teacher, course=course)
    first = steps(course)[0][0]
    response = course_client.post(
        reverse("courses:lesson_complete", args=[first.pk]), {"next": "//evil.example/"}
    )
    assert response["Location"] == first.url


def test_missing_reflection_shows_a_message(client, home_bg, course_teacher):
    course = make_course(home_bg, reflection_on_first=True)
    services.enrollment_create(teacher=course_teacher, course=course)
    client.force_login(course_teacher)
    first = steps(course)[0][0]
    response = client.post(reverse("courses:lesson_complete", args=[first.pk]), follow=True)
    assert "рефлексия" in response.content.decode().lower()
    assert not LessonCompletion.objects.exists()


def test_someone_elses_lesson_completion_is_refused(client, course):
    client.force_login(make_teacher(email="not-enrolled@example.test"))
    first = steps(course)[0][0]
    response = client.post(reverse("courses:lesson_complete", args=[first.pk]))
    assert response.status_code == 404
    assert not LessonCompletion.objects.exists()


QUESTIONS = [
    single(
        "q1",
        "Кой ден е Международният ден на ромите?",
        ["8 април", "3 март"],
        0,
        feedback=SECRET_FEEDBACK,
    ),
    multiple(
        "q2",
        "Кои са ромски празници?",
        ["Василица", "Херделез", "Коледа"],
        {0, 1},
        feedback=SECRET_FEEDBACK,
    ),
    true_false("q3", "Романи има диалекти.", True, feedback=SECRET_FEEDBACK),
    short("q4", "Как се казва езикът на ромите?", ["ТАЙНИЯТОТГОВОР"], feedback=SECRET_FEEDBACK),
]
RIGHT = {"q-q1": "q1-0", "q-q2": ["q2-0", "q2-1"], "q-q3": "true", "q-q4": "тайниятотговор"}


@pytest.fixture
def quiz_setup(home_bg, course_client, course_teacher):
    course = make_course(home_bg, lessons=0, questions=QUESTIONS, review_policy="passed")
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    quiz = steps(course)[1][0]
    return course, quiz, enrollment


def test_quiz_page_has_no_correctness_data(course_client, quiz_setup):
    _course, quiz, _enrollment = quiz_setup
    course_client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    html = course_client.get(quiz.url).content.decode()
    assert "Кой ден е Международният ден на ромите?" in html
    assert 'name="q-q1"' in html
    assert SECRET_FEEDBACK not in html
    assert "ТАЙНИЯТОТГОВОР".lower() not in html.lower()
    assert "correct" not in html.lower()
    assert "data-correct" not in html and "application/json" not in html
    # The raw stored questions (with answers) are not in the page in any form.
    assert json.dumps(QUESTIONS[0]["value"]["choices"][0]["value"]) not in html


def test_quiz_start_needs_post(course_client, quiz_setup):
    _course, quiz, _enrollment = quiz_setup
    assert course_client.get(reverse("courses:quiz_start", args=[quiz.pk])).status_code == 405
    assert not QuizAttempt.objects.exists()


def test_quiz_submit_grades_and_shows_review(course_client, quiz_setup):
    _course, quiz, enrollment = quiz_setup
    course_client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get()
    response = course_client.post(reverse("courses:quiz_submit", args=[attempt.pk]), RIGHT)
    assertRedirects(
        response, reverse("courses:attempt", args=[attempt.pk]), fetch_redirect_response=False
    )
    result = course_client.get(response["Location"]).content.decode()
    assert "100" in result
    assert SECRET_FEEDBACK in result  # review after passing
    enrollment.refresh_from_db()
    assert enrollment.is_completed


def test_review_hidden_after_failing_with_after_passing_policy(course_client, quiz_setup):
    _course, quiz, _enrollment = quiz_setup
    course_client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get()
    wrong = {**RIGHT, "q-q1": "q1-1", "q-q3": "false", "q-q4": "не знам"}
    course_client.post(reverse("courses:quiz_submit", args=[attempt.pk]), wrong)
    result = course_client.get(reverse("courses:attempt", args=[attempt.pk])).content.decode()
    assert SECRET_FEEDBACK not in result
    assert "тайниятотговор" not in result.lower()


def test_review_after_last_attempt(home_bg, course_client, course_teacher):
    course = make_course(
        home_bg, lessons=0, questions=QUESTIONS, review_policy="last", attempts_allowed=1
    )
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    quiz = steps(course)[1][0]
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    wrong = {"q1": ["q1-1"], "q2": ["q2-2"], "q3": ["false"], "q4": ["не"]}
    services.quiz_attempt_submit(attempt=attempt, answers=wrong)
    result = course_client.get(reverse("courses:attempt", args=[attempt.pk])).content.decode()
    assert SECRET_FEEDBACK in result


def test_review_never(home_bg, course_client, course_teacher):
    course = make_course(home_bg, lessons=0, questions=QUESTIONS, review_policy="never")
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    quiz = steps(course)[1][0]
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    answers = {k[2:]: v if isinstance(v, list) else [v] for k, v in RIGHT.items()}
    services.quiz_attempt_submit(attempt=attempt, answers=answers)
    result = course_client.get(reverse("courses:attempt", args=[attempt.pk])).content.decode()
    assert SECRET_FEEDBACK not in result


def test_malformed_submission_shows_message_and_keeps_attempt_open(course_client, quiz_setup):
    _course, quiz, _enrollment = quiz_setup
    course_client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get()
    response = course_client.post(
        reverse("courses:quiz_submit", args=[attempt.pk]), {**RIGHT, "q-q1": "q2-0"}, follow=True
    )
    assert response.status_code == 200
    assert "не е използван" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_someone_elses_attempt_cannot_be_submitted_or_read(client, quiz_setup):
    _course, quiz, enrollment = quiz_setup
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    client.force_login(make_teacher(email="intruder@example.test"))
    assert client.post(reverse("courses:quiz_submit", args=[attempt.pk]), RIGHT).status_code == 404
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert client.get(reverse("courses:attempt", args=[attempt.pk])).status_code == 404


def test_double_submit_over_http_is_a_no_op(course_client, quiz_setup):
    _course, quiz, _enrollment = quiz_setup
    course_client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get()
    first = course_client.post(reverse("courses:quiz_submit", args=[attempt.pk]), RIGHT)
    second = course_client.post(reverse("courses:quiz_submit", args=[attempt.pk]), {})
    assert first["Location"] == second["Location"]
    assert QuizAttempt.objects.count() == 1


def test_editor_preview_of_a_lesson_needs_no_enrollment(course):
    lesson = steps(course)[0][0]
    response = lesson.make_preview_request()
    assert response.status_code == 200
    assert f"<h1>{lesson.title}</h1>" in response.content.decode()


# --- Query budgets: the same number of queries for 3 and 30 steps, questions and attempts.


def _count(django_assert_max_num_queries, client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("size", [3, 30])
def test_course_page_query_budget(home_bg, client, size, django_assert_num_queries):
    course = make_course(home_bg, lessons=size, quizzes=size, slug=f"budget-{size}")
    teacher = make_teacher(email=f"budget{size}@example.test")
    enrollment = services.enrollment_create(teacher=teacher, course=course)
    lessons, quizzes = steps(course)
    for lesson in lessons[: size - 1]:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    for quiz in quizzes[:size]:
        attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
        services.quiz_attempt_submit(
            attempt=attempt, answers={"q-single": ["q-single-1"], "q-tf": ["false"]}
        )
    client.force_login(teacher)
    client.get(course.url)  # warm per-process caches (site root paths, content types)
    with django_assert_num_queries(COURSE_PAGE_QUERIES):
        response = client.get(course.url)
    assert response.content.decode().count('class="outline__step') == 2 * size


@pytest.mark.parametrize("size", [3, 30])
def test_quiz_page_query_budget(home_bg, client, size, django_assert_num_queries):
    questions = [single(f"q{n}", f"Въпрос {n}", ["да", "не"], 0) for n in range(size)]
    course = make_course(
        home_bg, lessons=1, questions=questions, attempts_allowed=0, slug=f"qb-{size}"
    )
    teacher = make_teacher(email=f"qb{size}@example.test")
    enrollment = services.enrollment_create(teacher=teacher, course=course)
    quiz = steps(course)[1][0]
    for _ in range(size):
        attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
        services.quiz_attempt_submit(
            attempt=attempt, answers={f"q{n}": [f"q{n}-1"] for n in range(size)}
        )
    services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    client.force_login(teacher)
    client.get(quiz.url)
    with django_assert_num_queries(QUIZ_PAGE_QUERIES):
        response = client.get(quiz.url)
    html = response.content.decode()
    assert html.count('class="question"') == size
    assert html.count("/learning/attempts/") >= size


# see tests/courses/test_query_budgets.py for the other pages; the course page reads the
# teacher's assignment of the course too (the same for any size).
COURSE_PAGE_QUERIES = 8
QUIZ_PAGE_QUERIES = 8


def test_sequential_course_shows_locked_steps_without_actions(home_bg, client):
    course = make_course(home_bg, sequential=True, slug="seq")
    teacher = make_teacher(email="seq@example.test")
    services.enrollment_create(teacher=teacher, course=course)
    client.force_login(teacher)
    (first, second), (quiz,) = steps(course)
    outline = client.get(course.url).content.decode()
    assert first.url in outline and second.url not in outline
    lesson_html = client.get(second.url).content.decode()
    assert reverse("courses:lesson_complete", args=[second.pk]) not in lesson_html
    assert "отваря след предишните задължителни стъпки" in lesson_html
    quiz_html = client.get(quiz.url).content.decode()
    assert reverse("courses:quiz_start", args=[quiz.pk]) not in quiz_html


def test_editor_preview_of_a_quiz_shows_questions_without_answers(home_bg):
    course = make_course(home_bg, lessons=0, questions=QUESTIONS, slug="preview")
    quiz = steps(course)[1][0]
    html = quiz.make_preview_request().content.decode()
    assert "Кой ден е Международният ден на ромите?" in html
    assert SECRET_FEEDBACK not in html
    assert "тайниятотговор" not in html.lower()
