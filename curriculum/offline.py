"""What a teacher's phone keeps of a lesson plan to open it offline, and how much that weighs.

The page shows the size before anything is downloaded; static/js/offline.js fetches these
addresses (with the page, its style sheets, scripts and pictures) into the service worker's cache.
Recordings are kept as the light copy the player uses when it is ready, else as the original.
"""

from __future__ import annotations

from cms.units import file_size


def _recording(media) -> tuple[str, int]:
    if media.listening_ready:
        return media.listening_url, media.listening_size or 0
    return media.url, media.file_size or 0


def offline_copy(*, page, pdf_url: str, pdf_bytes: int | None) -> dict:
    """The addresses the phone keeps for `page` besides the page itself, and their total size."""
    files: dict[str, int] = {pdf_url: pdf_bytes or 0}
    for child in page.body:
        value = child.value
        if child.block_type == "worksheet" and value["document"] is not None:
            files[value["document"].url] = value["document"].file_size or 0
        elif child.block_type in ("song", "tale") and value.get("recording") is not None:
            url, size = _recording(value["recording"])
            files[url] = size
        elif child.block_type == "video" and value["video"] is not None:
            files[value["video"].url] = value["video"].file_size or 0
    total = sum(files.values())
    return {"urls": " ".join(files), "bytes": total, "size": file_size(total)}
