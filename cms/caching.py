"""Anonymous pages from a shared cache: ETag, Last-Modified, 304 and gzip, invalidated on change.

A page is kept only when the view itself marked it `Cache-Control: public` (pages mark themselves
public for anonymous visitors only, see `cache_for_audience`), the visitor had no session, no
cookie was set and no CSRF token went into it: so a kept page is identical for everyone and never
carries a logged-in person's header or a form token.

Invalidation is by generation: every kept page records the content generation it was rendered
in, and any change to what pages show (a page published, unpublished, moved or deleted; an image,
document, recording, topic, setting, site or redirect saved or deleted) starts a new generation,
so every kept page is stale at once — the next request renders it again. The generation is read
when a request starts, so a rendering that raced a publish is stored under the old one and never
served. Blunt but always correct; editors publish a few times a day, readers read all day.
"""

import contextlib
import gzip
import hashlib
import secrets
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import (
    add_never_cache_headers,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date, parse_http_date_safe

PAGE_CACHE = "pages"
GENERATION_KEY = "generation"
STORED_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Cache-Control",
    "Vary",
    "X-Frame-Options",
    "Link",
    "Content-Disposition",  # a lesson plan's PDF keeps its file name
)
# A cache that cannot be reached or written (a read-only directory, Redis down) makes pages slower,
# never failing; nothing is kept while it fails, so nothing stale can be served from it.
CACHE_FAILURES = (OSError, EOFError)
# Bodies smaller than this are not worth compressing.
GZIP_MIN_LENGTH = 200


def cache_for_audience(request, response):
    """Public for anonymous visitors (revalidated every time, answered 304 from the page cache),
    private and never cached for everyone else."""
    patch_vary_headers(response, ("Cookie",))
    if response.has_header("Cache-Control"):
        return response  # the view decided (downloads, private pages)
    anonymous = not getattr(request, "user", None) or not request.user.is_authenticated
    if (
        anonymous
        and request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.cookies
        and not getattr(request, "is_preview", False)
    ):
        # max-age=0: browsers and proxies ask again each time (a 304 costs little), so a
        # published change is seen at once and an unpublished page disappears at once.
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    else:
        private(response)
    return response


def private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ("Cookie",))
    return response


class ViewRestrictionsCachedMixin:
    """While the page is served (cms.routing marks it), its view restrictions — its own and its
    ancestors' — are read once per content change instead of with two queries every request.
    Everyone else (copying, moving, the admin) gets Wagtail's queryset."""

    serving = False

    def get_view_restrictions(self):
        if not self.serving or not self.pk:
            return super().get_view_restrictions()
        restrictions = super().get_view_restrictions
        return remember(
            f"restrictions:{self.pk}", lambda: list(restrictions().prefetch_related("groups"))
        )


class CachedForAnonymousMixin(ViewRestrictionsCachedMixin):
    """Page mixin: public cache headers for anonymous visitors, never-cache for everyone else."""

    def serve(self, request, *args, **kwargs):
        return cache_for_audience(request, super().serve(request, *args, **kwargs))


# --- generations


def _new_generation() -> tuple[str, float]:
    return (secrets.token_hex(8), time.time())


def current_generation(cache=None) -> tuple[str, float]:
    cache = cache or caches[PAGE_CACHE]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), None)
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            # Redis out of reach behind IGNORE_EXCEPTIONS answers None to everything: treated
            # as the broken cache it is (callers render without it) rather than a TypeError.
            raise OSError("the pages cache keeps nothing")
    return generation


def content_changed(**kwargs) -> None:
    """Make every kept page stale: now, and again when the transaction commits (a page rendered
    in between read the data from before the commit)."""

    def bump():
        with contextlib.suppress(CACHE_FAILURES):  # nothing can be kept in it either
            caches[PAGE_CACHE].set(GENERATION_KEY, _new_generation(), None)

    bump()
    transaction.on_commit(bump)


