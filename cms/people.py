"""Per-person generations: what makes a person's kept pages (cms.personal_cache) stale.

Each person has a generation in the shared "pages" cache, and everyone shares one more, the
people epoch. A kept personal page records both (with the content generation, cms.caching) and
is served only while all three are unchanged. A write to anything a person sees about herself
(her enrollment, completions, attempts, certificate, assignment, bookings, account, groups)
replaces her generation; a bulk write whose people are many or unknown replaces the epoch, which
makes every kept personal page stale at once — blunt but correct.

Like the content generation, a generation is replaced at once and again when the transaction
commits: a page rendered in between read the data from before the commit and was stored under
the generation it read when its request started, which is then no longer current.
Generations are random tokens, never counters: a generation evicted from the cache and made
again can never match a page kept before.
"""

import contextlib
import secrets
from collections.abc import Iterable

from django.core.cache import caches
from django.db import transaction

from .caching import CACHE_FAILURES, PAGE_CACHE

EPOCH_KEY = "people-epoch"
#: more people than this in one write: the epoch is replaced instead of each one's generation
MANY = 50


def _token() -> str:
    return secrets.token_hex(8)


def person_key(user_id) -> str:
    return f"person:{user_id}"


def _replace(user_ids: list | None) -> None:
    with contextlib.suppress(CACHE_FAILURES):  # nothing can be kept in it either
        cache = caches[PAGE_CACHE]
        if user_ids is None:
            cache.set(EPOCH_KEY, _token(), None)
        else:
            cache.set_many({person_key(pk): _token() for pk in user_ids}, None)


def people_changed(user_ids: Iterable | None = None) -> None:
    """Make the kept pages of these people (None: of everyone) stale, now and on commit."""
    if user_ids is not None:
        user_ids = sorted({pk for pk in user_ids if pk is not None})
        if not user_ids:
            return
        if len(user_ids) > MANY:
            user_ids = None
    _replace(user_ids)
    transaction.on_commit(lambda: _replace(user_ids))


def on_people_changed(sender, user_ids=None, **kwargs) -> None:
    """Receiver of schools.signals.people_changed."""
    people_changed(user_ids)


def generations(found: dict, user_id, cache=None) -> tuple[str, str]:
    """(the person's generation, the epoch) from a get_many that asked for both; missing ones
    are made (add: a concurrent maker wins and both read the same). A cache that keeps nothing
    (Redis unreachable behind IGNORE_EXCEPTIONS answers None) raises OSError: nothing may be
    kept or answered while generations cannot be replaced."""
    values = []
    for key in (person_key(user_id), EPOCH_KEY):
        value = found.get(key)
        if value is None:
            cache = cache or caches[PAGE_CACHE]
            cache.add(key, _token(), None)
            value = cache.get(key)
            if value is None:
                raise OSError("the pages cache keeps nothing")
        values.append(value)
    return values[0], values[1]
