"""Uploads are checked by what the file is, not by its name."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from curriculum import generate, validators
from curriculum.models import DromDocument, DromImage, DromMedia

pytestmark = pytest.mark.django_db


def png_bytes(size=(20, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name, data):
    return SimpleUploadedFile(name, data)


def errors_of(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def test_a_real_png_is_accepted():
    image = DromImage(title="Черга", file=upload("cherga.png", png_bytes()))
    image.full_clean()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.png", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
        ("photo.jpg", b"<html><script>alert(1)</script></html>"),
        ("photo.png", b"just some text"),
    ],
)
def test_images_that_are_not_images_are_refused_in_bulgarian(name, data):
    with pytest.raises(ValidationError) as caught:
        validators.validate_image_file(upload(name, data))
    assert "изображение" in " ".join(caught.value.messages)


def test_decompression_bomb_is_refused(monkeypatch):
    # A real image whose pixel count is over the limit (the limit is lowered, not the image
    # enlarged, to keep the test fast); Pillow's own guard is what refuses it.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    with pytest.raises(ValidationError) as caught:
        validators.validate_image_file(upload("big.png", png_bytes((20, 20))))
    assert "пиксела" in " ".join(caught.value.messages)


def test_pillow_guard_is_on():
    assert Image.MAX_IMAGE_PIXELS == validators.MAX_IMAGE_PIXELS


def test_oversized_image_is_refused(monkeypatch):
    monkeypatch.setattr(validators, "MAX_IMAGE_BYTES", 10)
    errors = errors_of(DromImage(title="x", file=upload("a.png", png_bytes())))
    assert "най-големият разрешен" in " ".join(errors["file"])


def test_pdf_worksheet_is_accepted():
    file = generate.worksheet(name="w.pdf", title="Лист", lines=["Задача"])
    DromDocument(title="Лист", file=upload("w.pdf", file.read())).full_clean()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("worksheet.pdf", b"<html><body><script>steal()</script></body></html>"),
        ("notes.txt", b"<svg onload=alert(1)>"),
        ("doc.docx", b"\x00\x01\x02binary junk"),
    ],
)
def test_documents_that_could_run_script_are_refused(name, data):
    errors = errors_of(DromDocument(title="x", file=upload(name, data)))
    assert "не е разрешен" in " ".join(errors["file"])


def test_wav_recording_is_accepted():
    file = generate.melody(name="s.wav", tune="CE")
    DromMedia(title="Песен", type="audio", file=upload("s.wav", file.read())).full_clean()


def test_a_text_file_named_mp3_is_refused():
    errors = errors_of(DromMedia(title="x", type="audio", file=upload("song.mp3", b"hello")))
    assert "аудио или видео" in " ".join(errors["file"])


def test_captions_must_be_webvtt():
    audio = generate.melody(name="s.wav", tune="C").read()
    media = DromMedia(
        title="x",
        type="audio",
        file=upload("s.wav", audio),
        captions=upload("c.vtt", b"<script>alert(1)</script>"),
    )
    assert "WEBVTT" in " ".join(errors_of(media)["captions"])
    media.captions = upload("c.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nБахт\n".encode())
    media.full_clean()


def test_recordings_of_living_performers_need_a_consent_record():
    audio = generate.melody(name="s.wav", tune="C").read()
    media = DromMedia(title="x", type="audio", file=upload("s.wav", audio), living_performers=True)
    assert "съгласие" in " ".join(errors_of(media)["consent_record"])
    media.consent_record = "Писмено съгласие от 12.03.2026, пази се в училището."
    media.full_clean()


def test_svg_upload_through_the_admin_is_refused(admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Злонамерен", "file": upload("evil.png", b"<svg><script>1</script></svg>")},
    )
    assert response.status_code == 200
    assert DromImage.objects.count() == 0


def test_html_document_upload_through_the_admin_is_refused_in_bulgarian(admin_client):
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Лист", "file": upload("list.pdf", b"<html><script>x()</script></html>")},
    )
    assert response.status_code == 200
    assert DromDocument.objects.count() == 0
    assert "не е разрешен" in response.content.decode()


def test_pdf_upload_through_the_admin_is_kept_with_its_size(admin_client):
    data = generate.worksheet(name="w.pdf", title="Лист", lines=["Задача"]).read()
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Лист", "file": upload("list.pdf", data), "licence": "cc-by-sa"},
    )
    assert response.status_code in (200, 302)
    document = DromDocument.objects.get()
    assert document.file_size == len(data)
