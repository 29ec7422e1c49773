"""The figures a coordinator reads: counts per level, teacher rows, filters and scope."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reports import selectors
from reports.filters import ReportFilters
from schools.models import Region
from tests.factories import make_school, make_teacher

from .conftest import enroll

pytestmark = pytest.mark.django_db


def by_name(summary):
    return {row.name: row for row in summary.rows}


def test_region_summary_counts_every_state_within_scope(coordinator, course, network):
    summary = selectors.course_summary(
        viewer=coordinator, filters=ReportFilters(course=course), level="region"
    )
    assert [row.code for row in summary.rows] == ["BG34"]
    region = summary.rows[0]
    assert (region.not_started, region.enrolled, region.in_progress, region.completed) == (
        2,
        1,
        1,
        2,
    )
    assert region.teachers == 6
    assert region.rate == pytest.approx(33.3)
    assert summary.total.teachers == 6


def test_national_sees_every_region(national, course, network):
    summary = selectors.course_summary(
        viewer=national, filters=ReportFilters(course=course), level="region"
    )
    assert {row.code for row in summary.rows} == {"BG31", "BG34"}
    assert summary.total.teachers == 8
    assert summary.total.completed == 3


def test_school_level_adds_up_to_region(coordinator, course, network, school_sliven):
    summary = selectors.course_summary(
        viewer=coordinator, filters=ReportFilters(course=course), level="school"
    )
    rows = {row.pk: row for row in summary.rows}
    assert rows[school_sliven.pk].teachers == 4
    assert rows[school_sliven.pk].not_started == 1
    assert rows[school_sliven.pk].rate == 25.0
    assert sum(r.teachers for r in summary.rows) == 6


def test_teacher_who_moved_keeps_her_completion_at_the_old_school(
    national, course, network, school_vidin, school_sliven
):
    galya = network["completed"]
    galya.school = school_vidin
    galya.save()
    rows = {
        r.pk: r
        for r in selectors.course_summary(
            viewer=national, filters=ReportFilters(course=course), level="school"
        ).rows
    }
    assert rows[school_sliven.pk].completed == 1
    assert rows[school_vidin.pk].teachers == 2


def test_tampered_region_filter_gives_no_data(coordinator, course, network):
    north = Region.objects.get(code="BG31")
    summary = selectors.course_summary(
        viewer=coordinator, filters=ReportFilters(course=course, region=north), level="district"
    )
    assert summary.rows == []
    rows = selectors.teacher_rows(
        viewer=coordinator, filters=ReportFilters(course=course, region=north)
    )
    assert list(rows) == []


def test_teacher_rows_list_not_started_teachers_too(coordinator, course, network, school_sliven):
    rows = list(
        selectors.teacher_rows(
            viewer=coordinator, filters=ReportFilters(course=course, school=school_sliven)
        )
    )
    statuses = {row["r_email"]: row["r_status"] for row in rows}
    assert statuses == {
        "anna@example.test": "not_started",
        "boris@example.test": "enrolled",
        "vera@example.test": "in_progress",
        "galya@example.test": "completed",
    }
    assert [row["r_last"] for row in rows] == sorted(row["r_last"] for row in rows)


def test_teacher_rows_count_and_slice_in_the_database(coordinator, course, network):
    rows = selectors.teacher_rows(
        viewer=coordinator, filters=ReportFilters(course=course), ordering="-status"
    )
    assert rows.count() == 6
    assert len(rows[2:4]) == 2


@pytest.mark.parametrize(
    ("params", "emails"),
    [
        ({"status": "not_started"}, {"anna@example.test", "emil@example.test"}),
        ({"status": "completed"}, {"galya@example.test", "dora@example.test"}),
        (
            {"status": "unfinished"},
            {"anna@example.test", "boris@example.test", "vera@example.test", "emil@example.test"},
        ),
        ({"position": "mediator"}, {"vera@example.test"}),
        ({"q": "колева"}, {"vera@example.test"}),
        ({"q": "GALYA@"}, {"galya@example.test"}),
        ({"q": "вера колева"}, {"vera@example.test"}),
    ],
)
def test_filters_combine(coordinator, course, network, params, emails):
    rows = selectors.teacher_rows(
        viewer=coordinator, filters=ReportFilters(course=course, **params)
    )
    assert {row["r_email"] for row in rows} == emails


def test_completed_date_range(coordinator, course, network):
    today = timezone.localdate()
    recent = ReportFilters(
        course=course, completed_from=today - timedelta(days=7), completed_to=today
    )
    rows = selectors.teacher_rows(viewer=coordinator, filters=recent)
    assert {row["r_email"] for row in rows} == {"galya@example.test"}


def test_network_member_filter(coordinator, course, network, school_burgas):
    school_burgas.network_member = False
    school_burgas.save()
    summary = selectors.course_summary(
        viewer=coordinator,
        filters=ReportFilters(course=course, network_member=False),
        level="school",
    )
    assert [row.pk for row in summary.rows] == [school_burgas.pk]


def test_sorting_groups(coordinator, course, network, school_sliven, school_burgas):
    summary = selectors.course_summary(
        viewer=coordinator, filters=ReportFilters(course=course), level="school", ordering="-rate"
    )
    assert [row.pk for row in summary.rows] == [school_burgas.pk, school_sliven.pk]


def test_completions_by_month(national, course, network):
    months = selectors.completions_by_month(viewer=national, filters=ReportFilters(course=course))
    assert sum(n for _month, n in months) == 3


def test_teachers_and_authors_see_nothing(course, network, author):
    teacher = network["completed"]
    for viewer in (teacher, author):
        summary = selectors.course_summary(
            viewer=viewer, filters=ReportFilters(course=course), level="region"
        )
        assert summary.rows == []
        assert selectors.teacher_for_report(viewer=viewer, teacher_id=teacher.pk) is None


def _grow(course, schools):
    for n in range(schools):
        school = make_school("BG-20", municipality=f"Община {n}", code=f"29{n:05d}")
        enroll(make_teacher(school), course, "completed")
        enroll(make_teacher(school), course, "in_progress")
        make_teacher(school)


@pytest.mark.parametrize("schools", [1, 50])
def test_summary_query_count_does_not_grow(coordinator, course, schools, django_assert_num_queries):
    _grow(course, schools)
    coordinator = type(coordinator).objects.get(pk=coordinator.pk)
    filters = ReportFilters(course=course)
    # The coordinator's groups (scoping), the schools in scope, enrollments per school and
    # status, not-started teachers per school.
    with django_assert_num_queries(4):
        summary = selectors.course_summary(viewer=coordinator, filters=filters, level="school")
    assert summary.total.teachers == 3 * schools
    with django_assert_num_queries(1):
        rows = list(selectors.teacher_rows(viewer=coordinator, filters=filters)[:50])
    assert len(rows) == min(50, 3 * schools)
