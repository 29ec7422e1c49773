"""Lesson packs (the ZIP of a plan's PDF, worksheets and recordings), built once per version.

The lesson plan page imports this module, so `page` is a LessonPlanPage never imported here.

A pack is built by a task when the plan is published (or when first asked for), stored in the
public file store under a name that changes with the live revision and the files it contains,
and from then on served from the store: a link to the object store or CDN, or the stored file
from local disk. Nobody waits for DEFLATE on a 200 MB recording again.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import storages
from django.db import transaction
from django.dispatch import receiver
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django_tasks import task, task_backends
from django_tasks.backends.immediate import ImmediateBackend
from wagtail.models import Page
from wagtail.signals import page_published

from ops.storage import is_object_store

from .services import lesson_pack_build, lesson_pack_files

# Seconds a visitor is asked to wait while a pack is being built by a worker.
RETRY_AFTER = 15


def pack_name(page) -> str:
    """Where this version of the page's pack is stored."""
    parts = [str(page.live_revision_id or page.latest_revision_id or 0)]
    parts += [f"{name}={file.name}" for name, file in lesson_pack_files(page=page)]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
    return f"packs/{page.pk}/{page.slug}-{digest}.zip"


def lesson_pack_store(*, page) -> str:
    """Build and store the pack unless this version is stored already; returns its name."""
    storage = storages["default"]
    name = pack_name(page)
    if not storage.exists(name):
        with lesson_pack_build(page=page) as archive:
            saved = storage.save(name, File(archive, name=name))
        if saved != name:  # another worker stored the same version meanwhile
            storage.delete(saved)
        # Earlier versions are never linked again.
        folder, _slash, current = name.rpartition("/")
        for old in storage.listdir(folder)[1]:
            if old != current:
                storage.delete(f"{folder}/{old}")
    return name


@task()
def build_lesson_pack(*, page_id: int) -> str | None:
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:  # unpublished or deleted before the worker got to it
        return None
    return lesson_pack_store(page=page.specific)


def lesson_pack_queue(page) -> None:
    """Queue a build of the current version once the transaction commits (at most every
    few minutes per version, however many visitors ask meanwhile)."""
    name = pack_name(page)
    if cache.add(f"curriculum:pack-queued:{name}", 1, timeout=300):
        transaction.on_commit(lambda: build_lesson_pack.enqueue(page_id=page.pk))


def lesson_pack_response(*, page, request) -> HttpResponse:
    storage = storages["default"]
    name = pack_name(page)
    if not storage.exists(name) and isinstance(task_backends["default"], ImmediateBackend):
        lesson_pack_store(page=page)  # no worker: the build happens now, as before
    if storage.exists(name):
        if is_object_store(storage):
            return HttpResponseRedirect(storage.url(name))
        return FileResponse(
            storage.open(name, "rb"), as_attachment=True, filename=f"{page.slug}.zip"
        )
    lesson_pack_queue(page)
    response = TemplateResponse(
        request,
        "curriculum/pack_preparing.html",
        {"page": page, "retry_after": RETRY_AFTER},
        status=202,  # accepted: being built (a 5xx would page the operators for nothing)
    )
    response["Retry-After"] = str(RETRY_AFTER)
    return response


@receiver(page_published)
def build_on_publish(sender, instance, **kwargs):
    """Publishing a lesson plan from the editor, a workflow's approval or `publish_scheduled`
    alike queues the new version's pack (this module loads with the LessonPlanPage model)."""
    if instance._meta.label == "curriculum.LessonPlanPage":
        lesson_pack_queue(instance)
