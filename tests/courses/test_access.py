"""Who may open a course's lessons and quizzes (courses.access), case by case, and where the
lesson page sends a teacher next (never off the site)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from courses.access import Reason, enrollment_for, step_refusal
from courses.models import LessonCompletion, QuizAttempt
from tests.courses.builders import make_course, steps
from tests.courses.test_translations import translate
from tests.factories import UserFactory, make_teacher


@pytest.fixture
def enrolled(course, course_teacher):
    return services.enrollment_create(teacher=course_teacher, course=course)


# --- enrollment_for ----------------------------------------------------------------------


def test_enrollment_for_an_anonymous_visitor_is_none_without_a_query(
    course, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert enrollment_for(user=AnonymousUser(), course=course) is None


def test_enrollment_for_finds_the_enrollment_through_any_translation(
    course, course_teacher, enrolled, locale_en, home_en, django_assert_num_queries
):
    translate(course.get_parent(), locale_en, "Courses")
    course_en = translate(course, locale_en, "Course in English")
    with django_assert_num_queries(1):
        found = enrollment_for(user=course_teacher, course=course_en)
        assert found == enrolled
        # The certificate (none yet) comes with it.
        assert not hasattr(found, "certificate")
    with django_assert_num_queries(1):  # read in a translation: the canonical course, once
        assert found.course.pk == course.pk
        assert found.course.title == course.title


def test_enrollment_for_hands_over_the_course_read_in_its_own_language(
    course, course_teacher, enrolled, django_assert_num_queries
):
    with django_assert_num_queries(1):
        found = enrollment_for(user=course_teacher, course=course)
        assert found == enrolled
        assert found.course is course
        assert not hasattr(found, "certificate")


def test_a_lesson_or_quiz_page_reads_the_enrollment_without_the_certificate(
    course, course_teacher, enrolled, django_assert_num_queries
):
    with django_assert_num_queries(1):
        found = enrollment_for(user=course_teacher, course=course, certificate=False)
        assert found == enrolled and found.course is course
    assert "certificate" not in found._state.fields_cache


def test_enrollment_for_is_per_teacher_and_per_course(home_bg, course, enrolled):
    other_course = make_course(home_bg, slug="other")
    colleague = make_teacher(email="colleague@example.test")
    assert enrollment_for(user=colleague, course=course) is None
    assert enrollment_for(user=enrolled.teacher, course=other_course) is None


# --- step_refusal, one case at a time ------------------------------------------------------


def test_anonymous_visitors_are_asked_to_log_in(course):
    lesson = steps(course)[0][0]
    refusal = step_refusal(user=AnonymousUser(), page=lesson)
    assert refusal.reason == Reason.LOGIN


def test_a_teacher_not_enrolled_is_sent_to_enroll(course, course_teacher):
    lesson, quiz = steps(course)[0][0], steps(course)[1][0]
    for page in (lesson, quiz):
        refusal = step_refusal(user=course_teacher, page=page)
        assert refusal.reason == Reason.NOT_ENROLLED
        assert refusal.page.pk == course.pk
        assert "Enroll" in str(refusal.message) or "Запишете" in str(refusal.message)


@pytest.mark.parametrize("role", ["author", "coordinator", "national"])
def test_other_roles_are_refused_like_anyone_not_enrolled(course, role):
    user = UserFactory(email=f"{role}@example.test")
    lesson = steps(course)[0][0]
    assert step_refusal(user=user, page=lesson).reason == Reason.NOT_ENROLLED


def test_enrolled_in_another_course_is_not_enough(home_bg, course, course_teacher):
    other = make_course(home_bg, slug="other")
    services.enrollment_create(teacher=course_teacher, course=other)
    lesson = steps(course)[0][0]
    assert step_refusal(user=course_teacher, page=lesson).reason == Reason.NOT_ENROLLED


def test_the_enrolled_teacher_may_open_every_step(course, course_teacher, enrolled):
    lessons, quizzes = steps(course)
    for page in (*lessons, *quizzes):
        assert step_refusal(user=course_teacher, page=page) is None
        # The step page passes the enrollment it has read: the same answer.
        assert step_refusal(user=course_teacher, page=page, enrollment=enrolled) is None


def test_enrolled_in_bulgarian_opens_the_english_steps(
    course, course_teacher, enrolled, locale_en, home_en
):
    translate(course.get_parent(), locale_en, "Courses")
    translate(course, locale_en, "Course in English")
    lesson_en = translate(steps(course)[0][0], locale_en, "Lesson one")
    assert step_refusal(user=course_teacher, page=lesson_en) is None


# --- the same refusals over HTTP -----------------------------------------------------------


def test_anonymous_lesson_and_quiz_go_to_login_and_come_back(client, course):
    lesson, quiz = steps(course)[0][0], steps(course)[1][0]
    for page in (lesson, quiz):
        response = client.get(page.url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={page.url}"


def test_not_enrolled_goes_to_the_course_page_with_a_message(client, course, course_teacher):
    client.force_login(course_teacher)
    quiz = steps(course)[1][0]
    response = client.get(quiz.url, follow=True)
    assert response.redirect_chain == [(course.url, 302)]
    assert "Запишете се в обучението" in response.content.decode()


def test_not_enrolled_on_the_english_page_goes_to_the_english_course(
    client, course, course_teacher, locale_en, home_en
):
    translate(course.get_parent(), locale_en, "Courses")
    course_en = translate(course, locale_en, "Course in English")
    lesson_en = translate(steps(course)[0][0], locale_en, "Lesson one")
    client.force_login(course_teacher)
    response = client.get(lesson_en.url)
    assert response.status_code == 302 and response["Location"] == course_en.url


def test_starting_a_quiz_of_a_course_not_enrolled_in_is_404(client, course, course_teacher):
    client.force_login(course_teacher)
    quiz = steps(course)[1][0]
    response = client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    assert response.status_code == 404
    assert not QuizAttempt.objects.exists()


@pytest.mark.parametrize("kind", ["lesson", "quiz"])
def test_a_step_page_reads_the_enrollment_once(client, course, course_teacher, enrolled, kind):
    lessons, quizzes = steps(course)
    page = lessons[0] if kind == "lesson" else quizzes[0]
    client.force_login(course_teacher)
    client.get(page.url)  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url)
    assert response.status_code == 200
    reads = [q["sql"] for q in captured if 'FROM "courses_enrollment"' in q["sql"]]
    assert len(reads) == 1


# --- where "Mark complete" sends the teacher next --------------------------------------------


def _complete(client, lesson, following, **extra):
    return client.post(reverse("courses:lesson_complete", args=[lesson.pk]), following, **extra)


HOSTILE_NEXT = [
    "//evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example/",
    "https://evil.example/",
    "http://evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "///evil.example",
    " //evil.example",
    "\t//evil.example",
    "https:evil.example",
]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_complete_never_redirects_off_the_site(course_client, course, enrolled, target):
    lesson = steps(course)[0][0]
    response = _complete(course_client, lesson, {"next": target})
    assert response.status_code == 302
    assert response["Location"] == lesson.url
    # The lesson is completed all the same: only the redirect is refused.
    assert LessonCompletion.objects.filter(lesson=lesson).exists()


def test_complete_goes_to_the_next_step_on_this_site(course_client, course, enrolled):
    first, second = steps(course)[0]
    response = _complete(course_client, first, {"next": second.url})
    assert response["Location"] == second.url


def test_an_absolute_url_of_this_site_is_kept(course_client, course, enrolled):
    first, second = steps(course)[0]
    target = f"http://testserver{second.url}"
    assert _complete(course_client, first, {"next": target})["Location"] == target


def test_from_https_the_next_page_is_never_plain_http(course_client, course, enrolled):
    first, second = steps(course)[0]
    response = _complete(
        course_client, first, {"next": f"http://testserver{second.url}"}, secure=True
    )
    assert response["Location"] == first.url
