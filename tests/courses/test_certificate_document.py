"""The certificate as an official document (Ordinance 15 layout, issuer setting, module appendix,
consistent dates) and its English version (Transliteration Act, English titles and address)."""

import io
import re
from datetime import timedelta

import pypdfium2
import pytest
import segno
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader
from wagtail.models import Site

from cms.translit import transliterate
from courses import services
from courses.models import Certificate, CertificateIssuer
from schools import roles
from tests.courses.builders import make_course, steps
from tests.courses.test_translations import translate
from tests.factories import (
    CertificateIssuerFactory,
    DromImageFactory,
    EnrollmentFactory,
    make_teacher,
    make_user,
)
from tests.factories.schools import SchoolFactory

CYRILLIC = re.compile(r"[А-Яа-яЀ-ӿ]")
MODULES = [
    ("m-history", "Ромската история и култура", "Roma history and culture", 8),
    ("m-parents", "Работа с родителите", "Working with parents", 8),
]


@pytest.mark.parametrize(
    ("bulgarian", "latin"),
    [
        ("Йорданка Стоянова Ангелова", "Yordanka Stoyanova Angelova"),
        ("България", "Bulgaria"),
        ("София", "Sofia"),
        ("Мария Илиева", "Maria Ilieva"),
        ("Георги Христов Щерев", "Georgi Hristov Shterev"),
        ("Цветелина Чавдарова Жекова", "Tsvetelina Chavdarova Zhekova"),
        ("Юлиян Ъглев", "Yuliyan Aglev"),
        ("Гьонов", "Gyonov"),
        ("Стара Загора", "Stara Zagora"),
        ("Пенчо Славейков", "Pencho Slaveykov"),
        ("ЮЛИЯ", "YULIA"),
        ("ОУ „Христо Ботев“, с. Мировяне", "OU “Hristo Botev”, s. Mirovyane"),
        ("абвгдежзийклмнопрстуфхцчшщъьюя", "abvgdezhziyklmnoprstufhtschshshtayyuya"),
        ("Iliyana 2206123", "Iliyana 2206123"),
    ],
)
def test_transliteration_follows_the_act(bulgarian, latin):
    assert transliterate(bulgarian) == latin


def pdf_pages(content: bytes) -> list[str]:
    return [
        re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(content)).pages
    ]


def rendered(content: bytes) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(content)
    return [page.render(scale=1).to_pil().convert("L") for page in document]


def ink(image: Image.Image, box) -> int:
    """How many dark pixels there are in `box` (fractions of the page: left, top, right, bottom)."""
    width, height = image.size
    left, top, right, bottom = box
    area = image.crop(
        (int(left * width), int(top * height), int(right * width), int(bottom * height))
    )
    return sum(area.histogram()[:160])


@pytest.fixture
def issuer(db):
    logo = DromImageFactory(title="Лого")
    return CertificateIssuerFactory(logo=logo)


@pytest.fixture
def school(db):
    return SchoolFactory(name="ОУ „Христо Ботев“", code="2206123", settlement="с. Мировяне")


@pytest.fixture
def certificate(home_bg, locale_en, issuer, school):
    teacher = make_teacher(
        school=school,
        email="yordanka@example.test",
        first_name="Йорданка",
        father_name="Стоянова",
        last_name="Ангелова",
    )
    course = make_course(home_bg, quizzes=0, slug="modules")
    course.title = "Интеркултурно образование в класната стая"
    course.academic_hours = 16
    course.modules = [
        {"type": "module", "id": block_id, "value": {"title": title, "hours": hours}}
        for block_id, title, _en, hours in MODULES
    ]
    course.save_revision().publish()
    translate(course.get_parent(), locale_en, "Courses")
    english = course.copy_for_translation(locale_en)
    english.title = "Intercultural education in the classroom"
    english.programme_name = "Intercultural education"
    english.provider = "Drom Association"
    english.modules = [
        {"type": "module", "id": block_id, "value": {"title": title_en, "hours": hours}}
        for block_id, _bg, title_en, hours in MODULES
    ]
    english.save_revision().publish()
    enrollment = services.enrollment_create(teacher=teacher, course=course)
    for lesson in steps(course)[0]:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    certificate = Certificate.objects.get()
    return certificate


@pytest.fixture
def holder_client(client, certificate):
    client.force_login(certificate.enrollment.teacher)
    return client


def download(client, certificate, language=""):
    url = reverse("courses:certificate_pdf", args=[certificate.number])
    response = client.get(url + (f"?lang={language}" if language else ""))
    assert response.status_code == 200
    return response


