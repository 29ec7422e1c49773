"""Reports → Seminar bookings: coordinators see the bookings and attendance of the teachers in
their regions only, export them, in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.seminars import services
from tests.courses.seminar_builders import make_blended_course, make_session
from tests.factories import TrainerFactory, make_school, make_teacher

pytestmark = pytest.mark.django_db

URL = reverse("drom_reports:seminars")


@pytest.fixture
def bookings(home_bg):
    _course, _lesson, seminar = make_blended_course(home_bg)
    online = make_session(seminar)  # no region: open to all
    burgas = make_teacher(make_school("BG-02", code="2000011"), email="burgas@example.test")
    burgas.last_name = "Бургаска"
    burgas.save()
    sofia = make_teacher(make_school("BG-22", code="2200011"), email="sofia@example.test")
    sofia.last_name = "Софийска"
    sofia.save()
    return [services.seminar_book(teacher=t, session=online) for t in (burgas, sofia)]


def test_a_regional_coordinator_sees_only_her_regions_teachers(coordinator_client, bookings):
    response = coordinator_client.get(URL)
    assert response.status_code == 200
    assert "Бургаска" in response.text
    assert "Софийска" not in response.text


def test_the_national_coordinator_sees_all_and_exports_them(national_client, bookings):
    assert "Софийска" in national_client.get(URL).text
    export = national_client.get(URL, {"export": "csv"})
    assert export.status_code == 200
    text = b"".join(export.streaming_content).decode()
    assert "Бургаска" in text and "Софийска" in text and "2000011" in text


def test_the_export_is_scoped_too(coordinator_client, bookings):
    export = coordinator_client.get(URL, {"export": "csv"})
    text = b"".join(export.streaming_content).decode()
    assert "Бургаска" in text and "Софийска" not in text


@pytest.mark.parametrize("who", ["teacher", "trainer", "author"])
def test_people_who_are_not_coordinators_are_refused(client, bookings, who, author):
    person = {
        "teacher": bookings[0].teacher,
        "trainer": TrainerFactory(is_staff=True),
        "author": author,
    }[who]
    client.force_login(person)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert "Бургаска" not in response.text


def test_the_report_costs_the_same_queries_for_1_or_10_bookings(national_client, home_bg):
    _course, _lesson, seminar = make_blended_course(home_bg)
    session = make_session(seminar)
    counts = []
    for size in (1, 10):
        while session.bookings.count() < size:
            n = session.bookings.count()
            services.seminar_book(teacher=make_teacher(email=f"r{n}@example.test"), session=session)
        national_client.get(URL)
        with CaptureQueriesContext(connection) as captured:
            assert national_client.get(URL).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_national_coordinators_plan_sessions_and_regional_ones_cannot(
    client, national, coordinator, home_bg
):
    _course, _lesson, seminar = make_blended_course(home_bg)
    trainer = TrainerFactory()
    add = reverse("seminar_sessions:add")
    client.force_login(coordinator)
    assert client.get(add).status_code in (302, 403)
    client.force_login(national)
    form = {
        "seminar": seminar.pk,
        "starts_at": "2030-03-02 09:00",
        "ends_at": "2030-03-02 08:00",
        "trainer": trainer.pk,
        "capacity": 20,
        "academic_hours": 8,
    }
    response = client.post(add, form)
    assert response.status_code == 200  # refused, kept what was typed
    assert "след като започне" in response.text
    form.update({"ends_at": "2030-03-02 16:00", "place": "Бургас, РУО"})
    response = client.post(add, form)
    assert response.status_code == 302
    assert seminar.sessions.get().place == "Бургас, РУО"
