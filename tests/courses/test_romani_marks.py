"""Romani words inside Bulgarian quiz questions, choices and feedback are marked lang="rom" where
they are shown, and plain where markup has no place."""

from django.urls import reverse

from courses import services
from courses.models import QuizAttempt
from tests.courses.builders import make_course, single, steps

QUESTION = "Как наричат ромите празника [rom]Ederlezi[/rom] на български?"
QUESTIONS = [
    single(
        "q1",
        QUESTION,
        ["Херделез", "[rom]Bango Vasili[/rom]"],
        0,
        feedback="Херделез е [rom]Ederlezi[/rom] <на романи>.",
    )
]


def test_quiz_and_review_mark_the_romani_words(home_bg, course_client, course_teacher):
    course = make_course(home_bg, lessons=0, questions=QUESTIONS, review_policy="passed")
    services.enrollment_create(teacher=course_teacher, course=course)
    quiz = steps(course)[1][0]
    course_client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    html = course_client.get(quiz.url).content.decode()
    assert 'празника <span lang="rom">Ederlezi</span> на български?</legend>' in html
    assert '> <span lang="rom">Bango Vasili</span></label>' in html
    assert "[rom]" not in html

    attempt = QuizAttempt.objects.get()
    course_client.post(reverse("courses:quiz_submit", args=[attempt.pk]), {"q-q1": "q1-0"})
    review = course_client.get(reverse("courses:attempt", args=[attempt.pk])).content.decode()
    assert '<span lang="rom">Ederlezi</span> &lt;на романи&gt;.' in review  # escaped, marked
    assert "[rom]" not in review


def test_an_unanswered_question_is_named_without_the_marks(home_bg, course_client, course_teacher):
    course = make_course(home_bg, lessons=0, questions=QUESTIONS)
    services.enrollment_create(teacher=course_teacher, course=course)
    quiz = steps(course)[1][0]
    course_client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    attempt = QuizAttempt.objects.get()
    course_client.post(reverse("courses:quiz_submit", args=[attempt.pk]), {})
    html = course_client.get(quiz.url).content.decode()
    summary = html.split('class="error-summary', 1)[1].split("</div>", 1)[0]
    assert "празника Ederlezi на български?" in summary
