"""Public and private files, on local disk or in S3-compatible storage (settings.STORAGES).

Public files (images, documents, recordings, lesson packs) are linked where they are stored.
Private ones (certificates, exports, e-mail attachments) live in the "private" storage, which no
web server maps to a URL: a view checks permission, then `private_file_response` hands the file
over, as a short-lived signed URL from the object store or streamed from local disk.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.utils.encoding import iri_to_uri
from django.utils.functional import LazyObject, empty

# Object stores offer signed URLs; the local disk has none and streams through Django.
_SIGNED_URL_BACKENDS = (
    "storages.backends.s3.S3Storage",
    "storages.backends.s3boto3.S3Boto3Storage",
)


class _PrivateStorage(LazyObject):
    """storages["private"], looked up on first use (and again when settings change in tests),
    like Django's default_storage."""

    def _setup(self):
        self._wrapped = storages["private"]


_private = _PrivateStorage()


@receiver(setting_changed)
def _reset(*, setting, **kwargs):
    if setting == "STORAGES":
        _private._wrapped = empty


def private_storage() -> Storage:
    """The private store (FileField(storage=private_storage) resolves it lazily)."""
    return _private


def public_storage() -> Storage:
    return storages["default"]


def is_object_store(storage: Storage) -> bool:
    if isinstance(storage, LazyObject):
        if storage._wrapped is empty:  # noqa: SLF001 - Django's own lazy-object protocol
            storage._setup()  # noqa: SLF001
        storage = storage._wrapped  # noqa: SLF001
    return f"{type(storage).__module__}.{type(storage).__qualname__}" in _SIGNED_URL_BACKENDS


def private_file_response(
    name: str,
    *,
    filename: str,
    content_type: str,
    build: Callable[[], bytes] | None = None,
    storage: Storage | None = None,
) -> HttpResponse:
    """The private file `name` as a download; call only after the permission check.

    With `build`, a missing file is made and stored first (a stored certificate is generated
    once). The answer is never cached: a signed URL is personal and expires.
    """
    storage = storage or private_storage()
    if build is not None and not storage.exists(name):
        saved = storage.save(name, ContentFile(build()))
        if saved != name:  # two requests raced to build it: keep one copy
            storage.delete(saved)
    if is_object_store(storage):
        disposition = f"attachment; filename*=UTF-8''{iri_to_uri(filename)}"
        url = storage.url(
            name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
            },
        )
        response = HttpResponseRedirect(url)
    else:
        response = FileResponse(
            storage.open(name, "rb"),
            as_attachment=True,
            filename=filename,
            content_type=content_type,
        )
    add_never_cache_headers(response)
    return response


def public_read_policy(bucket: str) -> dict:
    """The bucket policy Drom expects: anyone may read media/ (public files); private/ is
    readable only with a signed URL."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "DromPublicMedia",
                "Effect": "Allow",
                "Principal": "*",
                "Action": ["s3:GetObject"],
                "Resource": [f"arn:aws:s3:::{bucket}/media/*"],
            }
        ],
    }
