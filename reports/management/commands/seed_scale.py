"""Generate a national-scale network for benchmarks: schools, teachers, courses, learner records.

    DATABASE_URL=sqlite:////tmp/drom_scale.sqlite3 python manage.py migrate
    DATABASE_URL=sqlite:////tmp/drom_scale.sqlite3 python manage.py seed_scale \\
        --teachers 100000 --schools 2500 --courses 20 --enrollments 300000 --completions 1000000

Rows are inserted with bulk_create in batches (never one INSERT per row) and generated lazily,
so memory stays flat. The records keep the invariants of the courses app (one enrollment per
teacher and course, completed ⇒ completed_at, one completion per teacher and lesson, percent
within 0–100), but they are written directly: running the real services a million times would
take hours and measure the services, not the reports. Meant for an empty benchmark database:
it refuses to run twice.
"""

from __future__ import annotations

import contextlib
import random
import time
from datetime import timedelta
from itertools import islice

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale

from cms.models import HomePage
from courses.models import (
    Assignment,
    Certificate,
    CourseIndexPage,
    CourseLessonPage,
    CoursePage,
    Enrollment,
    LessonCompletion,
)
from schools import roles
from schools.models import District, Municipality, Region, School, User
from schools.signals import people_touched

DOMAIN = "scale.drom.test"
BATCH = 5000
LESSONS_PER_COURSE = 8
FIRST_NAMES = ["Мария", "Иван", "Елена", "Георги", "Анна", "Асен", "Десислава", "Емил", "Фатме"]
LAST_NAMES = ["Петрова", "Иванов", "Димитрова", "Стоянов", "Николова", "Юсеинов", "Асенова"]
POSITIONS = [p for p, _label in User.Position.choices]


def batched(iterable, size=BATCH):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


@contextlib.contextmanager
def explicit_dates(*fields):
    """Let bulk_create keep the dates we generate instead of auto_now_add's "now"."""
    saved = [(f, f.auto_now_add) for f in fields]
    for f, _value in saved:
        f.auto_now_add = False
    try:
        yield
    finally:
        for f, value in saved:
            f.auto_now_add = value


