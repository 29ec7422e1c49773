"""Seminar and evaluation reports at national scale: 10,000 teachers booked on 200 sessions, with
attendance, and 10,000 course evaluations — the coordinators' screens, the export and the
trainer's register. Median, p95 and queries.

.venv/bin/python -m bench.seminars
DATABASE_URL=postgres://postgres@127.0.0.1:5432/drom_bench .venv/bin/python -m bench.seminars
"""

from datetime import timedelta

from bench._harness import bench_database, measure, vendor

TEACHERS = 10_000
SESSIONS = 200


def main() -> None:
    from django.contrib.auth.models import Group
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from cms.models import HomePage
    from courses.evaluation_blocks import questions
    from courses.models import (
        CourseEvaluation,
        CourseEvaluationPage,
        CourseIndexPage,
        CourseLessonPage,
        CoursePage,
        Enrollment,
        SeminarBooking,
        SeminarPage,
        SeminarSession,
    )
    from schools import roles
    from schools.models import District, Municipality, Region, School, User

    with bench_database():
        home = HomePage.objects.get(locale__language_code="bg")
        # The migrations already make the course catalogue.
        index = CourseIndexPage.objects.filter(locale__language_code="bg").first() or (
            home.add_child(instance=CourseIndexPage(title="Обучения", slug="obucheniya"))
        )
        course = index.add_child(
            instance=CoursePage(title="Фолклор", slug="folklor", summary="-", academic_hours=16)
        )
        course.add_child(instance=CourseLessonPage(title="Модул 1", slug="m1"))
        seminar = course.add_child(
            instance=SeminarPage(title="Модул 2", slug="m2", mode=SeminarPage.Mode.IN_PERSON)
        )
        form = course.add_child(
            instance=CourseEvaluationPage(
                title="Оценка",
                slug="otsenka",
                questions=[
                    {"type": "rating", "id": "r1", "value": {"text": "Полезно?"}},
                    {"type": "text", "id": "t1", "value": {"text": "Коментар", "required": False}},
                ],
            )
        )
        items = questions(form.questions)
        trainer = User.objects.create_user(email="trainer@bench.test", first_name="Т")
        trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
        national = User.objects.create_user(
            email="national@bench.test", first_name="Н", is_staff=True
        )
        national.groups.add(Group.objects.get(name=roles.NATIONAL_COORDINATORS))
        regional = User.objects.create_user(
            email="regional@bench.test", first_name="Р", is_staff=True
        )
        regional.groups.add(Group.objects.get(name=roles.REGIONAL_COORDINATORS))
        regional.regions.set(Region.objects.filter(code="BG34"))
        schools = []
        for n, district in enumerate(District.objects.all()):
            town = Municipality.objects.create(district=district, name=f"Община {n}")
            schools.append(School(code=f"8{n:06d}", name=f"ОУ {n}", municipality=town))
        School.objects.bulk_create(schools)
        schools = list(School.objects.all())
        User.objects.bulk_create(
            User(
                email=f"t{n}@bench.test",
                first_name="Учител",
                last_name=f"{n:05d}",
                school=schools[n % len(schools)],
            )
            for n in range(TEACHERS)
        )
        teachers = list(User.objects.filter(email__endswith="@bench.test", school__isnull=False))
        now = timezone.now()
        SeminarSession.objects.bulk_create(
            SeminarSession(
                seminar=seminar,
                starts_at=now - timedelta(days=n % 30),
                ends_at=now - timedelta(days=n % 30) + timedelta(hours=8),
                place=f"Зала {n}",
                trainer=trainer,
                capacity=60,
                academic_hours=8,
            )
            for n in range(SESSIONS)
        )
        sessions = list(SeminarSession.objects.order_by("pk"))
        Enrollment.objects.bulk_create(
            Enrollment(teacher=t, course=course, school=t.school, status="completed",
                       completed_at=now, percent=100, hours_earned=16, in_person_hours=8)
            for t in teachers
        )  # fmt: skip
        enrollments = list(Enrollment.objects.order_by("pk"))
        SeminarBooking.objects.bulk_create(
            SeminarBooking(
                session=sessions[n % SESSIONS],
                seminar=seminar,
                enrollment=e,
                teacher_id=e.teacher_id,
                status="booked",
                attendance=("present", "partly", "absent")[n % 3],
                attended_hours=(8, 6, 0)[n % 3],
            )
            for n, e in enumerate(enrollments)
        )
        CourseEvaluation.objects.bulk_create(
            CourseEvaluation(enrollment=e, course=course, form=form, questions=items,
                             answers={"r1": 1 + n % 5, "t1": f"Коментар {n}"})
            for n, e in enumerate(enrollments)
        )  # fmt: skip
        print(
            f"database: {vendor()}; {SeminarBooking.objects.count()} bookings on {SESSIONS} "
            f"sessions; {CourseEvaluation.objects.count()} evaluations"
        )
        client = Client()
        client.force_login(national)
        report = reverse("drom_reports:seminars")
        measure("national: bookings report, page 1", lambda: client.get(report), repeat=10)
        measure(
            "national: bookings CSV (all rows)",
            lambda: b"".join(client.get(report, {"export": "csv"}).streaming_content),
            repeat=3,
            warmup=1,
        )
        evaluations = reverse("drom_reports:evaluations")
        measure("national: evaluations summary", lambda: client.get(evaluations), repeat=10)
        client.force_login(regional)
        measure("regional: bookings report, page 1", lambda: client.get(report), repeat=10)
        measure("regional: evaluations summary", lambda: client.get(evaluations), repeat=10)
        client.force_login(trainer)
        register = reverse("courses:session_attendance", args=[sessions[0].pk])
        measure("trainer: register of 50 teachers", lambda: client.get(register), repeat=10)


if __name__ == "__main__":
    main()
