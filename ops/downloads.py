"""Files built in the background for one person (e.g. a ZIP of certificates).

The view that accepts the request checks permission and calls `download_request`, passing the
task that builds the file; the task calls `download_build`. The person follows a status page in
the admin (it reloads itself) and downloads through a view that lets only them have the file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from .models import PreparedDownload

logger = logging.getLogger("drom.downloads")


def download_request(
    *,
    user,
    kind: str,
    title: str,
    filename: str,
    content_type: str,
    parameters: dict,
    task,
) -> PreparedDownload:
    """Record the request and queue `task(download_id=…)` once it is committed."""
    download = PreparedDownload.objects.create(
        kind=kind,
        title=title,
        requested_by=user,
        filename=filename,
        content_type=content_type,
        parameters=parameters,
    )
    transaction.on_commit(lambda: task.enqueue(download_id=download.pk))
    return download


def download_build(*, download_id: int, build: Callable[[PreparedDownload], bytes]) -> str:
    """Run `build` for a pending download and store its bytes; a second run does nothing."""
    download = PreparedDownload.objects.filter(pk=download_id).first()
    if download is None or download.status != PreparedDownload.Status.PENDING:
        return "skipped"
    try:
        content = build(download)
    except Exception as error:
        logger.exception("prepared download %s (%s) failed", download.pk, download.kind)
        PreparedDownload.objects.filter(pk=download.pk).update(
            status=PreparedDownload.Status.FAILED,
            error=f"{type(error).__name__}: {error}"[:2000],
            finished_at=timezone.now(),
        )
        raise
    download.file.save(download.filename, ContentFile(content), save=False)
    download.status = PreparedDownload.Status.READY
    download.finished_at = timezone.now()
    download.save(update_fields=["file", "status", "finished_at"])
    return "ready"
