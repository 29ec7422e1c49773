"""Lesson packs are built once per version (by a task), stored, and served from the store;
recordings and images that are already compressed are STORED, not deflated again."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from curriculum.models import DromMedia
from curriculum.packs import pack_name
from tests.curriculum.conftest import make_document, make_plan


def pack_archive(response) -> zipfile.ZipFile:
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


@pytest.fixture
def mp3_plan(library):
    # An MP3's frames are compressed already (random bytes behave the same under DEFLATE).
    mp3 = DromMedia(title="Песен", type="audio", duration=3)
    mp3.file.save("pesen.mp3", ContentFile(b"ID3\x04" + bytes(range(256)) * 400), save=False)
    mp3.save()
    return make_plan(
        library,
        title="Песен",
        slug="pesen",
        body=[
            (
                "song",
                {
                    "title": "Песен",
                    "lyrics_romani": "",
                    "lyrics_translation": "",
                    "recording": mp3,
                    "notes": "",
                },
            ),
            ("worksheet", {"document": make_document(), "description": ""}),
        ],
    )


def test_compressed_recordings_are_stored_and_documents_deflated(client, mp3_plan):
    archive = pack_archive(client.get(mp3_plan.url + "pack/"))
    kinds = {info.filename.split("/")[0]: info.compress_type for info in archive.infolist()}
    assert kinds["recordings"] == zipfile.ZIP_STORED
    assert kinds["pesen.pdf"] == zipfile.ZIP_DEFLATED
    assert archive.testzip() is None
    recording = next(i for i in archive.infolist() if i.filename.startswith("recordings/"))
    assert recording.compress_size == recording.file_size


def test_a_pack_is_stored_once_per_version_and_rebuilt_after_a_new_publication(
    client, mp3_plan, django_capture_on_commit_callbacks
):
    storage = storages["default"]
    name = pack_name(mp3_plan)
    first = pack_archive(client.get(mp3_plan.url + "pack/"))  # no worker: built now, and kept
    assert storage.exists(name)
    built_at = storage.get_modified_time(name)
    again = pack_archive(client.get(mp3_plan.url + "pack/"))
    assert storage.get_modified_time(name) == built_at  # served, not rebuilt
    assert again.namelist() == first.namelist()

    mp3_plan.title = "Песен (нова редакция)"
    with django_capture_on_commit_callbacks(execute=True):
        mp3_plan.save_revision().publish()
    mp3_plan.refresh_from_db()
    new_name = pack_name(mp3_plan)
    assert new_name != name
    assert storage.exists(new_name)  # built by the task that publishing queued
    assert not storage.exists(name)  # the old version is gone from the store


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_a_worker_the_pack_is_built_in_the_background(client, settings, library, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_BACKEND = "database"
    plan = make_plan(library, title="Урок", slug="urok-pack")
    # Publishing queued the build; nothing was built inside the request.
    assert DBTaskResult.objects.filter(task_path="curriculum.packs.build_lesson_pack").exists()
    assert not storages["default"].exists(pack_name(plan))
    waiting = client.get(plan.url + "pack/")
    assert waiting.status_code == 202
    assert waiting["Retry-After"] == "15"
    assert "Пакетът се подготвя" in waiting.content.decode()
    # Many visitors meanwhile queue no second build.
    client.get(plan.url + "pack/")
    builds = DBTaskResult.objects.filter(task_path="curriculum.packs.build_lesson_pack")
    assert builds.count() == 1
    call_command("run_worker", "--batch", "--worker-id", "pack-test", verbosity=0)
    assert "urok-pack.pdf" in pack_archive(client.get(plan.url + "pack/")).namelist()