def test_bulgarian_certificate_has_every_field_of_the_official_layout(holder_client, certificate):
    response = download(holder_client, certificate)
    assert f'filename="udostoverenie-{certificate.number}.pdf"' in response["Content-Disposition"]
    first, appendix = pdf_pages(response.getvalue())
    district = certificate.enrollment.school.municipality.district.name
    for expected in [
        # the issuing organisation, from the site setting
        "Сдружение „Дром“",
        "ЕИК 175000000",
        "София 1000, ул. „Примерна“ 1",
        # the document and its register entry
        "УДОСТОВЕРЕНИЕ",
        "за повишаване на квалификацията",
        f"Рег. № {certificate.number} от {certificate.issued_on:%d.%m.%Y} г.",
        # the holder, the school and its place
        "Йорданка Стоянова Ангелова",
        "учител",
        "ОУ „Христо Ботев“ (код по НЕИСПУО 2206123)",
        f"с. Мировяне, област {district}",
        # the programme
        "„Интеркултурно образование в класната стая“",
        "Одобрена програма: Интеркултурно образование",
        "УИН: 4000123",
        "Форма на обучение: дистанционна",
        f"Период: {certificate.started_on:%d.%m.%Y} – {certificate.completed_on:%d.%m.%Y}",
        "Академични часове: 16",
        "Квалификационни кредити: 1",
        "Модули: посочени в приложението",
        # place, date, signatory and stamp
        f"София, {certificate.issued_on:%d.%m.%Y} г.",
        "Ръководител на обучаващата организация:",
        "(подпис)",
        "Стефка Иванова Георгиева",
        "Председател",
        "М.П.",
        f"/learning/verify/{certificate.code}/",
    ]:
        assert expected in first, expected
    assert "ПРИЛОЖЕНИЕ" in appendix
    assert f"към удостоверение с рег. № {certificate.number}" in appendix
    assert "1 Ромската история и култура 8" in appendix
    assert "2 Работа с родителите 8" in appendix
    assert "Общо 16" in appendix


def test_english_certificate_is_english_throughout(holder_client, certificate):
    response = download(holder_client, certificate, "en")
    assert f'filename="certificate-{certificate.number}-en.pdf"' in response["Content-Disposition"]
    pages = pdf_pages(response.getvalue())
    text = " ".join(pages)
    assert CYRILLIC.findall(text) == []
    for expected in [
        "Drom Association",
        "UIC 175000000",
        "1 Primerna St, Sofia 1000, Bulgaria",
        "CERTIFICATE",
        f"Registration No. {certificate.number} of {certificate.issued_on:%d.%m.%Y}",
        "Yordanka Stoyanova Angelova",
        "teacher",
        "OU “Hristo Botev” (NEISPUO code 2206123)",
        "s. Mirovyane",
        "“Intercultural education in the classroom”",
        "Approved programme: Intercultural education",
        "Form of training: distance",
        "Academic hours: 16",
        "Stefka Ivanova Georgieva",
        "Chair",
        f"Sofia, {certificate.issued_on:%d.%m.%Y}",
        f"/en/learning/verify/{certificate.code}/",
        "Roma history and culture",
        "Working with parents",
    ]:
        assert expected in text, expected


def test_the_english_qr_code_leads_to_the_english_verification_page(holder_client, certificate):
    content = download(holder_client, certificate, "en").getvalue()
    images = [
        Image.open(io.BytesIO(i.data)).convert("L")
        for i in PdfReader(io.BytesIO(content)).pages[0].images
    ]
    url = "http://testserver" + reverse("courses:verify", args=[certificate.code]).replace(
        "/learning/", "/en/learning/", 1
    )
    expected = segno.make(url, error="m").matrix
    size = len(expected)
    qr = next(image for image in images if image.size[0] == image.size[1] == (size + 4) * 8)
    read = [
        [qr.getpixel(((x + 2) * 8 + 4, (y + 2) * 8 + 4)) < 128 for x in range(size)]
        for y in range(size)
    ]
    assert read == [[bool(v) for v in row] for row in expected]


@pytest.mark.parametrize("language", ["bg", "en"])
def test_rendered_page_is_filled_and_framed(holder_client, certificate, language):
    pages = rendered(download(holder_client, certificate, language).getvalue())
    assert len(pages) == 2  # the certificate and the appendix with the modules
    first = pages[0]
    width, height = first.size
    assert abs(height / width - 297 / 210) < 0.01  # A4 portrait
    # The logo sits at the top left, inside the frame.
    assert ink(first, (0.09, 0.05, 0.22, 0.12)) > 50
    # The lower 40 % of the page carries the signature block, the stamp area and the QR code.
    assert ink(first, (0.09, 0.72, 0.30, 0.86)) > 2000  # QR code
    assert ink(first, (0.60, 0.80, 0.91, 0.86)) > 100  # signature line and head's name
    assert ink(first, (0.44, 0.74, 0.60, 0.90)) > 50  # stamp circle
    # Nothing is drawn outside the frame.
    assert ink(first, (0.0, 0.0, 1.0, 0.02)) == 0
    assert ink(first, (0.0, 0.98, 1.0, 1.0)) == 0


