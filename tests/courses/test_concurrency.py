"""Races: real concurrent requests, each thread with its own database connection.

On PostgreSQL (CI runs the suite there too) the requests really race and the services' row locks
(select_for_update) are what keeps the invariants. The SQLite test database is an in-memory
shared-cache database whose table locks fail instead of waiting, so there the same threads take
turns request by request: the invariants (one grading, the attempt limit, the register) are still
checked against repeated requests, but the race itself is proven on PostgreSQL.
"""

import threading
from contextlib import nullcontext

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from courses import services
from courses.models import Certificate, Enrollment, QuizAttempt
from tests.courses.builders import make_course, steps
from tests.factories import make_teacher

# serialized_rollback restores what the data migrations created (groups, home pages, districts).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RIGHT = {"q-q-single": "q-single-0", "q-q-tf": "true"}
WRONG = {"q-q-single": "q-single-1", "q-q-tf": "false"}


def run_together(count, work):
    """Run work(i) in `count` threads released at the same moment; return results/errors."""
    barrier = threading.Barrier(count)
    results = [None] * count
    turns = threading.Lock() if connection.vendor == "sqlite" else nullcontext()

    def runner(i):
        try:
            barrier.wait()
            with turns:
                results[i] = work(i)
        except Exception as error:  # noqa: BLE001 - reported to the test below
            results[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def setup(django_db_blocker):
    from cms.models import HomePage

    home = HomePage.objects.get(locale__language_code="bg")
    course = make_course(home, lessons=1, attempts_allowed=2)
    teacher = make_teacher(email="race@example.test")
    enrollment = services.enrollment_create(teacher=teacher, course=course)
    quiz = steps(course)[1][0]
    return teacher, enrollment, quiz


def logged_in(teacher):
    client = Client()
    client.force_login(teacher)
    return client


def test_concurrent_submits_of_one_attempt_grade_it_once(setup):
    teacher, enrollment, quiz = setup
    attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
    url = reverse("courses:quiz_submit", args=[attempt.pk])
    clients = [logged_in(teacher) for _ in range(6)]
    # Half send right answers, half wrong ones: only the first one to get the lock counts.
    responses = run_together(6, lambda i: clients[i].post(url, RIGHT if i % 2 else WRONG))
    assert all(getattr(r, "status_code", None) == 302 for r in responses), responses
    assert {r["Location"] for r in responses} == {reverse("courses:attempt", args=[attempt.pk])}
    assert QuizAttempt.objects.count() == 1
    enrollment.refresh_from_db()
    assert enrollment.quiz_attempts == 1


def test_concurrent_starts_open_one_attempt(setup):
    teacher, enrollment, quiz = setup
    url = reverse("courses:quiz_start", args=[quiz.pk])
    clients = [logged_in(teacher) for _ in range(6)]
    responses = run_together(6, lambda i: clients[i].post(url))
    assert all(getattr(r, "status_code", None) == 302 for r in responses), responses
    assert {r["Location"] for r in responses} == {quiz.url}
    assert QuizAttempt.objects.filter(enrollment=enrollment).count() == 1


def test_attempt_limit_holds_when_teachers_tabs_race(setup):
    teacher, enrollment, quiz = setup
    clients = [logged_in(teacher) for _ in range(4)]

    def take_quiz(i):
        client = clients[i]
        for _ in range(3):
            client.post(reverse("courses:quiz_start", args=[quiz.pk]))
            for attempt in QuizAttempt.objects.filter(enrollment=enrollment, submitted_at=None):
                client.post(reverse("courses:quiz_submit", args=[attempt.pk]), WRONG)
        return True

    results = run_together(4, take_quiz)
    assert all(r is True for r in results), results
    numbers = sorted(QuizAttempt.objects.values_list("number", flat=True))
    assert numbers == [1, 2]  # attempts_allowed=2, never more
    enrollment.refresh_from_db()
    assert enrollment.quiz_attempts == 2


def test_certificates_issued_together_get_distinct_consecutive_numbers():
    from cms.models import HomePage

    home = HomePage.objects.get(locale__language_code="bg")
    course = make_course(home, lessons=1, quizzes=0)
    lesson = steps(course)[0][0]
    teachers = [make_teacher(email=f"cert{i}@example.test") for i in range(5)]
    enrollments = [services.enrollment_create(teacher=t, course=course) for t in teachers]
    results = run_together(
        5, lambda i: services.lesson_complete(enrollment=enrollments[i], lesson=lesson)
    )
    assert not [r for r in results if isinstance(r, Exception)], results
    serials = sorted(Certificate.objects.values_list("serial", flat=True))
    assert serials == [1, 2, 3, 4, 5]
    assert Enrollment.objects.filter(status="completed").count() == 5


def test_double_clicked_enroll_button_enrolls_once(setup):
    from cms.models import HomePage

    home = HomePage.objects.get(locale__language_code="bg")
    course = make_course(home, slug="double-click")
    teacher = make_teacher(email="double@example.test")
    clients = [logged_in(teacher) for _ in range(4)]
    url = reverse("courses:enroll", args=[course.pk])
    responses = run_together(4, lambda i: clients[i].post(url))
    assert all(getattr(r, "status_code", None) == 302 for r in responses), responses
    assert {r["Location"] for r in responses} == {course.url}
    assert Enrollment.objects.filter(teacher=teacher, course=course).count() == 1
