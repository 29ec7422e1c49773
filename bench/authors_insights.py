"""What authors learn, at national scale: 2,500 teachers in a course of two lessons, a quiz of 10
questions and a seminar; ~5,000 quiz attempts; "I taught this" feedback on 50 plans. The quiz
statistics, the course drop-off (as an author and as a regional coordinator), their exports and
the feedback screen. Median, p95 and queries.

.venv/bin/python -m bench.authors_insights
DATABASE_URL=postgres://postgres@127.0.0.1:5432/drom_bench \
    .venv/bin/python -m bench.authors_insights
"""

import random
from datetime import timedelta

from bench._harness import bench_database, measure, vendor

TEACHERS = 2_500
QUESTIONS = 10
PLANS = 50


def _question(n: int) -> dict:
    return {
        "type": "single_choice",
        "id": f"q{n}",
        "value": {
            "text": f"Въпрос {n}",
            "points": 1,
            "feedback": "",
            "choices": [
                {"type": "item", "id": f"q{n}-{i}",
                 "value": {"text": f"Отговор {i}", "correct": i == 0}}
                for i in range(4)
            ],
        },
    }  # fmt: skip


def main() -> None:  # noqa: PLR0915 - one scenario, read top to bottom
    from django.contrib.auth.models import Group
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from cms.models import HomePage
    from courses import grading
    from courses.models import (
        CourseIndexPage,
        CourseLessonPage,
        CoursePage,
        Enrollment,
        LessonCompletion,
        QuizAttempt,
        QuizPage,
    )
    from curriculum.models import LessonPlanFeedback, LessonPlanIndexPage, LessonPlanPage
    from schools import roles
    from schools.models import District, Municipality, Region, School, User

    rng = random.Random(16)
    with bench_database():
        home = HomePage.objects.get(locale__language_code="bg")
        index = CourseIndexPage.objects.filter(locale__language_code="bg").first() or (
            home.add_child(instance=CourseIndexPage(title="Обучения", slug="obucheniya"))
        )
        course = index.add_child(
            instance=CoursePage(title="Фолклор", slug="folklor", summary="-", academic_hours=16)
        )
        lessons = [
            course.add_child(instance=CourseLessonPage(title=f"Урок {n}", slug=f"urok-{n}"))
            for n in (1, 2)
        ]
        quiz = course.add_child(
            instance=QuizPage(
                title="Тест",
                slug="test",
                questions=[_question(n) for n in range(QUESTIONS)],
                pass_mark=70,
            )
        )
        for page in (course, *lessons, quiz):
            page.save_revision().publish()
        snapshot = grading.snapshot_questions(quiz.questions)

        def person(email, group, **extra):
            user = User.objects.create_user(email=email, first_name="Б", is_staff=True, **extra)
            user.groups.add(Group.objects.get(name=group))
            return user

        author = person("author@bench.test", roles.AUTHORS)
        methodologist = person("method@bench.test", roles.METHODOLOGISTS)
        regional = person("regional@bench.test", roles.REGIONAL_COORDINATORS)
        regional.regions.set(Region.objects.filter(code="BG34"))

        schools = []
        for n, district in enumerate(District.objects.all()):
            town = Municipality.objects.create(district=district, name=f"Община {n}")
            schools.append(School(code=f"8{n:06d}", name=f"ОУ {n}", municipality=town))
        School.objects.bulk_create(schools)
        schools = list(School.objects.all())
        User.objects.bulk_create(
            User(email=f"t{n}@bench.test", first_name="У", last_name=f"{n:05d}",
                 school=schools[n % len(schools)])
            for n in range(TEACHERS)
        )  # fmt: skip
        teachers = list(User.objects.filter(email__startswith="t", school__isnull=False))
        teachers_group = Group.objects.get(name=roles.TEACHERS)
        teachers_group.user_set.add(*teachers)
        now = timezone.now()
        Enrollment.objects.bulk_create(
            Enrollment(teacher=t, course=course, school=t.school) for t in teachers
        )
        enrollments = list(Enrollment.objects.order_by("pk"))
        completions, attempts, done = [], [], []
        for n, enrollment in enumerate(enrollments):
            ability = rng.random()
            reached = 0 if n % 10 == 0 else 1 if n % 10 < 3 else 2
            for lesson in lessons[:reached]:
                completions.append(
                    LessonCompletion(enrollment=enrollment, teacher_id=enrollment.teacher_id,
                                     lesson=lesson)
                )  # fmt: skip
            if reached < 1:
                continue
            for number in range(1, 4):
                answers = {
                    q["id"]: [f"{q['id']}-0" if rng.random() < ability + 0.1 * number - q_n * 0.03
                              else f"{q['id']}-{rng.randint(1, 3)}"]
                    for q_n, q in enumerate(snapshot)
                }  # fmt: skip
                grade = grading.grade(snapshot, answers)
                passed = grade.passed(70)
                attempts.append(
                    QuizAttempt(enrollment=enrollment, quiz=quiz, number=number,
                                questions=snapshot, answers=answers, results=grade.results,
                                score=grade.score, passed=passed, submitted_at=now)
                )  # fmt: skip
                if passed:
                    break
            if passed and reached == 2:
                enrollment.status, enrollment.percent = "completed", 100
                enrollment.completed_at = now
                enrollment.enrolled_at = now - timedelta(days=rng.randint(3, 90))
                done.append(enrollment)
        LessonCompletion.objects.bulk_create(completions)
        QuizAttempt.objects.bulk_create(attempts, batch_size=500)
        Enrollment.objects.bulk_update(done, ["status", "percent", "completed_at", "enrolled_at"])

        library = LessonPlanIndexPage.objects.filter(locale__language_code="bg").first()
        plans = []
        for n in range(PLANS):
            plan = LessonPlanPage(
                title=f"План {n}", slug=f"plan-{n}", summary="-", learning_outcome="-",
                grade_bands=["g1-4"], duration_minutes=40, languages=["bg"],
            )  # fmt: skip
            library.add_child(instance=plan)
            plans.append(plan)
        LessonPlanFeedback.objects.bulk_create(
            LessonPlanFeedback(plan=plans[n % PLANS], teacher=t, rating=1 + n % 5,
                               comment=f"Коментар {n}", status=("approved", "pending")[n % 2])
            for n, t in enumerate(teachers[:1000])
        )  # fmt: skip
        print(
            f"database: {vendor()}; {len(teachers)} teachers, {QuizAttempt.objects.count()} quiz "
            f"attempts on {QUESTIONS} questions, {LessonCompletion.objects.count()} lesson "
            f"completions, {LessonPlanFeedback.objects.count()} feedback on {PLANS} plans"
        )
        client = Client()
        client.force_login(author)
        quizzes = reverse("drom_reports:quiz_insights")
        courses = reverse("drom_reports:course_insights")
        feedback = reverse("plan_feedback:index")
        measure("author: quiz statistics", lambda: client.get(quizzes), repeat=10)
        measure(
            "author: quiz statistics XLSX",
            lambda: client.get(quizzes, {"export": "xlsx"}),
            repeat=3,
            warmup=1,
        )
        measure("author: course drop-off", lambda: client.get(courses), repeat=10)
        measure("author: feedback per plan", lambda: client.get(feedback), repeat=10)
        client.force_login(regional)
        measure("regional: quiz statistics (BG34)", lambda: client.get(quizzes), repeat=10)
        measure("regional: course drop-off (BG34)", lambda: client.get(courses), repeat=10)
        client.force_login(methodologist)
        measure(
            "methodologist: pending feedback",
            lambda: client.get(feedback, {"status": "pending"}),
            repeat=10,
        )


if __name__ == "__main__":
    main()