# --- the middleware


def _request_key(request) -> str:
    scheme = "https" if request.is_secure() else "http"
    address = f"{scheme}://{request.META.get('HTTP_HOST', '')}{request.get_full_path()}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def _may_use_cache(request) -> bool:
    return (
        getattr(settings, "DROM_PAGE_CACHE", True)
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _may_keep(request, response) -> bool:
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Content-Encoding")
        and "public" in response.get("Cache-Control", "")
        and (user is None or not user.is_authenticated)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_preview", False)
    )


class KeptPage:
    """What the cache holds for one address: the body (plain and gzip'd) and its validators."""

    __slots__ = ("generation", "headers", "body", "gzipped", "etag", "modified")

    def __init__(self, response, generation):
        self.generation = generation[0]
        self.headers = [(h, response[h]) for h in STORED_HEADERS if response.has_header(h)]
        self.body = response.content
        self.gzipped = (
            gzip.compress(self.body, compresslevel=6, mtime=0)
            if len(self.body) >= GZIP_MIN_LENGTH
            else None
        )
        # Weak: the plain and the gzip'd body are the same page.
        self.etag = f'W/"{hashlib.sha256(self.body).hexdigest()[:32]}"'
        self.modified = int(generation[1])

    def __getstate__(self):
        return {name: getattr(self, name) for name in self.__slots__}

    def __setstate__(self, state):
        for name, value in state.items():
            setattr(self, name, value)

    def respond(self, request) -> HttpResponse:
        matches = self._matches(request)
        use_gzip = self.gzipped is not None and "gzip" in request.META.get(
            "HTTP_ACCEPT_ENCODING", ""
        )
        response = HttpResponse(
            b"" if matches else (self.gzipped if use_gzip else self.body),
            status=304 if matches else 200,
        )
        for header, value in self.headers:
            response[header] = value
        if matches:
            del response["Content-Type"]
        elif use_gzip:
            response["Content-Encoding"] = "gzip"
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.modified)
        if self.gzipped is not None:
            patch_vary_headers(response, ("Accept-Encoding",))
        return response

    def _matches(self, request) -> bool:
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match is not None:
            # Weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored.
            wanted = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in wanted or self.etag.removeprefix("W/") in wanted
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        return since is not None and self.modified <= since


class AnonymousPageCacheMiddleware:
    """Serves kept anonymous pages before sessions, authentication and routing run."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        key = _request_key(request)
        try:
            cache = caches[PAGE_CACHE]
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY) or current_generation(cache)
        except CACHE_FAILURES:
            return self.get_response(request)  # a broken cache: slower pages, never errors
        kept = found.get(key)
        if kept is not None and kept.generation == generation[0]:
            return kept.respond(request)
        response = self.get_response(request)
        if not _may_keep(request, response):
            return response
        kept = KeptPage(response, generation)
        with contextlib.suppress(CACHE_FAILURES):  # if not kept, the next visitor renders it
            cache.set(key, kept, getattr(settings, "DROM_PAGE_CACHE_SECONDS", 24 * 60 * 60))
        return kept.respond(request)


def remember(key: str, compute):
    """`compute()`'s value, kept until content next changes (outlines, routes, menus)."""
    key = f"memo:{key}"
    try:
        cache = caches[PAGE_CACHE]
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or current_generation(cache)
    except CACHE_FAILURES:
        return compute()
    kept = found.get(key)
    if kept is not None and kept[0] == generation[0]:
        return kept[1]
    value = compute()
    with contextlib.suppress(CACHE_FAILURES):
        cache.set(key, (generation[0], value), getattr(settings, "DROM_PAGE_CACHE_SECONDS", 86400))
    return value


COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/xml")


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZip (with its BREACH padding) for text only: PDFs, images, recordings and zip
    packs are compressed already, and a compressed download would lose its Content-Length."""

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE):
            return response
        return super().process_response(request, response)
