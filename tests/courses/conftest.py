import pytest

from tests.courses.builders import make_course, make_teacher


@pytest.fixture
def course(home_bg):
    return make_course(home_bg)


@pytest.fixture
def course_teacher(db):
    return make_teacher(email="uchitel@example.test")


@pytest.fixture
def course_client(client, course_teacher):
    client.force_login(course_teacher)
    return client
