"""Writes with rules: saving lesson plans, building lesson packs.

The lesson plan page imports this module, so `page` is a LessonPlanPage that is never imported here.
"""

import re
import tempfile
import time
import zipfile

from django.db import IntegrityError, transaction

from .models.saved import SavedLessonPlan
from .pdf import lesson_plan_pdf_cached

PACK_MEMORY_LIMIT = 20 * 1024 * 1024


def saved_plan_add(*, user, page) -> SavedLessonPlan:
    """Save a plan to the user's list; saving twice keeps one entry."""
    try:
        with transaction.atomic():
            return SavedLessonPlan.objects.create(user=user, page=page)
    except IntegrityError:
        return SavedLessonPlan.objects.get(user=user, page=page)


def saved_plan_remove(*, user, page) -> None:
    SavedLessonPlan.objects.filter(user=user, page=page).delete()


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "file"


def lesson_pack_files(*, page) -> list[tuple[str, object]]:
    """(path in the archive, file field) for each worksheet and recording of the plan."""
    files, seen = [], set()
    for child in page.body:
        value = child.value
        if child.block_type == "worksheet" and value["document"] is not None:
            files.append(("worksheets", value["document"].file))
        elif child.block_type in ("song", "tale") and value.get("recording") is not None:
            files.append(("recordings", value["recording"].file))
        elif child.block_type == "video" and value["video"] is not None:
            files.append(("video", value["video"].file))
    unique = []
    for folder, file in files:
        name = f"{folder}/{_safe_name(file.name.rsplit('/', 1)[-1])}"
        if name not in seen:
            seen.add(name)
            unique.append((name, file))
    return unique


# Formats that are compressed already: DEFLATE gains nothing on them and costs CPU, so they are
# STORED in the pack (the PDF and text formats are still deflated).
ALREADY_COMPRESSED = frozenset(
    [
        "mp3",
        "m4a",
        "aac",
        "ogg",
        "oga",
        "opus",
        "flac",
        "mp4",
        "m4v",
        "webm",
        "ogv",
        "mov",
        "jpg",
        "jpeg",
        "png",
        "webp",
        "gif",
        "zip",
        "docx",
        "xlsx",
        "pptx",
        "odt",
        "ods",
        "odp",
    ]
)


def _compression(name: str) -> int:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return zipfile.ZIP_STORED if extension in ALREADY_COMPRESSED else zipfile.ZIP_DEFLATED


def lesson_pack_build(*, page):
    """A ZIP with the plan's PDF, worksheets and recordings, rewound and ready to send."""
    archive = tempfile.SpooledTemporaryFile(max_size=PACK_MEMORY_LIMIT)  # noqa: SIM115
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as pack:
        pack.writestr(f"{_safe_name(page.slug)}.pdf", lesson_plan_pdf_cached(page))
        for name, file in lesson_pack_files(page=page):
            info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
            info.compress_type = _compression(name)
            with file.open("rb") as source, pack.open(info, "w", force_zip64=True) as target:
                while chunk := source.read(1024 * 1024):
                    target.write(chunk)
    archive.seek(0)
    return archive
