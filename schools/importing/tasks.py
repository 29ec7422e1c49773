"""Background work of the import (django-tasks: immediate in development, a worker in
production), so that a coordinator's import of thousands of teachers does not wait for the mail."""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django_tasks import task

from ops.mail import enqueue_delivery
from ops.models import OutgoingEmail
from schools.models import User
from schools.services import invitation_send


@task()
def send_invitations(user_ids: list[int], site_url: str) -> int:
    """Invite imported teachers to choose a password; returns how many were sent."""
    sent = 0
    # A teacher is invited once: a second run of this task (a worker restarted) skips her.
    invited = set(
        OutgoingEmail.objects.filter(
            kind=OutgoingEmail.Kind.INVITATION, recipient_id__in=user_ids
        ).values_list("recipient_id", flat=True)
    )
    queued = []
    # Teachers read Bulgarian, whatever language the coordinator's admin was in.
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        for user in User.objects.filter(pk__in=user_ids, is_active=True).select_related("school"):
            # Someone who already chose a password needs no invitation.
            if user.pk not in invited and not user.has_usable_password():
                queued.append(invitation_send(user=user, site_url=site_url, deliver=False).pk)
                sent += 1
        enqueue_delivery(queued)  # in batches, once the invitations are committed
    return sent
