"""Health probes for load balancers, and a request id in every log line and response."""

from __future__ import annotations

import logging
import re
import time
import uuid

from django.http import HttpResponse, JsonResponse

from .health import readiness
from .logging import request_id_var

access_log = logging.getLogger("drom.request")

# A proxy's id is kept if it looks like one (no spaces or control characters to forge log lines).
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")


class HealthCheckMiddleware:
    """/healthz: the process answers. /readyz: the database, cache and file store answer too.

    Answered before the host check and the HTTPS redirect: a load balancer calls the server by
    its address, over plain HTTP, with no Host header we would recognise. Neither says anything
    a visitor could use (no versions, no addresses).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return _no_store(HttpResponse("ok\n", content_type="text/plain"))
        if request.path == "/readyz":
            checks = readiness()
            status = 200 if all(value == "ok" for value in checks.values()) else 503
            return _no_store(JsonResponse(checks, status=status))
        return self.get_response(request)


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


class RequestIdMiddleware:
    """Gives each request an id (the proxy's X-Request-ID, or a new one), logs it with every
    line written while handling the request, returns it in X-Request-ID, and writes one access
    line per request (method, path, status, time, user)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            user = getattr(request, "user", None)
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                },
            )
            return response
        finally:
            request_id_var.reset(token)
