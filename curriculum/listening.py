"""Writes for the listening copy of a recording (curriculum.audio does the encoding).

A new or replaced audio upload is marked "being made" and a task makes the copy after the upload
is committed; the page plays the original until the copy is ready. A file that cannot be read as
sound leaves the original as it is and the copy marked failed with the reason.
"""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django_tasks import task

from .audio import EXTENSION, AudioError, listening_copy
from .models.files import DromMedia

logger = logging.getLogger("drom.media")


def _needs_copy(media: DromMedia) -> bool:
    return media.type == "audio" and bool(media.file) and media.listening_source != media.file.name


def listening_copy_request(*, media: DromMedia) -> bool:
    """Queue the copy of an audio upload that has none for its current file; True if queued."""
    if not _needs_copy(media) or media.listening_status == DromMedia.Status.PENDING:
        return False
    DromMedia.objects.filter(pk=media.pk).update(listening_status=DromMedia.Status.PENDING)
    media.listening_status = DromMedia.Status.PENDING
    transaction.on_commit(lambda: media_listening_build.enqueue(media_id=media.pk))
    return True


def listening_copy_make(*, media_id: int) -> str:
    """Encode the copy of the recording's current file; a second run does nothing."""
    media = DromMedia.objects.filter(pk=media_id).first()
    if media is None or not _needs_copy(media):
        return "skipped"
    source = media.file.name
    try:
        with media.file.open("rb") as original:
            data = listening_copy(original)
    except (AudioError, OSError) as error:
        logger.warning("listening copy of media %s (%s) failed: %s", media.pk, source, error)
        DromMedia.objects.filter(pk=media.pk).update(
            listening_status=DromMedia.Status.FAILED,
            listening_source=source,
            listening_error=str(error)[:255],
        )
        return "failed"
    stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    with transaction.atomic():
        media = DromMedia.objects.select_for_update().get(pk=media_id)
        if media.file.name != source:  # replaced meanwhile: that upload queued its own copy
            return "skipped"
        old = media.listening_file.name if media.listening_file else ""
        media.listening_file.save(f"{stem}.listen.{EXTENSION}", ContentFile(data), save=False)
        media.listening_size = len(data)
        media.listening_status = DromMedia.Status.READY
        media.listening_source = source
        media.listening_error = ""
        media.save(
            update_fields=[
                "listening_file",
                "listening_size",
                "listening_status",
                "listening_source",
                "listening_error",
            ]
        )
    if old and old != media.listening_file.name:
        media.listening_file.storage.delete(old)
    return "ready"


@task()
def media_listening_build(*, media_id: int) -> str:
    """Background task: make the listening copy of one recording."""
    return listening_copy_make(media_id=media_id)


def media_saved(sender, instance, **kwargs):
    """post_save of DromMedia (wagtailmedia's admin offers no hook after an upload)."""
    if not kwargs.get("raw"):
        listening_copy_request(media=instance)
