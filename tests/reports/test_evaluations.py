"""Reports → Course evaluations: no names ever, nothing below five responses in the viewer's
scope, the national coordinator's CSV of every response, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    CourseEvaluationFactory,
    CourseEvaluationPageFactory,
    CoursePageFactory,
    EnrollmentFactory,
    make_school,
    make_teacher,
)

pytestmark = pytest.mark.django_db

URL = reverse("drom_reports:evaluations")


def respond(course, form, school, n, comment="Повече практика"):
    teacher = make_teacher(school, email=f"eval{school.code}-{n}@example.test")
    enrollment = EnrollmentFactory(teacher=teacher, course=course, completed=True)
    return CourseEvaluationFactory(
        enrollment=enrollment,
        form=form,
        answers={"r-useful": 4, "r-trainer": 5, "t-change": f"{comment} {n}"},
    )


@pytest.fixture
def evaluated():
    course = CoursePageFactory(title="Оценяван курс", slug="otsenyavan")
    form = CourseEvaluationPageFactory(parent=course)
    burgas = make_school("BG-02", code="2098001")
    sofia = make_school("BG-22", code="2298001")
    return course, form, burgas, sofia


def test_below_five_responses_in_scope_nothing_is_shown(coordinator_client, evaluated):
    course, form, burgas, sofia = evaluated
    for n in range(4):
        respond(course, form, burgas, n)
    for n in range(6):
        respond(course, form, sofia, n, comment="Софийски коментар")
    response = coordinator_client.get(URL)  # BG34: Burgas's four only
    assert "4 отговора" in response.text
    assert "Повече практика" not in response.text and "Софийски" not in response.text
    assert "от 5 отговора нагоре" in response.text


def test_from_five_responses_the_coordinator_sees_averages_and_comments_without_names(
    coordinator_client, evaluated
):
    course, form, burgas, _sofia = evaluated
    evaluations = [respond(course, form, burgas, n) for n in range(5)]
    response = coordinator_client.get(URL)
    assert "Повече практика 3" in response.text
    assert "4.0" in response.text or "4,0" in response.text
    for evaluation in evaluations:
        assert evaluation.enrollment.teacher.last_name not in response.text
        assert evaluation.enrollment.teacher.email not in response.text
    assert reverse("drom_reports:evaluations_export", args=[course.pk]) not in response.text


def test_the_national_coordinator_exports_every_response_without_names(
    client, national, coordinator, evaluated
):
    course, form, burgas, sofia = evaluated
    evaluations = [respond(course, form, school, n) for n in range(3) for school in (burgas, sofia)]
    export_url = reverse("drom_reports:evaluations_export", args=[course.pk])
    client.force_login(national)
    assert export_url in client.get(URL).text
    text = client.get(export_url).content.decode()
    assert "Югоизточен" in text and "Полезно ли беше?" in text
    assert text.count("Повече практика") == 6
    assert all(e.enrollment.teacher.email not in text for e in evaluations)
    client.force_login(coordinator)
    refused = client.get(export_url)
    assert refused.status_code in (302, 403) and "Повече практика" not in refused.text


@pytest.mark.parametrize("who", ["teacher", "author", "methodologist"])
def test_people_who_are_not_coordinators_are_refused(client, evaluated, who, author, methodologist):
    person = {"teacher": make_teacher(), "author": author, "methodologist": methodologist}[who]
    client.force_login(person)
    assert client.get(URL).status_code in (302, 403)


def test_the_screen_costs_the_same_queries_for_5_or_40_responses(national_client, evaluated):
    course, form, burgas, _sofia = evaluated
    counts = []
    for size in (5, 40):
        while course.evaluations.count() < size:
            respond(course, form, burgas, course.evaluations.count())
        national_client.get(URL)
        with CaptureQueriesContext(connection) as captured:
            assert national_client.get(URL).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
