"""Forms that keep what the teacher typed: a partly answered quiz, a refused reflection, and the
pages around them (attempts table, "continue" on My learning)."""

import re

from django.urls import reverse

from courses import services
from courses.models import LessonCompletion, QuizAttempt
from tests.courses.builders import make_course, steps
from tests.courses.test_views import QUESTIONS, RIGHT


def _start(course_client, home_bg, course_teacher):
    course = make_course(home_bg, lessons=0, questions=QUESTIONS, review_policy="passed")
    services.enrollment_create(teacher=course_teacher, course=course)
    quiz = steps(course)[1][0]
    course_client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    return quiz, QuizAttempt.objects.get()


def test_a_partly_answered_quiz_keeps_the_answers_and_marks_every_missing_one(
    course_client, home_bg, course_teacher
):
    quiz, attempt = _start(course_client, home_bg, course_teacher)
    partly = {"q-q2": RIGHT["q-q2"], "q-q4": "романи"}  # q1 and q3 unanswered
    response = course_client.post(reverse("courses:quiz_submit", args=[attempt.pk]), partly)
    assert response["Location"].endswith(quiz.url)
    html = course_client.get(quiz.url).content.decode()

    summary = html.split('id="error-summary"', 1)[1].split("</div>", 1)[0]
    assert 'href="#q-q1-0"' in summary and 'href="#q-q3-0"' in summary
    assert "q-q2" not in summary and "q-q4" not in summary
    assert re.search(r'<div class="error-summary" id="error-summary" tabindex="-1" autofocus', html)
    # The answers given are there again; the unanswered questions are marked.
    assert re.search(r'id="q-q2-0"[^>]*value="q2-0" checked', html)
    assert re.search(r'id="q-q2-1"[^>]*value="q2-1" checked', html)
    assert 'value="романи"' in html
    assert re.search(r'name="q-q1"[^>]*aria-invalid="true"', html)
    assert not re.search(r'name="q-q2"[^>]*aria-invalid', html)
    attempt.refresh_from_db()
    assert attempt.submitted_at is None  # no attempt used

    # The draft is shown once: a reload is a clean page.
    again = course_client.get(quiz.url).content.decode()
    assert "error-summary" not in again and "checked" not in again


def test_attempts_table_has_distinct_headers_and_a_link_that_says_where_it_goes(
    course_client, home_bg, course_teacher
):
    quiz, attempt = _start(course_client, home_bg, course_teacher)
    course_client.post(reverse("courses:quiz_submit", args=[attempt.pk]), RIGHT)
    html = course_client.get(quiz.url).content.decode()
    headers = re.findall(r'<th scope="col">([^<]+)</th>', html)
    assert len(headers) == len(set(headers)) == 3
    assert re.search(r"<a href=\"[^\"]+\">Опит 1: вижте резултата</a>", html)


def test_a_refused_reflection_keeps_the_text_and_links_the_problem(
    course_client, home_bg, course_teacher
):
    course = make_course(home_bg, lessons=1, quizzes=0, reflection_on_first=True)
    services.enrollment_create(teacher=course_teacher, course=course)
    lesson = steps(course)[0][0]
    too_long = "Ще пеем повече. " * 400  # over 5,000 characters
    course_client.post(
        reverse("courses:lesson_complete", args=[lesson.pk]), {"reflection": too_long}
    )
    html = course_client.get(lesson.url).content.decode()
    assert 'href="#reflection"' in html
    assert "Ще пеем повече." in html.split('id="reflection"', 1)[1]
    assert re.search(r'<textarea[^>]*aria-invalid="true"', html)
    assert not LessonCompletion.objects.exists()


def test_my_learning_has_a_continue_link_to_the_course(course_client, home_bg, course_teacher):
    course = make_course(home_bg, lessons=2, quizzes=0)
    services.enrollment_create(teacher=course_teacher, course=course)
    html = course_client.get(reverse("courses:my_learning")).content.decode()
    assert re.search(rf'href="{re.escape(course.url)}#continue"[^>]*>Продължете</a>', html)
    assert 'id="continue"' in course_client.get(course.url).content.decode()


def test_home_page_has_the_teachers_continue_card(course_client, home_bg, course_teacher):
    course = make_course(home_bg, lessons=2, quizzes=0)
    services.enrollment_create(teacher=course_teacher, course=course)
    html = course_client.get(home_bg.url).content.decode()
    card = html.split('class="continue-card"', 1)[1].split("</section>", 1)[0]
    assert f'href="{course.url}#continue"' in card
