"""Background work of the import (django-tasks: immediate in development, a worker in
production), so that a coordinator's import of thousands of teachers does not wait for the mail."""

from django.conf import settings
from django.utils import translation
from django_tasks import task

from schools.models import User
from schools.services import invitation_send


@task()
def send_invitations(user_ids: list[int], site_url: str) -> int:
    """Invite imported teachers to choose a password; returns how many were sent."""
    sent = 0
    # Teachers read Bulgarian, whatever language the coordinator's admin was in.
    with translation.override(settings.LANGUAGE_CODE):
        for user in User.objects.filter(pk__in=user_ids, is_active=True).select_related("school"):
            if not user.has_usable_password():  # someone who already set one needs no invite
                invitation_send(user=user, site_url=site_url)
                sent += 1
    return sent
