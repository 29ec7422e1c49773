"""Absolute addresses from one place: settings.BASE_URL, else (development) the request's host.

Links leave Drom in e-mails, the API, the sitemap and certificates' QR codes; each must name the
public address, never the address of the app server that happened to build it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def base_url(request=None) -> str:
    """Scheme, host and port of the public site, without a trailing slash."""
    if settings.BASE_URL:
        return settings.BASE_URL
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def public_url(path: str, request=None) -> str:
    """`path` (starting with /) as an absolute public address."""
    return base_url(request) + path


def site_host_and_port(url: str) -> tuple[str, int]:
    """Hostname and port for Wagtail's Site record (which derives the scheme from port 443)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "localhost", port
