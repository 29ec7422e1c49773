"""A small network in two regions with a course, and helpers to put teachers in every state.

Enrollments are written directly (with the same invariants the courses services keep): these
tests are about reading and scoping records, not about how a lesson completes.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from courses.models import CourseIndexPage, CoursePage, Enrollment
from schools import roles
from schools.models import District, Region
from tests.factories import MunicipalityFactory, SchoolFactory, UserFactory


def make_user(email=None, group=None, **kwargs):
    if email:
        kwargs["email"] = email
    user = UserFactory(**kwargs)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_teacher(school, **kwargs):
    kwargs.setdefault("position", "teacher")
    return make_user(group=roles.TEACHERS, school=school, **kwargs)


def make_school(district_code, *, municipality="Община", **kwargs):
    district = District.objects.get(code=district_code)
    town = MunicipalityFactory(name=f"{municipality} {district_code}", district=district)
    return SchoolFactory(municipality=town, **kwargs)


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


def make_course(home, slug="intercultural", title="Интеркултурно образование", **kwargs):
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=CourseIndexPage(title="Обучения", slug="courses"))
    return index.add_child(
        instance=CoursePage(
            title=title, slug=slug, summary="Кратко описание.", academic_hours=16, **kwargs
        )
    )


@pytest.fixture
def course(home_bg):
    return make_course(home_bg)


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


@pytest.fixture
def coordinator(db):
    """Coordinates the Southeastern region (BG34) only."""
    user = make_user("coord@example.test", roles.REGIONAL_COORDINATORS, is_staff=True)
    user.regions.set(Region.objects.filter(code="BG34"))
    return user


@pytest.fixture
def national(db):
    return make_user("national@example.test", roles.NATIONAL_COORDINATORS, is_staff=True)


@pytest.fixture
def author(db):
    return make_user("author@example.test", roles.AUTHORS, is_staff=True)


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def national_client(client, national):
    client.force_login(national)
    return client
