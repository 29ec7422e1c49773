"""The enrollment tally the database keeps (reports/tally/): after every kind of write — the
courses services, a teacher's move, an import's bulk update, a bulk status change, assigning,
deleting, an account closed — it equals a count made afresh, and the all-courses summary read
from it equals the one read from the enrollments themselves."""

import datetime as dt
import io
from collections import defaultdict

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from courses.assignments import assignment_cancel, assignments_create
from courses.models import Assignment, Enrollment
from courses.passport import attestation_period
from courses.services import enrollment_create, lesson_complete
from reports import tally
from reports.models import EnrollmentTally, EnrollmentTallyByPosition
from reports.selectors import all_courses
from reports.selectors.all_courses import AllCoursesFilters
from schools.models import District, Region, User
from schools.services import user_anonymise, user_school_change
from tests.courses.builders import make_course, steps
from tests.factories import make_teacher

from .conftest import enroll

pytestmark = pytest.mark.django_db

LEVELS = ("region", "district", "municipality", "school")
NO_DUE = dt.date(9999, 12, 31)


def kept(model=EnrollmentTally) -> dict:
    """A tally as the triggers left it: {key: (places, counts)}, summed per key (rows of
    enrollments made with no school are added, not merged), without keys counting nothing."""
    key = (*tally.KEY, *(["position"] if model is EnrollmentTallyByPosition else []))
    rows = model.objects.values_list(*key, *tally.PLACES, *tally.COUNTS)
    width, places = len(key), len(tally.PLACES)
    sums, where = defaultdict(lambda: [0] * len(tally.COUNTS)), {}
    for row in rows:
        key, counts = row[:width], row[width + places :]
        sums[key] = [a + b for a, b in zip(sums[key], counts, strict=True)]
        assert where.setdefault(key, row[width : width + places]) == row[width : width + places]
    return {key: (where[key], tuple(counts)) for key, counts in sums.items() if any(counts)}


def assert_tally_is_exact():
    before = kept(), kept(EnrollmentTallyByPosition)
    tally.rebuild()
    assert before == (kept(), kept(EnrollmentTallyByPosition))
    # Both tallies count the same enrollments.
    by_position = defaultdict(lambda: [0] * len(tally.COUNTS))
    for key, (_places, counts) in before[1].items():
        by_position[key[:-1]] = [a + b for a, b in zip(by_position[key[:-1]], counts, strict=True)]
    assert {key: tuple(c) for key, c in by_position.items() if any(c)} == {
        key: counts for key, (_places, counts) in before[0].items()
    }


@pytest.fixture
def second_course(home_bg):
    return make_course(home_bg, quizzes=0, slug="second")


def wanted() -> dict:
    return {name: table for name, (table, _sql) in tally.definitions(connection.vendor)[1].items()}


def test_the_triggers_are_installed_by_migrate():
    assert tally.installed_triggers(connection) == wanted()
    tables = {"courses_enrollment", "courses_assignment", "schools_user", "schools_school"}
    assert tables | {"schools_municipality", "schools_district"} == set(wanted().values())


