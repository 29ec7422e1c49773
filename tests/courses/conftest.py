"""The courses suite's learner, logged in. The course itself is in tests/conftest.py."""

import pytest

from tests.factories import make_teacher


@pytest.fixture
def course_teacher(db):
    return make_teacher(email="uchitel@example.test")


@pytest.fixture
def course_client(client, course_teacher):
    client.force_login(course_teacher)
    return client
