"""Lesson packs: building one (as every request did before) against serving the stored one,
and what DEFLATE did to an already-compressed recording.

.venv/bin/python -m bench.lesson_pack
"""

import os
import tempfile
import time
import zipfile

from bench._harness import bench_database, measure, vendor

RECORDING_MB = 20


def main() -> None:
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.test import Client

    settings.MEDIA_ROOT = tempfile.mkdtemp()
    with bench_database():
        from curriculum import services
        from curriculum.models import DromMedia, LessonPlanIndexPage, LessonPlanPage
        from curriculum.packs import lesson_pack_store

        library = LessonPlanIndexPage.objects.get(locale__language_code="bg")
        recording = DromMedia(title="Песен", type="audio", duration=1200)
        # Random bytes stand in for MP3 frames: neither gets smaller under DEFLATE.
        recording.file.save("pesen.mp3", ContentFile(os.urandom(RECORDING_MB << 20)), save=False)
        recording.save()
        plan = LessonPlanPage(
            title="Песен",
            slug="pesen",
            summary="…",
            learning_outcome="…",
            grade_bands=["g1-4"],
            duration_minutes=40,
            languages=["bg"],
            body=[
                (
                    "song",
                    {"title": "Песен", "lyrics_romani": "", "lyrics_translation": "",
                     "recording": recording, "notes": ""},
                )
            ],
        )  # fmt: skip
        library.add_child(instance=plan)
        plan.save_revision().publish()
        plan.refresh_from_db()
        print(f"database: {vendor()}; a plan with a {RECORDING_MB} MB recording")

        def deflate_everything() -> int:
            out = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the archive below
            with out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(recording.file.path, "recordings/pesen.mp3")
                return archive.infolist()[0].compress_size

        def timed(label, fn):
            start = time.perf_counter()
            result = fn()
            print(f"{label:<40} {(time.perf_counter() - start) * 1000:7.1f} ms")
            return result

        size = timed("DEFLATE the recording (before)", deflate_everything)
        print(
            f"{'  its size after DEFLATE':<40} {size / (RECORDING_MB << 20):7.1%} of the original"
        )
        timed(
            "build the pack, recording STORED",
            lambda: services.lesson_pack_build(page=plan).close(),
        )
        lesson_pack_store(page=plan)
        client = Client()
        measure(
            "GET …/pack/ (stored, served)",
            lambda: b"".join(client.get("/library/pesen/pack/").streaming_content),
            repeat=10,
        )


if __name__ == "__main__":
    main()
