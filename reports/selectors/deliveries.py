"""E-mail problems a coordinator may see: failed or retrying e-mails to her people."""

from django.db.models import Q, QuerySet

from ops.models import OutgoingEmail
from schools import scoping


def problems_visible_to(user) -> QuerySet[OutgoingEmail]:
    """Failed and retrying e-mails to people the user may see, or that the user sent."""
    problems = OutgoingEmail.objects.filter(
        Q(status=OutgoingEmail.Status.FAILED)
        | Q(status=OutgoingEmail.Status.PENDING, attempts__gt=0)
    )
    if scoping.is_national(user):
        return problems
    return problems.filter(
        Q(recipient__in=scoping.teachers_visible_to(user).values("pk"))
        | Q(requested_by=user)
        | Q(recipient=user)
    )
