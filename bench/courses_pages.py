"""Course pages for an enrolled teacher, and quiz submission: median, p95 and queries.

make bench                                   # SQLite file database
DATABASE_URL=postgres://postgres@127.0.0.1:5432/drom_bench .venv/bin/python -m bench.courses_pages
"""

import statistics
import time

from bench._harness import bench_database, call_command, measure, vendor


def main() -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from courses import services
    from courses.models import CoursePage, Enrollment, QuizPage
    from schools.models import User

    with bench_database():
        call_command("load_demo", verbosity=0)
        teacher = User.objects.get(email="teacher@drom.test")
        course = CoursePage.objects.get(
            slug="interkulturno-obrazovanie", locale__language_code="bg"
        )
        enrollment = Enrollment.objects.get(teacher=teacher, course=course)
        lesson = course.get_children().live().specific()[3]
        quiz = QuizPage.objects.child_of(course).first()
        QuizPage.objects.filter(pk=quiz.pk).update(attempts_allowed=0)  # room for every run
        quiz.refresh_from_db()
        client = Client()
        client.force_login(teacher)
        print(
            f"database: {vendor()}; {Enrollment.objects.count()} enrollments; course with "
            f"{course.get_children().count()} steps"
        )
        measure("GET course page (enrolled)", lambda: client.get(course.url))
        measure("GET lesson page", lambda: client.get(lesson.url))
        services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
        measure("GET quiz page (open attempt)", lambda: client.get(quiz.url))

        answers = {}
        attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
        for question in attempt.questions:
            if question["type"] == "short_answer":
                answers[f"q-{question['id']}"] = question["accepted"][0]
            elif question["type"] == "true_false":
                answers[f"q-{question['id']}"] = "false"
            else:
                answers[f"q-{question['id']}"] = [question["choices"][0]["id"]]
        timings, queries = [], 0
        for _ in range(30):
            attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
            url = reverse("courses:quiz_submit", args=[attempt.pk])
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.post(url, answers)
                timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 302, response.status_code
            queries = len(captured)
        timings.sort()
        print(
            f"{'POST quiz submission (graded)':<40} median {statistics.median(timings):7.1f} ms"
            f"   p95 {timings[int(len(timings) * 0.95) - 1]:7.1f} ms   {queries:3d} queries",
            flush=True,
        )


if __name__ == "__main__":
    main()
