"""Serving recordings and captions of the library from our own URL.

Uploaded media are not served by the application server in production (whitenoise serves static
files only); the library's players need their recordings wherever Drom runs, so they are served
here, honouring Wagtail's collection privacy like Wagtail's own document view does.
"""

import mimetypes

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from .audio import CONTENT_TYPE
from .models import DromMedia, LessonPlanIndexPage

PUBLIC_MAX_AGE = 60 * 60 * 24


def _allowed(request, media) -> bool:
    return all(r.accept_request(request) for r in media.collection.get_view_restrictions())


@require_GET
def media_file(request, pk: int, filename: str):
    media = get_object_or_404(DromMedia.objects.select_related("collection"), pk=pk)
    if not _allowed(request, media):
        return HttpResponseForbidden()
    if filename == "captions.vtt":
        if not media.captions:
            raise Http404
        file, content_type = media.captions, "text/vtt; charset=utf-8"
    elif media.listening_file and filename == media.listening_file.name.rsplit("/", 1)[-1]:
        file, content_type = media.listening_file, CONTENT_TYPE
    else:
        file = media.file
        content_type = media.mime_type or mimetypes.guess_type(file.name)[0]
    response = FileResponse(file.open("rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="{media.filename}"'
    patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


@login_required
@require_GET
def my_plans(request):
    """ "My lesson plans" from the site header: the saved plans page of the library in the
    language being read (the header cannot know the library's address)."""
    library = (
        LessonPlanIndexPage.objects.live().filter(locale=Locale.get_active()).first()
        or LessonPlanIndexPage.objects.live().first()
    )
    if library is None:
        raise Http404
    return redirect(library.get_url(request) + library.reverse_subpage("my_lesson_plans"))
