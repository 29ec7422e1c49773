"""Cache headers for the public library: shared caches may keep what is identical for everyone.

A response is public only when the visitor is anonymous and nothing personal went into it (no
cookie set, no session-dependent content). Everything else is marked private and never cached.
Vary: Cookie keeps a shared cache from handing an anonymous copy to someone who has logged in.
"""

from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

PUBLIC_MAX_AGE = 5 * 60


def cache_for_audience(request, response, *, max_age: int = PUBLIC_MAX_AGE):
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
        patch_cache_control(response, public=True, max_age=max_age)
    else:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


def private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    patch_vary_headers(response, ("Cookie",))
    return response


class CachedForAnonymousMixin:
    """Public cache headers for anonymous visitors, never-cache for everyone else."""

    def serve(self, request, *args, **kwargs):
        return cache_for_audience(request, super().serve(request, *args, **kwargs))
