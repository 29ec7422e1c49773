"""A small network in two regions, and a helper to put teachers in every state of the course.

Enrollments are written directly (with the same invariants the courses services keep): these
tests are about reading and scoping records, not about how a lesson completes.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.models import Enrollment
from tests.factories import make_school, make_teacher


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


@pytest.fixture
def school_sliven(db):
    """Sliven district (BG-20), Southeastern region BG34."""
    return make_school("BG-20", municipality="Сливен", name="ОУ „Христо Ботев“", code="2000101")


@pytest.fixture
def school_burgas(db):
    """Burgas district (BG-02), Southeastern region BG34."""
    return make_school("BG-02", municipality="Бургас", name="СУ „Г. С. Раковски“", code="200201")


@pytest.fixture
def school_vidin(db):
    """Vidin district (BG-05), Northwestern region BG31 — outside the coordinator's scope."""
    return make_school("BG-05", municipality="Видин", name="ОУ „Отец Паисий“", code="500501")


@pytest.fixture
def network(course, school_sliven, school_burgas, school_vidin):
    """Teachers in every state: Sliven 4 (one each), Burgas 2, Vidin 2."""
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
