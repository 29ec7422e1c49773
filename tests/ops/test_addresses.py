"""Absolute addresses come from BASE_URL (or, unset, the request's host): the API, the sitemap,
e-mail links, certificates' QR codes and verification links."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site

from cms.models import StandardPage
from curriculum.models import LessonPlanIndexPage
from ops.addresses import base_url, public_url, site_host_and_port
from ops.signals import site_sync_from_base_url
from reports.services import reminders_send
from schools import roles
from schools.models import Region
from tests.courses.builders import make_course
from tests.curriculum.conftest import make_plan
from tests.factories import make_school, make_teacher, make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://drom.bg", ("drom.bg", 443)),
        ("http://127.0.0.1:8123", ("127.0.0.1", 8123)),
        ("http://localhost", ("localhost", 80)),
    ],
)
def test_site_host_and_port(url, expected):
    assert site_host_and_port(url) == expected


def test_migrate_points_the_wagtail_site_at_base_url(settings):
    settings.BASE_URL = "https://drom.example.org"
    call_command("migrate", "ops", verbosity=0)  # post_migrate runs on every deploy
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "drom.example.org",
        443,
        "https://drom.example.org",
    )
    assert site_sync_from_base_url() is False  # already in step


def test_without_base_url_the_site_is_left_alone(settings):
    settings.BASE_URL = ""
    before = Site.objects.get(is_default_site=True)
    assert site_sync_from_base_url() is False
    assert Site.objects.get(is_default_site=True).root_url == before.root_url


def test_public_url_prefers_base_url_then_the_request(settings, rf):
    request = rf.get("/", HTTP_HOST="192.168.1.20:8080")
    settings.BASE_URL = ""
    assert public_url("/x/", request) == "http://192.168.1.20:8080/x/"
    settings.BASE_URL = "https://drom.example.org"
    assert public_url("/x/", request) == "https://drom.example.org/x/"
    assert base_url() == "https://drom.example.org"


@pytest.fixture
def public_site(settings):
    settings.BASE_URL = "https://drom.example.org"
    settings.WAGTAILAPI_BASE_URL = "https://drom.example.org"
    site_sync_from_base_url()


def test_the_api_and_the_sitemap_name_the_public_address(client, public_site, home_bg):
    page = home_bg.add_child(instance=StandardPage(title="За нас", slug="za-nas"))
    page.save_revision().publish()
    listing = client.get("/api/v2/images/", HTTP_HOST="127.0.0.1:8000")
    assert listing.status_code == 200
    sitemap = client.get("/sitemap.xml", HTTP_HOST="10.0.0.7:8000").content.decode()
    assert "<loc>https://drom.example.org/za-nas/</loc>" in sitemap
    assert "localhost" not in sitemap and "10.0.0.7" not in sitemap


def test_lesson_plan_api_urls(client, public_site):
    library = LessonPlanIndexPage.objects.get(locale__language_code="bg")
    plan = make_plan(library, title="Урок", slug="urok-api")
    data = client.get("/api/v2/lesson-plans/", HTTP_HOST="127.0.0.1:8000").json()
    item = next(i for i in data["items"] if i["id"] == plan.pk)
    assert item["meta"]["detail_url"] == f"https://drom.example.org/api/v2/lesson-plans/{plan.pk}/"
    assert item["meta"]["html_url"] == "https://drom.example.org/library/urok-api/"


def test_reminder_links_name_the_public_address(
    public_site, home_bg, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    course = make_course(home_bg)
    course.save_revision().publish()
    teacher = make_teacher(make_school("BG-20", name="ОУ", code="2000999"), email="r@example.test")
    coordinator = make_user("c@example.test", roles.REGIONAL_COORDINATORS, is_staff=True)
    coordinator.regions.set(Region.objects.filter(code="BG34"))
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(sender=coordinator, course=course, teacher_ids=[teacher.pk])
    assert "https://drom.example.org/" in mail.outbox[0].body
    assert "localhost" not in mail.outbox[0].body


def test_certificate_verification_link_names_the_public_address(settings, rf):
    from courses.certificates import verification_url

    class Certificate:
        code = "ABCDEFGH1234"

    settings.BASE_URL = "https://drom.example.org"
    url = verification_url(rf.get("/", HTTP_HOST="10.0.0.7"), Certificate())
    assert url == "https://drom.example.org" + reverse("courses:verify", args=["ABCDEFGH1234"])


def test_development_email_is_printed_readably():
    """`make run` prints each e-mail with its Bulgarian subject as text, not MIME-encoded."""
    import io

    from django.core.mail import EmailMessage

    from ops.mail_backends import ReadableConsoleBackend

    out = io.StringIO()
    message = EmailMessage("Напомняне: курсът ви чака", "Здравейте, Анна!", to=["a@example.test"])
    message.attach("report.xlsx", b"PK", "application/vnd.ms-excel")
    assert ReadableConsoleBackend(stream=out).send_messages([message]) == 1
    printed = out.getvalue()
    assert "Subject: Напомняне: курсът ви чака" in printed
    assert "Здравейте, Анна!" in printed
    assert "Attached: report.xlsx" in printed
    assert "=?utf-8?" not in printed


def test_development_settings_print_email_readably():
    from tests.cms.test_settings import settings_value

    assert settings_value("cms.settings.dev", "settings.EMAIL_BACKEND") == (
        "ops.mail_backends.ReadableConsoleBackend"
    )