def analyse() -> None:
    """Statistics for what was just inserted: without them the planner takes a table of 100,000
    teachers for one row and joins the next step's 300,000 enrollments to it row by row (the
    assignments step ran for over ten minutes before it got them)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class Command(BaseCommand):
    help = "Generate a national-scale network (bulk inserts) for the report benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--teachers", type=int, default=100_000)
        parser.add_argument("--schools", type=int, default=2_500)
        parser.add_argument("--courses", type=int, default=20)
        parser.add_argument("--enrollments", type=int, default=300_000)
        parser.add_argument("--completions", type=int, default=1_000_000)
        parser.add_argument(
            "--assignments",
            type=float,
            default=0.2,
            help="Share of enrollments that come from an assignment (some overdue).",
        )
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--only-assignments",
            action="store_true",
            help="Add the assignments to a database seeded before they existed.",
        )

    def handle(self, *args, **options):
        if options["only_assignments"]:
            self.rng = random.Random(options["seed"])  # noqa: S311 - test data
            self.now = timezone.now()
            analyse()
            with transaction.atomic():
                count = self.make_assignments(options["assignments"])
            people_touched(__name__)  # rows inserted in bulk: anyone's kept pages are stale
            self.stdout.write(f"{'assignments':>13}: {count:>9,} rows")
            return
        if User.objects.filter(email__endswith=f"@{DOMAIN}").exists():
            raise CommandError("Scale data is already loaded in this database.")
        if options["enrollments"] > options["teachers"] * options["courses"]:
            raise CommandError("More enrollments than teachers × courses is impossible.")
        self.rng = random.Random(options["seed"])  # noqa: S311 - test data, not secrets
        self.now = timezone.now()
        started = time.perf_counter()
        steps = [
            ("courses", lambda: self.make_courses(options["courses"])),
            ("schools", lambda: self.make_schools(options["schools"])),
            ("teachers", lambda: self.make_teachers(options["teachers"])),
            ("enrollments", lambda: self.make_enrollments(options["enrollments"])),
            ("completions", lambda: self.make_completions(options["completions"])),
            ("certificates", self.make_certificates),
            ("assignments", lambda: self.make_assignments(options["assignments"])),
        ]
        for label, step in steps:
            t0 = time.perf_counter()
            with transaction.atomic():
                count = step()
            people_touched(__name__)  # rows inserted in bulk and by SQL: no model signals
            analyse()
            self.stdout.write(f"{label:>13}: {count:>9,} rows in {time.perf_counter() - t0:6.1f} s")
            self.stdout.flush()
        self.stdout.write(f"{'total':>13}: {time.perf_counter() - started:16.1f} s")

    # --- the network ---------------------------------------------------------------------

    def make_courses(self, n: int) -> int:
        home = HomePage.objects.get(locale=Locale.get_default())
        index = CourseIndexPage.objects.child_of(home).first()
        if index is None:
            index = home.add_child(instance=CourseIndexPage(title="Обучения", slug="courses"))
        self.courses, self.lessons = [], {}
        for number in range(1, n + 1):
            course = index.add_child(
                instance=CoursePage(
                    title=f"Курс за мащаб {number}",
                    slug=f"scale-course-{number}",
                    summary="Курс, създаден за измерване на отчетите.",
                    academic_hours=16,
                )
            )
            lessons = [
                course.add_child(
                    instance=CourseLessonPage(title=f"Урок {k}", slug=f"lesson-{k}")
                ).pk
                for k in range(1, LESSONS_PER_COURSE + 1)
            ]
            self.courses.append(course)
            self.lessons[course.pk] = lessons
        return n * (1 + LESSONS_PER_COURSE)

    def make_schools(self, n: int) -> int:
        districts = list(District.objects.all())
        municipalities = Municipality.objects.bulk_create(
            [
                Municipality(name=f"Община {d.code}-{k}", district=d)
                for d in districts
                for k in range(1, 11)
            ]
        )
        schools = (
            School(
                name=f"Училище №{k}",
                code=f"9{k:06d}",
                municipality=municipalities[k % len(municipalities)],
                settlement=f"Населено място {k}",
                network_member=k % 3 != 0,
            )
            for k in range(1, n + 1)
        )
        self.school_ids = []
        for chunk in batched(schools):
            self.school_ids += [s.pk for s in School.objects.bulk_create(chunk)]
        return n + len(municipalities)

    def make_teachers(self, n: int) -> int:
        rng = self.rng
        # One unusable password for all: hashing 100,000 passwords would take minutes.
        people = (
            User(
                email=f"teacher{k}@{DOMAIN}",
                first_name=rng.choice(FIRST_NAMES),
                father_name=rng.choice(FIRST_NAMES) + "ов",
                last_name=rng.choice(LAST_NAMES),
                school_id=self.school_ids[k % len(self.school_ids)],
                position=rng.choice(POSITIONS),
                password="!",  # noqa: S106 - an unusable password, nobody logs in as these
            )
            for k in range(n)
        )
        group = Group.objects.get(name=roles.TEACHERS)
        Membership = User.groups.through
        self.teachers = []
        for chunk in batched(people):
            created = User.objects.bulk_create(chunk)
            self.teachers += [(u.pk, u.school_id) for u in created]
            Membership.objects.bulk_create(
                [Membership(user_id=u.pk, group_id=group.pk) for u in created]
            )
        national = User.objects.create_user(
            f"national@{DOMAIN}", first_name="Национален", last_name="Координатор"
        )
        national.groups.add(Group.objects.get(name=roles.NATIONAL_COORDINATORS))
        regional = User.objects.create_user(
            f"regional@{DOMAIN}", first_name="Регионален", last_name="Координатор"
        )
        regional.groups.add(Group.objects.get(name=roles.REGIONAL_COORDINATORS))
        regional.regions.set(Region.objects.filter(code="BG34"))
        return n

    # --- learner records -----------------------------------------------------------------

    def _enrollment_plan(self, n: int):
        """(teacher, school, course) triples: distinct courses per teacher, spread evenly."""
        per_teacher, extra = divmod(n, len(self.teachers))
        courses = [c.pk for c in self.courses]
        for index, (teacher_id, school_id) in enumerate(self.teachers):
            count = per_teacher + (1 if index < extra else 0)
            for course_id in self.rng.sample(courses, min(count, len(courses))):
                yield teacher_id, school_id, course_id

    def make_enrollments(self, n: int) -> int:
        rng, now = self.rng, self.now
        statuses = [Enrollment.Status.ENROLLED, Enrollment.Status.IN_PROGRESS]
        statuses.append(Enrollment.Status.COMPLETED)

        def rows():
            for teacher_id, school_id, course_id in self._enrollment_plan(n):
                status = rng.choices(statuses, weights=(25, 35, 40))[0]
                enrolled = now - timedelta(days=rng.randint(20, 540), minutes=rng.randint(0, 900))
                done = status == Enrollment.Status.COMPLETED
                lessons = {
                    Enrollment.Status.ENROLLED: 0,
                    Enrollment.Status.IN_PROGRESS: rng.randint(1, LESSONS_PER_COURSE - 1),
                    Enrollment.Status.COMPLETED: LESSONS_PER_COURSE,
                }[status]
                finished = enrolled + timedelta(days=rng.randint(3, 19))
                yield Enrollment(
                    teacher_id=teacher_id,
                    course_id=course_id,
                    school_id=school_id,
                    status=status,
                    enrolled_at=enrolled,
                    completed_lessons=lessons,
                    passed_quizzes=1 if done else 0,
                    percent=100 if done else lessons * 100 // (LESSONS_PER_COURSE + 1),
                    last_activity=finished if lessons else None,
                    best_quiz_score=rng.randint(70, 100) if done else None,
                    quiz_attempts=rng.randint(1, 3) if done else 0,
                    completed_at=finished if done else None,
                    hours_earned=16 if done else 0,
                )

        with explicit_dates(Enrollment._meta.get_field("enrolled_at")):
            for chunk in batched(rows()):
                Enrollment.objects.bulk_create(chunk)
        return Enrollment.objects.count()

    def make_completions(self, limit: int) -> int:
        """The first lessons of every enrollment with progress, in one INSERT … SELECT: the
        database writes a million rows without a round trip or a Python object per row
        (row by row through bulk_create this step took most of the seeding time)."""
        lessons = [
            (course_id, lesson_id, position)
            for course_id, ids in self.lessons.items()
            for position, lesson_id in enumerate(ids, start=1)
        ]
        completion = connection.ops.quote_name(LessonCompletion._meta.db_table)
        enrollment = connection.ops.quote_name(Enrollment._meta.db_table)
        values = ", ".join(["(%s, %s, %s)"] * len(lessons))
        sql = f"""
            INSERT INTO {completion}
                (enrollment_id, teacher_id, lesson_id, completed_at, reflection)
            WITH lessons (course_id, lesson_id, position) AS (VALUES {values})
            SELECT e.id, e.teacher_id, l.lesson_id, e.last_activity, ''
            FROM {enrollment} e JOIN lessons l ON l.course_id = e.course_id
            WHERE l.position <= e.completed_lessons
            ORDER BY e.id, l.position
            LIMIT %s
        """  # noqa: S608 - table names from the models, values as parameters
        with connection.cursor() as cursor:
            cursor.execute(sql, [v for row in lessons for v in row] + [limit])
        return LessonCompletion.objects.count()

    def make_certificates(self) -> int:
        completed = (
            Enrollment.objects.filter(status=Enrollment.Status.COMPLETED)
            .values_list("pk", "completed_at", "enrolled_at")
            .order_by("pk")
            .iterator(chunk_size=BATCH)
        )

        def rows():
            for serial, (pk, completed_at, enrolled_at) in enumerate(completed, start=1):
                yield Certificate(
                    enrollment_id=pk,
                    number=f"S-{serial:07d}",
                    year=completed_at.year,
                    serial=900_000_000 + serial,
                    code=f"scale-{pk}",
                    issued_at=completed_at,
                    holder_name="Учител за мащаб",
                    course_title="Курс за мащаб",
                    provider="Дром",
                    hours=16,
                    started_on=enrolled_at.date(),
                    completed_on=completed_at.date(),
                    issued_on=completed_at.date(),
                )

        count = 0
        for chunk in batched(rows()):
            Certificate.objects.bulk_create(chunk)
            count += len(chunk)
        return count

    def make_assignments(self, share: float) -> int:
        """Assignments by the national coordinator for a share of the enrollments: due dates
        from a month ago to two months ahead, so that the overdue and due-soon filters match."""
        if Assignment.objects.filter(assigned_by__email=f"national@{DOMAIN}").exists():
            raise CommandError("Scale assignments are already loaded in this database.")
        national = User.objects.get(email=f"national@{DOMAIN}")
        today = timezone.localdate()
        rng = self.rng
        pairs = (
            Enrollment.objects.filter(teacher__email__endswith=f"@{DOMAIN}")
            .values_list("teacher_id", "course_id")
            .order_by("pk")
            .iterator(chunk_size=BATCH)
        )

        def rows():
            for teacher_id, course_id in pairs:
                if rng.random() < share:
                    yield Assignment(
                        teacher_id=teacher_id,
                        course_id=course_id,
                        assigned_by=national,
                        due_on=today + timedelta(days=rng.randint(-30, 60)),
                    )

        count = 0
        for chunk in batched(rows()):
            Assignment.objects.bulk_create(chunk)
            count += len(chunk)
        return count
