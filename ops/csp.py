"""Content-Security-Policy (django-csp): strict on the public site, with the Wagtail admin's
needs added under its prefix only.

The public pages, the quiz (courses/static/courses/quiz.js), PDFs and downloads load nothing
inline and nothing from elsewhere, so `script-src 'self'` and `style-src 'self'` hold there; a
test reads every template for inline scripts, handlers and style attributes. Wagtail's admin
still writes a few inline scripts (date pickers, inline panels) and style attributes, so under
ADMIN_PREFIX the policy also allows inline script and style, blob: images (upload previews) and
framing by itself (the preview panel). `worker-src 'self'` lets the offline plans' service worker
(/sw.js, static/js/sw.js) run.

CSP_REPORT_ONLY=true sends the same policy as Content-Security-Policy-Report-Only (to try it on
a running site before enforcing it); CSP_REPORT_URI adds a report-uri.
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIX = "/admin/"

ADMIN_ADDITIONS = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
}
ADMIN_REPLACEMENTS = {"frame-src": [SELF], "frame-ancestors": [SELF]}


def origin(url: str) -> str:
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def directives(*, file_origins: list[str], report_uri: str = "") -> dict:
    files = [SELF, *sorted({o for o in file_origins if o})]
    policy = {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [*files, "data:"],
        "media-src": files,
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "worker-src": [SELF],
        "manifest-src": [SELF],
    }
    if report_uri:
        policy["report-uri"] = report_uri
    return policy


def policy_settings(*, report_only: bool, file_origins: list[str], report_uri: str = "") -> dict:
    """The two django-csp settings: one of them carries the policy, the other is None."""
    policy = {"DIRECTIVES": directives(file_origins=file_origins, report_uri=report_uri)}
    if report_only:
        return {"CONTENT_SECURITY_POLICY": None, "CONTENT_SECURITY_POLICY_REPORT_ONLY": policy}
    return {"CONTENT_SECURITY_POLICY": policy, "CONTENT_SECURITY_POLICY_REPORT_ONLY": None}


class DromCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's additions under ADMIN_PREFIX."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(getattr(settings, "CSP_ADMIN_PREFIX", ADMIN_PREFIX)):
            update = {**ADMIN_ADDITIONS, **(parts.update or {})}
            replace = {**ADMIN_REPLACEMENTS, **(parts.replace or {})}
            return PolicyParts(parts.config, update, replace, parts.nonce)
        return parts
