"""My learning: courses in progress, completed courses, certificates and the credit passport."""

import csv
import io
from datetime import date

from django.urls import reverse
from pytest_django.asserts import assertRedirects

from courses import services
from courses.passport import attestation_period
from tests.courses.builders import make_course, steps
from tests.courses.test_certificates import pdf_text
from tests.factories import make_teacher


def complete(course, enrollment):
    for lesson in steps(course)[0]:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)


def test_attestation_periods_are_four_calendar_years():
    assert attestation_period(date(2026, 11, 23), first_year=2024) == (
        date(2024, 1, 1),
        date(2027, 12, 31),
    )
    assert attestation_period(date(2028, 1, 1), first_year=2024) == (
        date(2028, 1, 1),
        date(2031, 12, 31),
    )


def test_my_learning_needs_login(client):
    url = reverse("courses:my_learning")
    response = client.get(url)
    assertRedirects(response, f"{reverse('login')}?next={url}", fetch_redirect_response=False)


def test_my_learning_shows_progress_certificates_and_passport(
    home_bg, course_client, course_teacher
):
    started = make_course(home_bg, slug="started")
    done = make_course(home_bg, quizzes=0, slug="done")
    services.lesson_complete(
        enrollment=services.enrollment_create(teacher=course_teacher, course=started),
        lesson=steps(started)[0][0],
    )
    enrollment = services.enrollment_create(teacher=course_teacher, course=done)
    complete(done, enrollment)
    response = course_client.get(reverse("courses:my_learning"))
    assert "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    assert started.title in html and done.title in html
    assert 'value="33"' in html  # the course in progress
    assert enrollment.certificate.number in html
    assert "1 / 3" in html  # one credit of the three the period needs
    assert "Нужни са ви още 2 кредита" in html


def test_passport_csv_for_the_qualification_file(home_bg, course_client, course_teacher):
    course = make_course(home_bg, quizzes=0, slug="done")
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    complete(course, enrollment)
    response = course_client.get(reverse("courses:passport_csv"))
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Учител", "Мария Иванова Петрова"]
    course_row = next(r for r in rows if r and r[0] == course.title)
    assert course_row[2] == "4000123"
    assert course_row[4:7] == ["16", "1", enrollment.certificate.number]
    assert ["Общо", "", "", "", "16", "1", ""] in rows


def test_revoked_certificates_earn_no_credits(home_bg, course_client, course_teacher):
    course = make_course(home_bg, quizzes=0, slug="done")
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    complete(course, enrollment)
    services.certificate_revoke(
        certificate=enrollment.certificate, by=course_teacher, reason="Грешка"
    )
    html = course_client.get(reverse("courses:my_learning")).content.decode()
    assert "0 / 3" in html


def test_only_my_own_records(home_bg, client, course_teacher):
    course = make_course(home_bg, quizzes=0, slug="done")
    complete(course, services.enrollment_create(teacher=course_teacher, course=course))
    client.force_login(make_teacher(email="someone@example.test"))
    html = client.get(reverse("courses:my_learning")).content.decode()
    assert course.title not in html


def test_passport_pdf_for_the_qualification_file(home_bg, course_client, course_teacher):
    course = make_course(home_bg, quizzes=0, slug="done")
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    complete(course, enrollment)
    response = course_client.get(reverse("courses:passport_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Кредитен паспорт" in text
    assert "Мария Иванова Петрова" in text
    assert course_teacher.school.code in text
    assert enrollment.certificate.number in text
    assert "Общо — Академични часове: 16; Квалификационни кредити: 1" in text


def test_passport_pdf_needs_login(client):
    url = reverse("courses:passport_pdf")
    assertRedirects(
        client.get(url), f"{reverse('login')}?next={url}", fetch_redirect_response=False
    )