def test_the_tally_follows_every_kind_of_write(
    coordinator, course, second_course, network, school_sliven, school_burgas
):
    assert_tally_is_exact()
    period = attestation_period(timezone.localdate())[0].year
    expected = (network["completed"].school_id, school_sliven.pk, course.pk, period, NO_DUE)
    places, counts = kept()[expected]
    assert counts[2:4] == (1, 16)  # one completed, 16 hours
    sliven = school_sliven.municipality
    assert places == (sliven.pk, sliven.district_id, sliven.district.region_id) * 2

    # The courses services: enrolling, then a lesson done (status enrolled → in progress).
    anna = network["not_started"]
    enrollment = enrollment_create(teacher=anna, course=second_course)
    assert_tally_is_exact()
    lesson_complete(enrollment=enrollment, lesson=steps(second_course)[0][0])
    assert Enrollment.objects.get(pk=enrollment.pk).status == "in_progress"
    assert_tally_is_exact()

    # A teacher moves: her enrollments count at her new school, where she enrolled stays.
    user_school_change(user=anna, school=school_burgas)
    assert_tally_is_exact()
    assert (school_burgas.pk, school_sliven.pk, second_course.pk, 0, NO_DUE) in kept()

    # An import's bulk update moves teachers without saving them one by one.
    boris, vera = network["enrolled"], network["in_progress"]
    boris.school, vera.school = school_burgas, None
    User.objects.bulk_update([boris, vera], ["school"])
    assert_tally_is_exact()

    # A bulk status change with dates, hours and credits; then a completion moved 5 years back.
    Enrollment.objects.filter(teacher=boris).update(
        status="completed", completed_at=timezone.now(), hours_earned=8, credits_earned=1
    )
    assert_tally_is_exact()
    Enrollment.objects.filter(teacher=boris).update(
        completed_at=timezone.now() - dt.timedelta(days=365 * 5)
    )
    assert_tally_is_exact()
    Enrollment.objects.filter(teacher=boris).update(credits_earned=2)
    assert_tally_is_exact()
    Enrollment.objects.filter(teacher=boris).update(hours_earned=9)
    assert_tally_is_exact()
    Enrollment.objects.filter(teacher=boris).update(percent=50)  # not counted: nothing changes
    assert_tally_is_exact()

    # Assigning enrolls in bulk; an enrollment with no school; one deleted.
    dora = network["burgas_done"]
    assignments_create(
        by=coordinator,
        teacher_ids=[dora.pk, network["completed"].pk],
        courses=[second_course],
        due_on=timezone.localdate() + dt.timedelta(days=10),
    )
    assert_tally_is_exact()
    due = timezone.localdate() + dt.timedelta(days=10)
    assert any(key[4] == due for key in kept())
    # Re-dated in bulk (as the campaign tests do), then cancelled through the service.
    Assignment.objects.filter(teacher=dora).update(due_on=due - dt.timedelta(days=20))
    assert_tally_is_exact()
    assignment_cancel(by=coordinator, assignment=Assignment.objects.get(teacher=dora))
    assert_tally_is_exact()
    assert not any(key[4] == due - dt.timedelta(days=20) for key in kept())
    Enrollment.objects.filter(teacher=dora, course=second_course).update(school=None)
    assert_tally_is_exact()
    Enrollment.objects.filter(teacher=network["completed"], course=second_course).delete()
    assert_tally_is_exact()

    # A new position (the tally by position moves her enrollments).
    dora.position = "principal"
    dora.save()
    assert_tally_is_exact()
    # Deactivated, then active again; an account closed at its owner's request.
    counted_with_dora = kept()
    dora.is_active = False
    dora.save()
    assert_tally_is_exact()
    assert kept() != counted_with_dora
    User.objects.filter(pk=dora.pk).update(is_active=True)
    assert_tally_is_exact()
    user_anonymise(user=network["completed"])
    assert_tally_is_exact()

    # A new teacher enrolled the way the report tests do.
    enroll(make_teacher(school_sliven), second_course, "completed")
    assert_tally_is_exact()

    # Places move: a school to another municipality, a municipality to another district, a
    # district to another region (an import of the official lists can do each).
    school_sliven.municipality = school_burgas.municipality
    school_sliven.save()
    assert_tally_is_exact()
    burgas = school_burgas.municipality
    burgas.district = District.objects.get(code="BG-05")
    burgas.save()
    assert_tally_is_exact()
    District.objects.filter(code="BG-05").update(region=Region.objects.get(code="BG41"))
    assert_tally_is_exact()
    Assignment.objects.filter(teacher=network["completed"]).delete()
    assert_tally_is_exact()


def summaries(viewer, filters, level):
    """The summary's counts read from the tally and from the enrollments, side by side."""
    arguments = {
        "viewer": viewer,
        "filters": filters,
        "course_ids": [c.pk for c in filters.courses],
        "level": level,
    }

    def counted(rows):  # a sum over nothing is None; a key whose counts went back to 0 is nothing
        rows = (row[:3] + tuple(n or 0 for n in row[3:]) for row in rows)
        return sorted(row for row in rows if any(row[3:]))

    return (
        counted(all_courses._tally_counts(**arguments)),
        counted(all_courses._enrollment_counts(**arguments)),
    )


