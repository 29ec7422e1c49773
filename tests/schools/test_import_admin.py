"""The import screens in the Wagtail admin: upload, preview, apply; who may use them."""

from pathlib import Path

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from schools.models import School, User

FILES = Path(__file__).parent / "files"
UPLOAD = reverse("schools_import")
APPLY = reverse("schools_import_apply")


def upload(client, name, kind="schools"):
    data = (FILES / name).read_bytes()
    return client.post(UPLOAD, {"kind": kind, "file": SimpleUploadedFile(name, data)})


def test_preview_then_apply(client, coordinator):
    client.force_login(coordinator)
    assert client.get(UPLOAD).status_code == 200
    response = upload(client, "schools_utf8_bom_semicolon.csv")
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 за създаване" in html
    assert "ДГ „Слънце“" in html
    assert not School.objects.exists()  # a preview writes nothing
    response = client.post(APPLY)
    assertRedirects(response, reverse("schools:index"), fetch_redirect_response=False)
    assert School.objects.count() == 3


def test_preview_shows_row_errors_and_apply_is_refused(client, coordinator):
    client.force_login(coordinator)
    html = upload(client, "schools_errors.csv").content.decode()
    assert "Непозната област „Сливенска“" in html
    assert "Област Видин е извън вашите райони" in html
    assert "Импортирай сега" not in html
    response = client.post(APPLY)
    assert response.status_code == 400
    assert not School.objects.exists()


def test_teacher_import_sends_invitations(
    client, coordinator, school_south, django_capture_on_commit_callbacks
):
    content = "Имейл;Име;Фамилия;Код на училището\nnew@example.test;Ана;Асенова;2001001\n"
    client.force_login(coordinator)
    client.post(
        UPLOAD,
        {"kind": "teachers", "file": SimpleUploadedFile("t.csv", content.encode("cp1251"))},
    )
    with django_capture_on_commit_callbacks(execute=True):
        assertRedirects(
            client.post(APPLY), reverse("teachers:index"), fetch_redirect_response=False
        )
    assert [message.to for message in mail.outbox] == [["new@example.test"]]
    assert User.objects.get(email="new@example.test").school == school_south


def test_wrong_file_type_refused(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        UPLOAD, {"kind": "schools", "file": SimpleUploadedFile("x.pdf", b"%PDF-1.4")}
    )
    assert response.status_code == 400
    assert "Качете файл .csv или .xlsx" in response.content.decode()


def test_unreadable_file_refused(client, coordinator):
    client.force_login(coordinator)
    response = upload(client, "not_a_table.csv")
    assert response.status_code == 400
    assert "не е таблица" in response.content.decode()


def test_apply_without_preview(client, coordinator):
    client.force_login(coordinator)
    assertRedirects(client.post(APPLY), UPLOAD, fetch_redirect_response=False)
    assert not School.objects.exists()


def test_apply_needs_post(client, coordinator):
    client.force_login(coordinator)
    upload(client, "schools_utf8_comma.csv")
    assert client.get(APPLY).status_code == 405
    assert not School.objects.exists()


def test_author_refused(client, author):
    client.force_login(author)
    for response in (client.get(UPLOAD), upload(client, "schools_utf8_comma.csv")):
        assert response.status_code in (302, 403)
        assert reverse("schools_import") not in response.get("Location", "")
    assert not School.objects.exists()


def test_teacher_and_anonymous_refused(client, teacher_south):
    response = upload(client, "schools_utf8_comma.csv")
    assert "login" in response["Location"]
    client.force_login(teacher_south)
    # Teachers have no admin access: Wagtail sends them to its login page.
    response = client.get(UPLOAD)
    assertRedirects(response, f"/admin/login/?next={UPLOAD}", fetch_redirect_response=False)
    assert not School.objects.filter(code="2401777").exists()


def test_xlsx_upload(client, coordinator, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Код", "Наименование", "Област", "Община", "Населено място"])
    workbook.active.append([1690101.0, "ОУ „Христо Ботев“", "Сливен", "Сливен", "с. Дряново"])
    path = tmp_path / "училища.xlsx"
    workbook.save(path)
    client.force_login(coordinator)
    response = client.post(
        UPLOAD, {"kind": "schools", "file": SimpleUploadedFile(path.name, path.read_bytes())}
    )
    assert "1 за създаване" in response.content.decode()
    client.post(APPLY)
    assert School.objects.get().code == "1690101"


def test_teacher_outside_regions_shown_per_row(client, coordinator, school_north):
    content = "email,first name,family name,school code\nx@example.test,А,Б,500101\n"
    client.force_login(coordinator)
    response = client.post(
        UPLOAD, {"kind": "teachers", "file": SimpleUploadedFile("t.csv", content.encode())}
    )
    assert "е извън вашите райони" in response.content.decode()
    client.post(APPLY)
    assert not User.objects.filter(email="x@example.test").exists()
