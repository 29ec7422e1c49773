"""The demo's blended programme: two modules, a seminar with sessions in two regions, teachers
booked, attendance taken by the demo trainer, certificates with the split of hours."""

from django.urls import reverse

from courses.models import Certificate, CoursePage, SeminarBooking, SeminarSession
from schools.models import User


def test_the_folklore_programme_is_blended_and_certified_with_the_split(client):
    course = CoursePage.objects.get(slug="romski-folklor", locale__language_code="bg")
    assert course.academic_hours == 16 and course.is_approved_programme
    sessions = list(SeminarSession.objects.filter(seminar__in=course.get_children()))
    assert len({s.region.code for s in sessions}) == 2
    assert SeminarBooking.objects.filter(session__in=sessions).count() >= 10
    taken = SeminarBooking.objects.exclude(attendance="")
    assert {b.attendance for b in taken} == {"present", "partly", "absent"}
    certificates = Certificate.objects.filter(enrollment__course=course)
    assert certificates.filter(in_person_hours=8, hours=16).exists()
    assert certificates.filter(in_person_hours=6, hours=14).exists()
    mine = certificates.get(enrollment__teacher__email="teacher@drom.test")
    assert mine.hours_display == "16 (8 ч. присъствено + 8 ч. самостоятелно)"


def test_the_demo_trainer_sees_her_sessions_and_the_demo_coordinator_the_bookings(client):
    client.force_login(User.objects.get(email="trainer@drom.test"))
    listing = client.get(reverse("courses:trainer_sessions"))
    assert "Сливен" in listing.text and "Благоевград" in listing.text
    client.force_login(User.objects.get(email="coordinator@drom.test"))  # BG34 and BG42
    report = client.get(reverse("drom_reports:seminars"))
    assert report.status_code == 200
    assert "Сливен" in report.text and "Благоевград" not in report.text


def test_the_folklore_evaluations_show_to_the_demo_coordinator_without_names(client):
    client.force_login(User.objects.get(email="national@drom.test"))
    course = CoursePage.objects.get(slug="romski-folklor", locale__language_code="bg")
    report = client.get(reverse("drom_reports:evaluations"), {"course": course.pk})
    assert "Семинарът беше най-полезната част." in report.text
    assert "teacher@drom.test" not in report.text
