"""Uploads by role, through the admin forms and from inside the choosers.

Authors and methodologists upload images, worksheets and recordings; the content checks of
curriculum.validators still run (type by content, size, pixels, SVG refused, consent for living
performers) and a bad file is refused in Bulgarian with nothing saved. Reviewers and coordinators
upload nothing.
"""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from curriculum import generate, validators
from curriculum.models import DromDocument, DromImage, DromMedia

pytestmark = pytest.mark.django_db

UPLOADERS = ["author", "methodologist"]
NON_UPLOADERS = ["reviewer", "coordinator", "national"]
SVG = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"


def png(name="cherga.png", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="list.pdf"):
    data = generate.worksheet(name=name, title="Лист", lines=["Задача"]).read()
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def wav(name="pesen.wav"):
    return SimpleUploadedFile(
        name, generate.melody(name=name, tune="CE").read(), content_type="audio/wav"
    )


def fields(prefix="", **values):
    data = {"licence": "cc-by-sa", **values}
    return {f"{prefix}{key}": value for key, value in data.items()}


def chooser_html(response) -> str:
    data = response.json()
    return data.get("html") or data.get("htmlFragment") or ""


# --- the admin forms


@pytest.mark.parametrize("role", UPLOADERS)
def test_uploaders_add_an_image_a_worksheet_and_a_recording(client, users, role):
    user = users[role]
    client.force_login(user)
    response = client.post("/admin/images/add/", fields(title="Черга", file=png()))
    assert response.status_code == 302, response.content.decode()[:500]
    response = client.post("/admin/documents/add/", fields(title="Работен лист", file=pdf()))
    assert response.status_code == 302
    response = client.post(
        "/admin/media/audio/add/",
        fields(
            title="Песен",
            file=wav(),
            living_performers="on",
            consent_record="Писмено съгласие от 12.03.2026, пази се в училището.",
            transcript="Bahtalo Vasilica",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:800]
    assert DromImage.objects.get().uploaded_by_user == user
    assert DromDocument.objects.get().uploaded_by_user == user
    media = DromMedia.objects.get()
    assert (media.type, media.uploaded_by_user, media.transcript) == (
        "audio",
        user,
        "Bahtalo Vasilica",
    )


@pytest.mark.parametrize(
    ("url", "data", "message"),
    [
        (
            "/admin/images/add/",
            {"title": "Зло", "file": SimpleUploadedFile("a.png", SVG)},
            "изображение",
        ),
        (
            "/admin/documents/add/",
            {
                "title": "Лист",
                "file": SimpleUploadedFile("list.pdf", b"<html><script>x()</script>"),
            },
            "не е разрешен",
        ),
        (
            "/admin/media/audio/add/",
            {"title": "Песен", "file": SimpleUploadedFile("song.mp3", b"hello, not a song")},
            "аудио или видео",
        ),
        (
            "/admin/media/audio/add/",
            {"title": "Песен", "file": wav(), "living_performers": "on", "consent_record": ""},
            "съгласие",
        ),
    ],
    ids=["svg-image", "html-document", "text-as-mp3", "no-consent"],
)
def test_a_bad_file_is_refused_in_bulgarian_and_nothing_is_saved(client, users, url, data, message):
    client.force_login(users["author"])
    response = client.post(url, fields(**data))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (
        DromImage.objects.count() == DromDocument.objects.count() == DromMedia.objects.count() == 0
    )
    # The title typed is kept in the form.
    assert f'value="{data["title"]}"' in response.content.decode()


def test_an_oversized_image_is_refused_with_its_size(client, users, monkeypatch):
    monkeypatch.setattr(validators, "MAX_IMAGE_BYTES", 10)
    client.force_login(users["methodologist"])
    response = client.post("/admin/images/add/", fields(title="Голяма", file=png()))
    assert "най-големият разрешен" in response.content.decode()
    assert not DromImage.objects.exists()


def test_an_image_with_too_many_pixels_is_refused(client, users, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    client.force_login(users["author"])
    response = client.post("/admin/images/add/", fields(title="Огромна", file=png()))
    assert "пиксела" in response.content.decode()
    assert not DromImage.objects.exists()


# --- from inside the choosers (the page editor's "Upload" tab)


@pytest.mark.parametrize("role", UPLOADERS)
def test_choosers_offer_an_upload_tab(client, users, role):
    client.force_login(users[role])
    assert 'action="/admin/images/chooser/create/"' in chooser_html(
        client.get("/admin/images/chooser/")
    )
    assert 'action="/admin/documents/chooser/create/"' in chooser_html(
        client.get("/admin/documents/chooser/")
    )
    media = chooser_html(client.get("/admin/media/chooser/"))
    assert 'action="/admin/media/audio/chooser/upload/"' in media


@pytest.mark.parametrize("role", UPLOADERS)
def test_uploading_from_the_choosers_chooses_the_new_file(client, users, role):
    client.force_login(users[role])
    response = client.post(
        "/admin/images/chooser/create/",
        fields("image-chooser-upload-", title="Черга", file=png()),
    )
    assert response.json()["step"] == "chosen", response.json()
    response = client.post(
        "/admin/documents/chooser/create/",
        fields("document-chooser-upload-", title="Лист", file=pdf()),
    )
    assert response.json()["step"] == "chosen", response.json()
    response = client.post(
        "/admin/media/audio/chooser/upload/",
        fields("media-chooser-upload-", title="Песен", file=wav()),
    )
    assert response.json()["step"] == "media_chosen", response.json()
    assert (
        DromImage.objects.count() == DromDocument.objects.count() == DromMedia.objects.count() == 1
    )


def test_a_bad_file_in_a_chooser_is_refused_in_bulgarian(client, users):
    client.force_login(users["author"])
    response = client.post(
        "/admin/images/chooser/create/",
        fields("image-chooser-upload-", title="Зло", file=SimpleUploadedFile("a.png", SVG)),
    )
    assert response.json()["step"] != "chosen"
    assert "изображение" in chooser_html(response)
    response = client.post(
        "/admin/documents/chooser/create/",
        fields(
            "document-chooser-upload-",
            title="Лист",
            file=SimpleUploadedFile("list.pdf", b"<html><script>x()</script>"),
        ),
    )
    assert "не е разрешен" in chooser_html(response)
    response = client.post(
        "/admin/media/audio/chooser/upload/",
        fields(
            "media-chooser-upload-",
            title="Песен",
            file=wav(),
            living_performers="on",
            consent_record="",
        ),
    )
    assert "съгласие" in chooser_html(response)
    assert (
        DromImage.objects.count() == DromDocument.objects.count() == DromMedia.objects.count() == 0
    )


# --- refusals


@pytest.mark.parametrize("role", NON_UPLOADERS)
@pytest.mark.parametrize(
    "url", ["/admin/images/add/", "/admin/documents/add/", "/admin/media/audio/add/"]
)
def test_other_roles_cannot_open_the_upload_forms(client, users, role, url):
    client.force_login(users[role])
    response = client.get(url)
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("role", NON_UPLOADERS)
def test_other_roles_cannot_upload_by_posting(client, users, role):
    client.force_login(users[role])
    client.post("/admin/images/add/", fields(title="Черга", file=png()))
    client.post("/admin/documents/add/", fields(title="Лист", file=pdf()))
    client.post("/admin/media/audio/add/", fields(title="Песен", file=wav()))
    client.post(
        "/admin/images/chooser/create/",
        fields("image-chooser-upload-", title="Черга", file=png()),
    )
    client.post(
        "/admin/documents/chooser/create/",
        fields("document-chooser-upload-", title="Лист", file=pdf()),
    )
    client.post(
        "/admin/media/audio/chooser/upload/",
        fields("media-chooser-upload-", title="Песен", file=wav()),
    )
    assert (
        DromImage.objects.count() == DromDocument.objects.count() == DromMedia.objects.count() == 0
    )


def test_reviewers_choose_existing_files_without_an_upload_tab(client, users):
    from tests.curriculum.conftest import make_image

    make_image(title="Черга")
    client.force_login(users["reviewer"])
    html = chooser_html(client.get("/admin/images/chooser/"))
    assert "Черга" in html
    assert "/admin/images/chooser/create/" not in html
