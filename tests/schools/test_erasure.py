"""Deleting an account erases the person everywhere (GDPR art. 17), and every model that holds
personal data has a rule saying how (ops.erasure)."""

import io

import pytest
from axes.models import AccessAttempt, AccessLog
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from wagtail.log_actions import log
from wagtail.search import index
from wagtail.users.models import UserProfile

from courses import services
from courses.models import Certificate, Enrollment, LessonCompletion
from curriculum.models import LessonPlanFeedback
from ops import erasure
from ops.models import OutgoingEmail, PreparedDownload
from ops.storage import private_storage
from reports.models import ReminderLog
from schools.models import User
from tests.courses.builders import make_course, steps
from tests.factories import (
    LessonPlanFeedbackFactory,
    ReminderLogFactory,
    SavedLessonPlanFactory,
    make_teacher,
)

EMAIL = "yordanka.angelova@example.test"
PASSWORD = "correct-horse-battery"
NAMES = ("Йорданка", "Стоянова", "Ангелова")
# Field names that hold personal data wherever they appear (besides links to the account,
# e-mail and IP address fields, which are found by type).
PERSONAL_NAMES = {
    "email",
    "first_name",
    "father_name",
    "last_name",
    "holder_name",
    "username",
    "user_agent",
    "reflection",
    "answers",
    "to_email",
}


def personal_data_models() -> list[str]:
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False) or field.model is not model:
                continue  # inherited fields are answered for by the parent model
            links_person = (
                field.is_relation
                and field.related_model is not None
                and field.related_model._meta.label == settings.AUTH_USER_MODEL
            )
            typed = isinstance(field, models.EmailField | models.GenericIPAddressField)
            if links_person or typed or field.name in PERSONAL_NAMES:
                found.append(model._meta.label)
                break
    return sorted(found)


def test_the_detector_sees_personal_data():
    found = personal_data_models()
    for label in ("schools.User", "reports.ReminderLog", "axes.AccessAttempt", "ops.OutgoingEmail"):
        assert label in found
    assert "schools.Region" not in found


def test_every_model_holding_personal_data_has_an_erasure_rule():
    rules = erasure.coverage()
    missing = [label for label in personal_data_models() if label not in rules]
    assert missing == [], "add a rule in the app's erasure.py, registered in wagtail_hooks.py"
    stale = [label for label in rules if label not in {m._meta.label for m in apps.get_models()}]
    assert stale == []
    assert all(len(how) > 20 for how in rules.values())


def test_no_model_holding_personal_data_is_in_the_search_index():
    indexed = [
        label
        for label in personal_data_models()
        if issubclass(apps.get_model(label), index.Indexed)
    ]
    # Pages and files carry an owner or uploader link, not a person's data, in the index.
    assert [
        label
        for label in indexed
        if label not in ("wagtailcore.Page",)
        and not label.startswith(("wagtailimages.", "wagtaildocs.", "wagtailmedia."))
        and label not in ("curriculum.DromImage", "curriculum.DromDocument", "curriculum.DromMedia")
    ] == []


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media"), "base_url": "/media/"},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    return tmp_path / "private"


@pytest.fixture
def person(home_bg, national):
    """A teacher with a trace in every place Drom keeps one."""
    teacher = make_teacher(
        email=EMAIL,
        password=PASSWORD,
        first_name=NAMES[0],
        father_name=NAMES[1],
        last_name=NAMES[2],
    )
    course = make_course(home_bg, quizzes=0, slug="erasure", reflection_on_first=True)
    enrollment = services.enrollment_create(teacher=teacher, course=course)
    for lesson in steps(course)[0]:
        services.lesson_complete(
            enrollment=enrollment, lesson=lesson, reflection="Аз, Йорданка Ангелова, ще опитам."
        )
    ReminderLogFactory(teacher=teacher, course=course, sent_by=national)
    OutgoingEmail.objects.create(
        kind=OutgoingEmail.Kind.INVITATION,
        status=OutgoingEmail.Status.SENT,
        recipient=teacher,
        to_email=EMAIL,
        subject="Покана за Йорданка Ангелова",
        body="Здравейте, Йорданка Стоянова Ангелова!",
        sent_at=timezone.now(),
    )
    OutgoingEmail.objects.create(
        kind=OutgoingEmail.Kind.REMINDER,
        to_email=EMAIL,
        subject="Напомняне",
        body="Здравейте, Йорданка!",
        attachment=ContentFile(b"Yordanka", name="reminder.txt"),
    )
    AccessAttempt.objects.create(
        username=EMAIL, ip_address="192.0.2.7", user_agent="Firefox", failures_since_start=2
    )
    AccessLog.objects.create(username=EMAIL.upper(), ip_address="192.0.2.7", user_agent="Firefox")
    export = PreparedDownload.objects.create(
        kind="report",
        title="Справка",
        requested_by=national,
        status=PreparedDownload.Status.READY,
        filename="spravka.csv",
        content_type="text/csv",
        file=ContentFile("Йорданка Стоянова Ангелова;1\n".encode(), name="spravka.csv"),
    )
    SavedLessonPlanFactory(user=teacher)
    LessonPlanFeedbackFactory(
        teacher=teacher, rating=5, comment="Аз, Йорданка Ангелова, го преподавах."
    )
    log(instance=teacher, action="wagtail.edit", user=national)
    UserProfile.get_for_user(teacher)
    return {"teacher": teacher, "course": course, "export": export}


