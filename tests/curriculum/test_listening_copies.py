"""Light media: an uploaded recording gets an Opus copy for listening, made by a task after the
upload is committed; the page plays it and keeps the original downloadable; a file that is not
sound leaves the original usable and says why."""

import io

import av
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from curriculum import generate
from curriculum.audio import AudioError, listening_copy
from curriculum.listening import listening_copy_make
from curriculum.models import DromMedia

from .conftest import make_audio

pytestmark = pytest.mark.django_db


def upload(django_capture_on_commit_callbacks, **fields):
    """An audio upload as the admin makes it; the queued task runs when the upload commits."""
    with django_capture_on_commit_callbacks(execute=True):
        media = make_audio(**fields)
    media.refresh_from_db()
    return media


def test_an_upload_gets_a_smaller_opus_copy_and_keeps_its_original(
    django_capture_on_commit_callbacks,
):
    media = upload(django_capture_on_commit_callbacks)
    assert media.listening_status == DromMedia.Status.READY
    assert media.listening_ready
    assert media.listening_file.name.endswith(".ogg")
    assert media.file.name.endswith(".wav")  # the original is untouched
    assert 0 < media.listening_size < media.file_size / 3
    with media.listening_file.open("rb") as copy, av.open(copy) as container:
        stream = container.streams.audio[0]
        assert stream.codec_context.name == "opus"
        assert float(container.duration) / av.time_base > 1  # "EGA-" is 4 beats of 0.3 s


def test_making_the_copy_twice_changes_nothing(django_capture_on_commit_callbacks):
    media = upload(django_capture_on_commit_callbacks)
    name = media.listening_file.name
    assert listening_copy_make(media_id=media.pk) == "skipped"
    media.refresh_from_db()
    assert media.listening_file.name == name


def test_a_new_upload_replaces_the_copy(django_capture_on_commit_callbacks):
    media = upload(django_capture_on_commit_callbacks)
    old_copy = media.listening_file.name
    media.file = generate.melody(name="longer.wav", tune="EGAGE-DEFED-")
    media.file_size = None
    with django_capture_on_commit_callbacks(execute=True):
        media.save()
    media.refresh_from_db()
    assert media.listening_ready
    assert media.listening_source == media.file.name
    assert media.listening_file.name != old_copy
    assert not media.listening_file.storage.exists(old_copy)


def test_a_file_that_is_not_sound_keeps_the_original_and_says_why(
    client, django_capture_on_commit_callbacks
):
    bad = ContentFile(b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 200, name="broken.wav")
    with django_capture_on_commit_callbacks(execute=True):
        media = DromMedia(title="Счупен запис", type="audio", file=bad)
        media.save()
    media.refresh_from_db()
    assert media.listening_status == DromMedia.Status.FAILED
    assert media.listening_error  # shown to the editor in Bulgarian where the admin lists it
    assert not media.listening_ready
    response = client.get(media.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"RIFF")


def test_the_copy_is_served_from_our_address_as_ogg(client, django_capture_on_commit_callbacks):
    media = upload(django_capture_on_commit_callbacks)
    response = client.get(media.listening_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/ogg"
    body = b"".join(response.streaming_content)
    assert body.startswith(b"OggS") and len(body) == media.listening_size
    download = client.get(media.listening_url, {"download": 1})
    assert "attachment" in download["Content-Disposition"]


def test_video_gets_no_audio_copy(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        media = DromMedia(
            title="Танц", type="video", file=ContentFile(b"\x00" * 64, name="dance.mp4")
        )
        media.save()
    media.refresh_from_db()
    assert media.listening_status == ""


def test_the_encoder_refuses_what_is_not_sound():
    for data in (b"", b"not audio at all" * 40):
        with pytest.raises(AudioError, match="звук"):
            listening_copy(io.BytesIO(data))


def test_a_broken_recording_is_refused_in_the_form_with_a_clear_message():
    broken = SimpleUploadedFile("song.wav", b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 200)
    with pytest.raises(ValidationError) as caught:
        DromMedia(title="Счупен запис", type="audio", file=broken).full_clean()
    message = caught.value.message_dict["file"][0]
    assert message.startswith("Записът не може да бъде прочетен като звук.")
    good = generate.melody(name="song.wav", tune="CE").read()
    DromMedia(title="Песен", type="audio", file=SimpleUploadedFile("song.wav", good)).full_clean()