def test_the_summary_reads_the_same_from_the_tally_as_from_the_enrollments(
    coordinator, national, course, second_course, network, school_sliven, school_burgas
):
    # A mix: a move after enrolling, a completion in another attestation period, no school.
    enroll(network["not_started"], second_course, "completed")
    user_school_change(user=network["not_started"], school=school_burgas)
    Enrollment.objects.filter(teacher=network["completed"]).update(
        completed_at=timezone.now() - dt.timedelta(days=365 * 5)
    )
    enroll(network["vidin_done"], second_course, "in_progress")
    enroll(network["burgas_new"], second_course, "enrolled", school=school_sliven)
    # Overdue: two assignments past due, one of them already completed (not overdue).
    assignments_create(
        by=coordinator,
        teacher_ids=[network["enrolled"].pk, network["burgas_new"].pk, network["completed"].pk],
        courses=[second_course],
        due_on=timezone.localdate(),
    )
    Enrollment.objects.filter(teacher=network["completed"], course=second_course).update(
        status="completed", completed_at=timezone.now(), hours_earned=4
    )
    Assignment.objects.update(due_on=timezone.localdate() - dt.timedelta(days=3))
    both = (course, second_course)
    southeast = Region.objects.get(code="BG34")
    for viewer in (coordinator, national):
        for filters in (
            AllCoursesFilters(courses=both),
            AllCoursesFilters(courses=(second_course,), region=southeast),
            AllCoursesFilters(courses=both, district=school_burgas.municipality.district),
            AllCoursesFilters(courses=both, municipality=school_sliven.municipality),
            AllCoursesFilters(courses=both, school=school_sliven),
            AllCoursesFilters(courses=both, network_member=True),
            AllCoursesFilters(courses=both, position="mediator"),
            AllCoursesFilters(courses=both, position="teacher", region=southeast),
        ):
            for level in LEVELS:
                from_tally, from_enrollments = summaries(viewer, filters, level)
                assert from_tally == from_enrollments, (viewer, filters, level)
                assert from_tally  # something was counted
    from_tally, _ = summaries(coordinator, AllCoursesFilters(courses=both), "school")
    assert sum(row[-1] for row in from_tally) == 2  # overdue


def test_the_report_reads_the_tally_for_coordinators_only(coordinator, national, network):
    assert all_courses._tally_serves(coordinator) and all_courses._tally_serves(national)
    assert not all_courses._tally_serves(network["completed"])


def test_a_lost_trigger_is_put_back_and_the_tally_counted_afresh(course, network):
    """What a SQLite migration that rebuilds the enrollments table does to its triggers."""
    name = next(name for name in wanted() if "enrollment_update" in name)
    on = " ON courses_enrollment" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {name}{on}")
    Enrollment.objects.filter(teacher=network["enrolled"]).update(status="in_progress")
    stale = kept()
    assert tally.install() is True
    assert tally.installed_triggers(connection) == wanted()
    assert kept() != stale
    assert_tally_is_exact()
    assert tally.install() is False  # nothing to change now


def test_triggers_of_an_older_definition_are_replaced(course, network):
    """Changed trigger SQL gives other names: the old triggers go, the tally is recounted."""
    name = next(name for name in wanted() if "teacher_update" in name)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TRIGGER {name} ON schools_user RENAME TO reports_tally_old")
        else:
            cursor.execute(f"DROP TRIGGER {name}")
            cursor.execute(
                "CREATE TRIGGER reports_tally_old AFTER UPDATE ON schools_user BEGIN SELECT 1; END"
            )
    assert "reports_tally_old" in tally.installed_triggers(connection)
    assert tally.install() is True
    assert tally.installed_triggers(connection) == wanted()


def test_the_rebuild_command_repairs_a_tally_changed_by_hand(course, network):
    EnrollmentTally.objects.update(n_completed=99)
    out = io.StringIO()
    call_command("rebuild_enrollment_tally", stdout=out)
    assert "triggers in place" in out.getvalue()
    assert all(counts[2] < 99 for _places, counts in kept().values())
    assert_tally_is_exact()