def test_a_course_without_modules_has_a_one_page_certificate(
    home_bg, course_client, course_teacher, issuer
):
    course = make_course(home_bg, quizzes=0, slug="no-modules")
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    for lesson in steps(course)[0]:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    certificate = Certificate.objects.get()
    assert certificate.modules == []
    (first,) = pdf_pages(download(course_client, certificate).getvalue())
    assert "Модули" not in first and "ПРИЛОЖЕНИЕ" not in first


def test_issue_date_is_never_before_completion(home_bg, course_teacher, issuer):
    course = make_course(home_bg, quizzes=0, slug="dates")
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    for lesson in steps(course)[0]:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    certificate = Certificate.objects.get()
    assert certificate.started_on <= certificate.completed_on <= certificate.issued_on
    assert certificate.issued_on == timezone.localdate(certificate.issued_at)
    # A completion stamped later than the issuing machine's clock (imported records): the
    # register date follows the completion and never precedes it.
    imported = EnrollmentFactory(
        completed=True,
        teacher=course_teacher,
        completed_at=timezone.now() + timedelta(days=2),
    )
    later = services.certificate_issue(enrollment=imported)
    assert later.issued_on == later.completed_on == timezone.localdate() + timedelta(days=2)


def test_the_database_refuses_a_date_of_issue_before_completion(certificate):
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(
            issued_on=certificate.completed_on - timedelta(days=1)
        )


def test_issuer_details_are_kept_as_issued(certificate, issuer, holder_client):
    issuer.head_name = "Нов Ръководител"
    issuer.save()
    text = " ".join(pdf_pages(download(holder_client, certificate).getvalue()))
    assert "Стефка Иванова Георгиева" in text and "Нов Ръководител" not in text


def test_without_an_issuer_setting_the_provider_issues(home_bg, course_client, course_teacher):
    course = make_course(home_bg, quizzes=0, slug="plain")
    enrollment = services.enrollment_create(teacher=course_teacher, course=course)
    for lesson in steps(course)[0]:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    certificate = Certificate.objects.get()
    first = pdf_pages(download(course_client, certificate).getvalue())[0]
    assert first.startswith("Сдружение „Дром“")


def test_national_coordinator_edits_the_issuer_setting(client, national, issuer):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["courses", "certificateissuer", site.pk])
    client.force_login(national)
    page = client.get(url)
    assert page.status_code == 200
    assert "Издател на удостоверенията" in page.content.decode()
    data = {field: getattr(issuer, field) for field in CertificateIssuer.SNAPSHOT_FIELDS} | {
        "head_name": "Павлина Петрова Димова",
        "logo": issuer.logo_id,
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert CertificateIssuer.current().head_name == "Павлина Петрова Димова"


@pytest.mark.parametrize("role", [roles.REGIONAL_COORDINATORS, roles.AUTHORS, roles.TEACHERS])
def test_other_roles_cannot_edit_the_issuer_setting(client, issuer, role):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["courses", "certificateissuer", site.pk])
    client.force_login(make_user(f"{abs(hash(role))}@example.test", role, is_staff=True))
    assert client.get(url).status_code in (302, 403)
    client.post(url, {"head_name": "Някой друг"})
    assert CertificateIssuer.current().head_name == "Стефка Иванова Георгиева"


def test_module_hours_must_add_up_to_the_course(home_bg):
    course = make_course(home_bg, quizzes=0, slug="sums")
    course.modules = [{"type": "module", "value": {"title": "Един модул", "hours": 10}}]
    with pytest.raises(ValidationError) as refused:
        course.full_clean()
    assert "16" in str(refused.value.message_dict["modules"])


def test_verification_page_in_both_languages(client, certificate):
    bulgarian = client.get(reverse("courses:verify", args=[certificate.code])).content.decode()
    assert "Йорданка Стоянова Ангелова" in bulgarian
    assert "Интеркултурно образование в класната стая" in bulgarian
    assert "Сдружение „Дром“" in bulgarian
    assert f'href="/en/learning/verify/{certificate.code}/"' in bulgarian
    english = client.get(f"/en/learning/verify/{certificate.code}/")
    assert english.status_code == 200
    html = english.content.decode()
    assert 'lang="en"' in html
    assert "Yordanka Stoyanova Angelova" in html
    assert "Intercultural education in the classroom" in html
    assert "Drom Association" in html
    assert "is valid" in html
    assert "Йорданка" not in html
