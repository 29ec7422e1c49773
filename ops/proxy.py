"""The client's address behind our own reverse proxies (settings.PROXY_COUNT of them)."""

from __future__ import annotations

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    """The address our outermost proxy saw; a client cannot forge it by sending its own header.

    Each proxy appends the address it received the request from to X-Forwarded-For, so with
    PROXY_COUNT proxies the client is that many entries from the right.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = getattr(settings, "PROXY_COUNT", 0)
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < count:
        return remote
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
