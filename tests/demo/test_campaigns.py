"""The demo coordinator's campaign: assignments due soon, later, overdue and completed show on her
screens and on the demo teacher's; the teacher-table columns she chooses stay chosen."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import Assignment, CoursePage, Enrollment
from reports.models import ReportPreference
from schools.models import User

REPORT = "/admin/coordinator-reports/"


def _course():
    return CoursePage.objects.get(slug="interkulturno-obrazovanie", locale__language_code="bg")


def _table(html: str) -> str:
    start = html.index("reports-table")
    return html[start : html.index("</table>", start)]


def test_the_demo_coordinator_has_assignments_in_every_state(client):
    coordinator = User.objects.get(email="coordinator@drom.test")
    assignments = Assignment.objects.active().filter(assigned_by=coordinator)
    today = timezone.localdate()
    assert assignments.filter(due_on__gt=today, due_on__lte=today + dt.timedelta(days=7)).exists()
    assert assignments.filter(due_on__lt=today).count() == 1
    completed = Enrollment.objects.filter(
        status="completed",
        course_id__in=assignments.values("course_id"),
        teacher_id__in=assignments.values("teacher_id"),
    )
    assert completed.exists()
    # Nobody outside her regions; every assigned teacher is enrolled.
    assert not assignments.exclude(
        teacher__school__municipality__district__region__code__in=["BG34", "BG42"]
    ).exists()
    for a in assignments:
        assert Enrollment.objects.filter(teacher=a.teacher, course=a.course).exists()

    client.force_login(coordinator)
    listing = client.get(reverse("drom_reports:assignments"))
    assert listing.status_code == 200
    overdue = assignments.get(due_on__lt=today)
    report = client.get(
        REPORT, {"course": overdue.course_id, "level": "teacher", "assignment": "overdue"}
    )
    assert overdue.teacher.last_name in report.text
    assert report.context["paginator"].count == 1

    client.force_login(User.objects.get(email="teacher@drom.test"))
    learning = client.get(reverse("courses:my_learning"))
    assert f"Възложено от {coordinator.get_full_name()}, срок" in learning.text


def test_chosen_columns_are_remembered_for_the_coordinator_not_the_session(client):
    coordinator = User.objects.get(email="coordinator@drom.test")
    params = {"course": _course().pk, "level": "teacher"}
    client.force_login(coordinator)
    client.get(REPORT, {**params, "columns": "1", "col": ["r_school_name", "due_label"]})
    assert ReportPreference.objects.get(user=coordinator).teacher_columns == [
        "r_school_name",
        "due_label",
    ]
    client.logout()  # a new session, as on another day or another computer
    client.force_login(coordinator)
    table = _table(client.get(REPORT, params).text)
    assert "Училище" in table and "Срок" in table
    assert "Последна активност" not in table and "Най-добър резултат" not in table
    assert "Учител" in table and "Състояние" in table  # always shown

    # Another coordinator still sees every column.
    client.force_login(User.objects.get(email="national@drom.test"))
    assert "Последна активност" in _table(client.get(REPORT, params).text)

    # Unknown column names are ignored, and showing none is a choice that is kept too.
    client.force_login(coordinator)
    client.get(REPORT, {**params, "columns": "1", "col": ["password", "r_best"]})
    assert ReportPreference.objects.get(user=coordinator).teacher_columns == ["r_best"]
    client.get(REPORT, {**params, "columns": "1"})
    client.logout()
    client.force_login(coordinator)
    table = _table(client.get(REPORT, params).text)
    assert "Училище" not in table and "Учител" in table


def test_remembered_columns_cost_the_same_queries_as_the_default(client):
    coordinator = User.objects.get(email="coordinator@drom.test")
    client.force_login(coordinator)
    params = {"course": _course().pk, "level": "teacher"}
    client.get(REPORT, params)  # warm
    with CaptureQueriesContext(connection) as default:
        client.get(REPORT, params)
    client.get(REPORT, {**params, "columns": "1", "col": ["r_school_name"]})
    with CaptureQueriesContext(connection) as chosen:
        client.get(REPORT, params)
    assert len(chosen.captured_queries) == len(default.captured_queries)
