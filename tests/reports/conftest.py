"""A small network in two regions, and a helper to put teachers in every state of the course.

Enrollments are written directly (with the same invariants the courses services keep): these
tests are about reading and scoping records, not about how a lesson completes.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import CoursePage, Enrollment
from schools.models import School, User
from tests.factories import make_school, make_teacher
from tests.shared_data import once_per_module


def enroll(teacher, course, status="enrolled", *, school=None, days_ago=10, done_days_ago=2):
    now = timezone.now()
    completed = status == Enrollment.Status.COMPLETED
    enrollment = Enrollment.objects.create(
        teacher=teacher,
        course=course,
        school=school or teacher.school,
        status=status,
        percent=100 if completed else (40 if status == "in_progress" else 0),
        completed_lessons=3 if completed else (1 if status == "in_progress" else 0),
        last_activity=now - timedelta(days=done_days_ago) if status != "enrolled" else None,
        completed_at=now - timedelta(days=done_days_ago) if completed else None,
        best_quiz_score=90 if completed else None,
        quiz_attempts=1 if completed else 0,
        hours_earned=16 if completed else 0,
    )
    Enrollment.objects.filter(pk=enrollment.pk).update(enrolled_at=now - timedelta(days=days_ago))
    enrollment.refresh_from_db()
    return enrollment


# District, municipality, name and code of the schools the fixtures below give.
SCHOOLS = {
    "sliven": ("BG-20", "Сливен", "ОУ „Христо Ботев“", "2000101"),
    "burgas": ("BG-02", "Бургас", "СУ „Г. С. Раковски“", "200201"),
    "vidin": ("BG-05", "Видин", "ОУ „Отец Паисий“", "500501"),
}


def build_school(key) -> School:
    district, town, name, code = SCHOOLS[key]
    return make_school(district, municipality=town, name=name, code=code)


def build_network(course, school_sliven, school_burgas, school_vidin) -> dict:
    people = {}
    people["not_started"] = make_teacher(
        school_sliven, first_name="Анна", last_name="Стоянова", email="anna@example.test"
    )
    people["enrolled"] = make_teacher(
        school_sliven, first_name="Борис", last_name="Илиев", email="boris@example.test"
    )
    people["in_progress"] = make_teacher(
        school_sliven,
        first_name="Вера",
        last_name="Колева",
        email="vera@example.test",
        position="mediator",
    )
    people["completed"] = make_teacher(
        school_sliven, first_name="Галя", last_name="Димова", email="galya@example.test"
    )
    enroll(people["enrolled"], course, "enrolled")
    enroll(people["in_progress"], course, "in_progress")
    enroll(people["completed"], course, "completed")
    people["burgas_done"] = make_teacher(
        school_burgas, first_name="Дора", email="dora@example.test"
    )
    people["burgas_new"] = make_teacher(school_burgas, first_name="Емил", email="emil@example.test")
    enroll(people["burgas_done"], course, "completed", done_days_ago=40)
    people["vidin_done"] = make_teacher(school_vidin, first_name="Жана", email="zhana@example.test")
    people["vidin_new"] = make_teacher(
        school_vidin, first_name="Зорница", email="zori@example.test"
    )
    enroll(people["vidin_done"], course, "completed")
    return people


# Each built once for the module where every test asks for it (tests/shared_data.py).


@pytest.fixture(scope="module")
def sliven_once(request, django_db_setup, django_db_blocker):
    yield from once_per_module(request, django_db_blocker, lambda: build_school("sliven").pk)


@pytest.fixture(scope="module")
def burgas_once(request, django_db_setup, django_db_blocker):
    yield from once_per_module(request, django_db_blocker, lambda: build_school("burgas").pk)


@pytest.fixture(scope="module")
def vidin_once(request, django_db_setup, django_db_blocker):
    yield from once_per_module(request, django_db_blocker, lambda: build_school("vidin").pk)


@pytest.fixture(scope="module")
def network_once(
    request, django_db_setup, django_db_blocker, course_once, sliven_once, burgas_once, vidin_once
):
    def build():
        course = CoursePage.objects.get(pk=course_once)
        schools = School.objects.in_bulk([sliven_once, burgas_once, vidin_once])
        people = build_network(
            course, schools[sliven_once], schools[burgas_once], schools[vidin_once]
        )
        return {name: person.pk for name, person in people.items()}

    yield from once_per_module(request, django_db_blocker, build)


@pytest.fixture
def school_sliven(db, sliven_once):
    """Sliven district (BG-20), Southeastern region BG34."""
    return School.objects.get(pk=sliven_once) if sliven_once else build_school("sliven")


@pytest.fixture
def school_burgas(db, burgas_once):
    """Burgas district (BG-02), Southeastern region BG34."""
    return School.objects.get(pk=burgas_once) if burgas_once else build_school("burgas")


@pytest.fixture
def school_vidin(db, vidin_once):
    """Vidin district (BG-05), Northwestern region BG31 — outside the coordinator's scope."""
    return School.objects.get(pk=vidin_once) if vidin_once else build_school("vidin")


@pytest.fixture
def network(course, school_sliven, school_burgas, school_vidin, network_once):
    """Teachers in every state: Sliven 4 (one each), Burgas 2, Vidin 2."""
    if network_once is None:
        return build_network(course, school_sliven, school_burgas, school_vidin)
    people = User.objects.in_bulk(network_once.values())
    return {name: people[pk] for name, pk in network_once.items()}
