"""Fixtures for authoring tests: one member of each staff role, the sections they work in, files.

Users are created in the role groups the migrations made (rights come from cms.0004, never from
the test); the browser journeys in tests/e2e/ use the demo accounts themselves.
"""

import pytest
from django.core.cache import cache

from courses.models import CourseIndexPage, CoursePage
from curriculum.models import LessonPlanIndexPage
from schools import roles
from tests.factories import SchoolFactory, UserFactory

ROLE_EMAILS = {
    "author": (roles.AUTHORS, "author@example.test"),
    "methodologist": (roles.METHODOLOGISTS, "methodologist@example.test"),
    "reviewer": (roles.COMMUNITY_REVIEWERS, "reviewer@example.test"),
    "coordinator": (roles.REGIONAL_COORDINATORS, "coordinator@example.test"),
    "national": (roles.NATIONAL_COORDINATORS, "national@example.test"),
    "teacher": (roles.TEACHERS, "teacher@example.test"),
}
STAFF = ["author", "methodologist", "reviewer", "coordinator", "national"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    return settings.MEDIA_ROOT


def member(name: str):
    group, email = ROLE_EMAILS[name]
    extra = {"school": SchoolFactory()} if name == "teacher" else {}
    return UserFactory(email=email, groups=[group], **extra)


@pytest.fixture
def users(db):
    """One user per role, by short name: users["author"], users["reviewer"], …"""
    return {name: member(name) for name in ROLE_EMAILS}


@pytest.fixture
def admin_user(db):
    return UserFactory(email="admin@example.test", is_superuser=True, is_staff=True)


@pytest.fixture
def library(db):
    return LessonPlanIndexPage.objects.get(locale__language_code="bg")


@pytest.fixture
def library_en(db):
    return LessonPlanIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def catalogue(db):
    return CourseIndexPage.objects.get(locale__language_code="bg")


@pytest.fixture
def catalogue_en(db):
    return CourseIndexPage.objects.get(locale__language_code="en")


def make_course(catalogue, *, slug="kurs", programme=False, publish=False):
    fields = {"programme_name": "Интеркултурно образование", "uin": "4000123", "credits": 1}
    course = CoursePage(
        title=f"Курс {slug}",
        slug=slug,
        summary="Кратко описание на курса.",
        academic_hours=16,
        live=publish,
        **(fields if programme else {}),
    )
    catalogue.add_child(instance=course)
    revision = course.save_revision()
    if publish:
        revision.publish()
    course.refresh_from_db()
    return course
