"""How academic hours are written where a seminar gave some of them: "8 ч. присъствено +
8 ч. самостоятелно" (pure, no I/O; certificates, the passport and "My learning" share it)."""

from django.utils.translation import gettext as _


def hours_split(*, hours: int, in_person: int) -> str:
    """The split of `hours` into hours in person and self-paced, or "" when all were self-paced."""
    if not in_person:
        return ""
    return _("%(in_person)s h in person + %(self_paced)s h self-paced") % {
        "in_person": in_person,
        "self_paced": max(0, hours - in_person),
    }


def hours_label(*, hours: int, in_person: int) -> str:
    """The hours, followed by their split when there is one: "16 (8 ч. присъствено + …)"."""
    split = hours_split(hours=hours, in_person=in_person)
    return f"{hours} ({split})" if split else str(hours)
