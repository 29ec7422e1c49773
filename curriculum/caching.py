"""Cache headers for the public library: the site-wide rules of cms.caching.

A response is public only when the visitor is anonymous and nothing personal went into it (no
cookie set, no session-dependent content); everything else is private and never cached.
Vary: Cookie keeps a shared cache from handing an anonymous copy to someone who has logged in.
"""

from cms.caching import CachedForAnonymousMixin, cache_for_audience, private

# Files (recordings) change rarely and carry their own address.
PUBLIC_MAX_AGE = 5 * 60

__all__ = ["PUBLIC_MAX_AGE", "CachedForAnonymousMixin", "cache_for_audience", "private"]