def test_deleting_an_account_erases_the_person_everywhere(
    client, person, national, django_capture_on_commit_callbacks
):
    teacher = person["teacher"]
    certificate = Certificate.objects.get()
    client.force_login(teacher)
    assert (
        client.get(reverse("courses:certificate_pdf", args=[certificate.number])).status_code == 200
    )
    storage = private_storage()
    _dirs, stored = storage.listdir(f"certificates/{certificate.year}")
    assert stored  # the certificate PDF is kept on disk
    export_file = person["export"].file.name
    assert storage.exists(export_file)
    completed_before = Enrollment.objects.filter(status=Enrollment.Status.COMPLETED).count()

    attachment = OutgoingEmail.objects.exclude(attachment="").get().attachment.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("profile_delete"), {"password": PASSWORD})
    assert response.status_code == 302

    # No record anywhere still holds her address or her names.
    holding = []
    for model in apps.get_models():
        text_fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        if not text_fields:
            continue
        for row in model.objects.all():
            for field in text_fields:
                value = str(getattr(row, field.attname)).lower()
                if EMAIL in value or any(name.lower() in value for name in NAMES):
                    holding.append(f"{model._meta.label}.{field.name}")
    assert holding == []
    # Nor any file: the stored certificate PDFs, prepared exports and attachments are gone.
    _dirs, left = storage.listdir(f"certificates/{certificate.year}")
    assert left == []
    assert not storage.exists(export_file)
    assert not OutgoingEmail.objects.exclude(attachment="").exists()
    assert not storage.exists(attachment)
    # Records that count stay: completions, the certificate, the reminder for the 7-day rule.
    assert Enrollment.objects.filter(status=Enrollment.Status.COMPLETED).count() == completed_before
    assert LessonCompletion.objects.filter(teacher=teacher).count() == 2
    assert ReminderLog.objects.filter(teacher=teacher).count() == 1
    assert OutgoingEmail.objects.filter(kind=OutgoingEmail.Kind.INVITATION).count() == 1
    assert not OutgoingEmail.objects.filter(kind=OutgoingEmail.Kind.REMINDER).exists()
    assert not AccessAttempt.objects.exists() and not AccessLog.objects.exists()
    # Her "I taught this" rating still counts in the plan's average; her words are gone.
    assert list(LessonPlanFeedback.objects.values_list("rating", "comment")) == [(5, "")]
    teacher.refresh_from_db()
    assert not teacher.is_active and teacher.school_id is not None


def test_the_certificate_stays_valid_without_a_name(client, person):
    teacher = person["teacher"]
    client.force_login(teacher)
    client.post(reverse("profile_delete"), {"password": PASSWORD})
    certificate = Certificate.objects.get()
    assert certificate.holder_erased and certificate.holder_name == ""
    for path, words in (
        (
            reverse("courses:verify", args=[certificate.code]),
            ("валидно", "заличени по негово", "Курс erasure"),
        ),
        (
            f"/en/learning/verify/{certificate.code}/",
            ("is valid", "erased at their request", "Kurs erasure"),
        ),
    ):
        response = client.get(path)
        assert response.status_code == 200
        html = response.content.decode()
        for word in words:
            assert word in html, word
        assert "Йорданка" not in html and "Yordanka" not in html


def test_national_coordinator_still_prints_the_certificate_without_the_name(
    client, person, national
):
    client.force_login(person["teacher"])
    client.post(reverse("profile_delete"), {"password": PASSWORD})
    certificate = Certificate.objects.get()
    client.force_login(national)
    response = client.get(reverse("courses:certificate_pdf", args=[certificate.number]))
    text = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200
    from_pdf = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(text)).pages)
    assert "заличени по искане на притежателя" in " ".join(from_pdf.split())
    assert "Йорданка" not in from_pdf


def test_a_wrong_password_erases_nothing(client, person):
    client.force_login(person["teacher"])
    response = client.post(reverse("profile_delete"), {"password": "wrong"})
    assert response.status_code == 200
    assert User.objects.filter(email=EMAIL, is_active=True).exists()
    assert AccessAttempt.objects.filter(username=EMAIL).exists()
    assert not Certificate.objects.get().holder_erased
