"""The teacher list as a screen pages it (TeacherPages) holds exactly the rows of the full UNION
(teacher_rows, what an export streams), in the same order, page after page, in every ordering;
counting and reading a page cost the same few queries whatever the number of teachers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import CoursePage
from reports import selectors
from reports.filters import ReportFilters
from reports.selectors import TEACHER_ORDERINGS
from schools.models import User
from tests.factories import make_teacher
from tests.shared_data import once_per_module

from .conftest import SCHOOLS, build_network, build_school, enroll

pytestmark = pytest.mark.django_db

SAME_NAMES = [("Анна", "Петрова"), ("Анна", "Петрова"), ("Борис", "Асенов"), ("Ива", "Янева")]


def add_crowd(course, school_sliven, school_burgas):
    """More teachers, with shared names (the id breaks the tie) and every state."""
    states = ["enrolled", "in_progress", "completed", None]
    for number in range(14):
        first, last = SAME_NAMES[number % len(SAME_NAMES)]
        school = school_sliven if number % 2 else school_burgas
        teacher = make_teacher(school, first_name=first, last_name=last)
        state = states[number % len(states)]
        if state:
            enroll(teacher, course, state, days_ago=3 + number, done_days_ago=1 + number % 3)


def _key(row):
    return row["r_teacher"]


def build_crowd(course) -> dict:
    """The network (tests/reports/conftest.py) with the crowd added: the network's people."""
    schools = {key: build_school(key) for key in SCHOOLS}
    people = build_network(course, *schools.values())
    add_crowd(course, schools["sliven"], schools["burgas"])
    return people


@pytest.fixture(scope="class")
def crowd_once(request, django_db_setup, django_db_blocker, course_once):
    def build():
        people = build_crowd(CoursePage.objects.get(pk=course_once))
        return {name: person.pk for name, person in people.items()}

    yield from once_per_module(request, django_db_blocker, build)


@pytest.fixture
def crowd(course, crowd_once):
    """The network and the crowd, for one case of TestPaging: the network's people."""
    if crowd_once is None:
        return build_crowd(course)
    people = User.objects.in_bulk(crowd_once.values())
    return {name: people[pk] for name, pk in crowd_once.items()}


class TestPaging:
    """The network and the crowd are built once for the class's 64 cases (tests/shared_data.py),
    each case in its own savepoint."""

    @pytest.mark.parametrize(
        "ordering", [*TEACHER_ORDERINGS, *(f"-{o}" for o in TEACHER_ORDERINGS)]
    )
    @pytest.mark.parametrize("status", ["", "unfinished", "not_started", "completed"])
    def test_every_page_holds_the_rows_of_the_full_union(
        self, national, course, crowd, ordering, status
    ):
        filters = ReportFilters(course=course, status=status)
        full = [
            _key(r)
            for r in selectors.teacher_rows(viewer=national, filters=filters, ordering=ordering)
        ]
        pages = selectors.TeacherPages(viewer=national, filters=filters, ordering=ordering)
        assert pages.count() == len(full) == len(pages)
        size = 4
        paged = []
        for start in range(0, len(full) + size, size):
            paged += [_key(r) for r in pages[start : start + size]]
        assert paged == full


def test_a_page_costs_the_same_queries_for_few_and_many_teachers(
    coordinator, course, school_sliven
):
    filters = ReportFilters(course=course)

    def cost() -> tuple[int, int]:
        pages = selectors.TeacherPages(viewer=coordinator, filters=filters)
        with CaptureQueriesContext(connection) as counted:
            pages.count()
        with CaptureQueriesContext(connection) as read:
            rows = pages[0:50]
        assert rows
        return len(counted.captured_queries), len(read.captured_queries)

    for _number in range(3):
        enroll(make_teacher(school_sliven), course, "in_progress")
        make_teacher(school_sliven)
    selectors.TeacherPages(viewer=coordinator, filters=filters).count()  # her groups, read once
    few = cost()
    for number in range(60):
        teacher = make_teacher(school_sliven)
        if number % 2:
            enroll(teacher, course, "completed")
    assert cost() == few
    # Two counts (enrolled, never enrolled) and one page.
    assert few == (2, 1)
