"""Admin screens of the ops layer: a prepared download's status page and the file itself.

Only the person who asked for a download may see or fetch it (others get 404, as if it did not
exist); the file comes from private storage as a short-lived signed URL or streamed.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .models import PreparedDownload
from .storage import private_file_response

REFRESH_SECONDS = 5


def _own(request, pk: int) -> PreparedDownload:
    download = get_object_or_404(PreparedDownload, pk=pk)
    if download.requested_by_id != request.user.pk:
        raise Http404
    return download


@never_cache
@require_GET
def download_status(request, pk: int):
    download = _own(request, pk)
    return TemplateResponse(
        request,
        "ops/download_status.html",
        {
            "download": download,
            "page_title": download.title,
            "header_icon": "download",
            "refresh": REFRESH_SECONDS if download.status == download.Status.PENDING else None,
        },
    )


@never_cache
@require_GET
def download_file(request, pk: int):
    download = _own(request, pk)
    if download.status != download.Status.READY:
        raise Http404(_("This file is not ready."))
    return private_file_response(
        download.file.name, filename=download.filename, content_type=download.content_type
    )
