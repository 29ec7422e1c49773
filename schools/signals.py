"""What other parts of the site may need to know about people, without schools knowing them.

`people_changed` is sent after a write that bypasses model signals (bulk_create, bulk_update,
queryset update or delete, raw SQL) to anything a person sees about herself: her account, groups
or school, and, from courses and reports, her enrollments, completions, attempts, certificates,
assignments and bookings. `user_ids` names the people (an iterable of primary keys), or is None
when anyone may be concerned. cms.people makes their kept personal pages stale.
"""

from django.dispatch import Signal

people_changed = Signal()


def people_touched(sender, user_ids=None) -> None:
    """Say that these people (None: anyone) changed in a way model signals did not report."""
    people_changed.send(sender=sender, user_ids=None if user_ids is None else list(user_ids))
