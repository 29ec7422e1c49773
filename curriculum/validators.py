"""Upload checks by content, never by file name.

A file's name and the browser's content type are whatever the uploader says; what it is decides
whether we keep it. Anything that a browser could run as a page (HTML, SVG, XML) is refused:
our files are served from our own origin, where a script would act with the visitor's session.
"""

import warnings
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

from cms.units import file_size

from .audio import AudioError, sound_check

# Pillow's decompression-bomb guard: a small file that unpacks into a huge bitmap is refused
# instead of exhausting the server's memory. 40 megapixels is a large photograph.
MAX_IMAGE_PIXELS = 40_000_000
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_MEDIA_BYTES = 200 * 1024 * 1024
MAX_CAPTIONS_BYTES = 512 * 1024

IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# Markers that make a text file something a browser might execute.
ACTIVE_MARKERS = (b"<script", b"<html", b"<svg", b"<!doctype", b"<?xml", b"<iframe", b"javascript:")
OOXML_TYPES = ("word/", "xl/", "ppt/")
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text",
    b"application/vnd.oasis.opendocument.spreadsheet",
    b"application/vnd.oasis.opendocument.presentation",
}


def _head(file, size: int = 4096) -> bytes:
    file.seek(0)
    data = file.read(size)
    file.seek(0)
    return data if isinstance(data, bytes) else data.encode()


def _check_size(file, limit: int) -> None:
    if file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest allowed is %(limit)s."),
            code="too_large",
            params={"size": file_size(file.size), "limit": file_size(limit)},
        )


def _looks_active(data: bytes) -> bool:
    lowered = data.lower()
    return any(marker in lowered for marker in ACTIVE_MARKERS)


def validate_image_file(file) -> None:
    _check_size(file, MAX_IMAGE_BYTES)
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that; refuse those too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image_format = image.format
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The image is too large in pixels (at most %(limit)s million pixels)."),
            code="bomb",
            params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
        ) from error
    except Exception as error:
        raise ValidationError(
            _("This file is not an image we accept. Upload a JPEG, PNG, WebP or GIF image."),
            code="not_image",
        ) from error
    finally:
        file.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("This file is not an image we accept. Upload a JPEG, PNG, WebP or GIF image."),
            code="not_image",
        )


def document_kind(file) -> str | None:
    """'pdf', 'office', 'zip' or 'text' from the file's bytes; None if none of those."""
    head = _head(file)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(file) as archive:
                names = archive.namelist()
                if "mimetype" in names and archive.read("mimetype").strip() in ODF_MIMETYPES:
                    return "office"
                if "[Content_Types].xml" in names and any(n.startswith(OOXML_TYPES) for n in names):
                    return "office"
                if any(n.lower().endswith((".html", ".htm", ".svg", ".js")) for n in names):
                    return None
                return "zip"
        except zipfile.BadZipFile:
            return None
        finally:
            file.seek(0)
    file.seek(0)
    data = file.read(MAX_DOCUMENT_BYTES + 1)
    file.seek(0)
    if isinstance(data, str):
        data = data.encode()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if b"\x00" in data or _looks_active(data):
        return None
    return "text"


def validate_document_file(file) -> None:
    _check_size(file, MAX_DOCUMENT_BYTES)
    if document_kind(file) is None:
        raise ValidationError(
            _(
                "This file type is not allowed. Upload a PDF, a Word, Excel, PowerPoint or "
                "LibreOffice file, a ZIP archive or plain text (no HTML, SVG or scripts)."
            ),
            code="bad_document",
        )


def media_kind(file) -> str | None:
    """'audio' or 'video' from the file's bytes; None if it is neither."""
    head = _head(file, 64)
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "audio"
    if head.startswith((b"ID3", b"fLaC")) or (
        len(head) > 1 and head[0] == 0xFF and head[1] >= 0xE0
    ):
        return "audio"
    if head.startswith(b"OggS"):
        return "video" if b"theora" in _head(file, 256).lower() else "audio"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "audio" if brand in {b"M4A ", b"M4B "} else "video"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video"
    return None


def validate_media_file(file, declared_type: str | None = None, *, sound: bool = False) -> None:
    _check_size(file, MAX_MEDIA_BYTES)
    kind = media_kind(file)
    if kind is None:
        raise ValidationError(
            _(
                "This is not an audio or video file we accept "
                "(MP3, WAV, OGG, FLAC, M4A, MP4, WebM)."
            ),
            code="bad_media",
        )
    # An MP4 container may hold sound only, so only a clearly audio file declared as video is
    # refused.
    if declared_type == "video" and kind == "audio":
        raise ValidationError(
            _("This file is a sound recording; choose the type “audio”."), code="wrong_type"
        )
    if sound and declared_type == "audio":
        # The listening copy is made from it: a broken file is refused now, in the form.
        try:
            sound_check(file)
        except AudioError as error:
            raise ValidationError(
                _("%(reason)s Save it again from the recording program and upload it anew."),
                code="bad_sound",
                params={"reason": error},
            ) from error


def validate_captions_file(file) -> None:
    _check_size(file, MAX_CAPTIONS_BYTES)
    data = _head(file, MAX_CAPTIONS_BYTES + 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("Captions must be a WebVTT text file in UTF-8."), code="bad_captions"
        ) from error
    if not text.startswith("WEBVTT") or _looks_active(data):
        raise ValidationError(
            _("Captions must be a WebVTT file: it starts with the word WEBVTT."),
            code="bad_captions",
        )
