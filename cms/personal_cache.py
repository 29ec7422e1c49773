"""A logged-in person's course, lesson and quiz pages, kept for her alone in the shared cache.

A page opts in (`PersonalPageMixin`); a rendering of it is kept under a key made of the address
with its query string, the language, the day, the person's id and a hash of her browser's CSRF
secret (the form tokens in the page stay valid for that browser only; logging in again rotates
the secret, hence the key). What is kept records the content generation (cms.caching), the
person's generation and the people epoch (cms.people) read when its request started, and is
answered only while all three are current: any publish, and any write to what the person sees
about herself, makes it stale. A hit costs the session and the user (two queries) and one read
of the cache, before routing and the page's own queries.

Never kept, and never answered from the cache: anything but a GET; anonymous visitors; a request
with pending messages (checked without consuming them), or with anything in its session beyond
the login (a quiz's or a reflection's draft waiting to be shown); a browser without a CSRF
cookie or with one being replaced. Never kept besides: a response the page did not mark (a quiz
with an attempt open: its timer and phase move with the clock), a preview, anything but a 200,
a response that changed the session, queued a message or set a cookie, and people the site
offers the admin (their pages carry the editing toolbar; kept only for teachers and learners).
A kept page is answered with the headers of a fresh one (private, never cached by browsers or
proxies; a fresh Expires; the CSRF cookie renewed as rendering it would).
"""

import contextlib
import hashlib

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone

from schools.scoping import may_use_admin

from .caching import CACHE_FAILURES, GENERATION_KEY, PAGE_CACHE, current_generation, private
from .people import EPOCH_KEY, generations, person_key

#: what a logged-in session holds; anything more (a draft, a wizard's state) is shown once
LOGIN_SESSION_KEYS = frozenset({SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY})
#: made afresh on every answer, or by the middleware outside this one
NOT_KEPT_HEADERS = frozenset({"expires", "date", "set-cookie", "content-length"})
MARK = "drom_personal_cache"


class PersonalPageMixin:
    """Page mixin: a logged-in person's rendering of this page may be kept for her. A page that
    shows something moving with the clock refuses in `personal_cache_allowed`."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False) and self.personal_cache_allowed(response):
            setattr(response, MARK, True)
        return response

    def personal_cache_allowed(self, response) -> bool:
        return True


def _enabled() -> bool:
    return getattr(settings, "DROM_PERSONAL_PAGE_CACHE", True)


def _pending_messages(request) -> bool:
    storage = getattr(request, "_messages", None)
    # len() loads the stored messages without marking them used (iterating would consume them).
    return storage is not None and len(storage) > 0


def _may_use(request) -> bool:
    """Cheap checks first: the user is loaded only for a GET from a browser with a session and a
    CSRF cookie."""
    return bool(
        _enabled()
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME in request.COOKIES
        and request.META.get("CSRF_COOKIE")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and request.user.is_authenticated
        and set(request.session.keys()) <= LOGIN_SESSION_KEYS
        and not _pending_messages(request)
    )


def _key(request) -> str:
    secret = hashlib.sha256(request.META["CSRF_COOKIE"].encode()).hexdigest()
    parts = (
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        getattr(request, "LANGUAGE_CODE", ""),
        str(request.user.pk),
        secret,
        # Pages say "overdue" from the day after a due date.
        timezone.localdate().isoformat(),
    )
    return "personal:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _may_keep(request, response, *, user_id, secret) -> bool:
    storage = getattr(request, "_messages", None)
    return (
        getattr(response, MARK, False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Content-Encoding")
        and not getattr(request, "is_preview", False)
        and request.user.pk == user_id
        and request.META.get("CSRF_COOKIE") == secret
        and not request.session.modified
        and not getattr(storage, "_queued_messages", None)
        and not may_use_admin(request.user)
    )


class KeptPersonalPage:
    __slots__ = ("stamp", "headers", "body", "renews_csrf")

    def __init__(self, request, response, stamp):
        self.stamp = stamp
        self.headers = [(h, v) for h, v in response.items() if h.lower() not in NOT_KEPT_HEADERS]
        self.body = response.content
        self.renews_csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))

    def __getstate__(self):
        return {name: getattr(self, name) for name in self.__slots__}

    def __setstate__(self, state):
        for name, value in state.items():
            setattr(self, name, value)

    def respond(self, request) -> HttpResponse:
        response = HttpResponse(self.body)
        for header, value in self.headers:
            response[header] = value
        if self.renews_csrf:
            # The page's forms used the CSRF token: its cookie is sent again, as rendering would.
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
        return private(response)


class PersonalPageCacheMiddleware:
    """After sessions, authentication and messages; before routing and the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use(request):
            return self.get_response(request)
        user_id, secret, key = request.user.pk, request.META["CSRF_COOKIE"], _key(request)
        try:
            cache = caches[PAGE_CACHE]
            found = cache.get_many([GENERATION_KEY, person_key(user_id), EPOCH_KEY, key])
            content = found.get(GENERATION_KEY) or current_generation(cache)
            stamp = (content[0], *generations(found, user_id, cache))
        except CACHE_FAILURES:
            return self.get_response(request)  # a broken cache: slower pages, never errors
        kept = found.get(key)
        if kept is not None and kept.stamp == stamp:
            return kept.respond(request)
        response = self.get_response(request)
        if _may_keep(request, response, user_id=user_id, secret=secret):
            seconds = getattr(settings, "DROM_PERSONAL_PAGE_CACHE_SECONDS", 60 * 60)
            with contextlib.suppress(CACHE_FAILURES):
                cache.set(key, KeptPersonalPage(request, response, stamp), seconds)
        return response
