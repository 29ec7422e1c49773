"""Erasure at the person's request (GDPR art. 17): one rule per model that holds personal data.

Each app declares its rules in its own `erasure.py` and registers them with Wagtail's hook
registry under HOOK in its `wagtail_hooks.py` (Wagtail imports those at start-up, so no app
imports another to take part). `schools.services.user_anonymise` runs every rule in the same
transaction as the account's own anonymisation; files are deleted once it commits.

A rule names the models it answers for and says how, in `how`; a model whose personal data is
only a link to the (anonymised) account says so in a rule that does nothing. The test
tests/schools/test_erasure.py fails when a model holding personal data has no rule.

This module also carries the rules for the ops layer's own models (the outbox, prepared
downloads).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from wagtail import hooks

from .models import OutgoingEmail, PreparedDownload

HOOK = "erase_personal_data"


@dataclass(frozen=True)
class Identity:
    """Who the person was, read before the account is anonymised (rules match old records
    by e-mail address, as the login-attempt log and the outbox keep them)."""

    user_id: int
    email: str
    names: tuple[str, ...]
    #: the address and name the anonymised account now has
    erased_email: str
    erased_name: str


def rule(*models: str, how: str) -> Callable:
    """Mark a function `(*, user, identity) -> None` as the erasure rule for `models`."""

    def mark(function: Callable) -> Callable:
        function.erases = models
        function.how = how
        return function

    return mark


def rules() -> list[Callable]:
    return list(hooks.get_hooks(HOOK))


def coverage() -> dict[str, str]:
    """Model label → how its personal data are erased (or why nothing needs to be)."""
    return {label: function.how for function in rules() for label in function.erases}


def run(*, user, identity: Identity) -> None:
    for function in rules():
        function(user=user, identity=identity)


def delete_files_on_commit(files) -> None:
    """Delete stored files once the erasure is committed (a rollback keeps them)."""
    files = [file for file in files if file]

    def delete():
        for file in files:
            file.storage.delete(file.name)

    transaction.on_commit(delete)


@rule(
    "ops.OutgoingEmail",
    how="Messages not yet sent to the person are deleted; sent ones keep their kind and dates "
    "for the delivery statistics, with address, subject, text and attachment removed.",
)
def erase_outbox(*, user, identity: Identity) -> None:
    mine = OutgoingEmail.objects.filter(
        Q(recipient_id=user.pk) | Q(to_email__iexact=identity.email)
    )
    delete_files_on_commit([email.attachment for email in mine.exclude(attachment="")])
    mine.exclude(status=OutgoingEmail.Status.SENT).delete()
    mine.update(
        recipient=None,
        to_email=identity.erased_email,
        subject="",
        body="",
        attachment="",
        attachment_name="",
        last_error="",
    )


@rule(
    "ops.PreparedDownload",
    how="Every prepared file ready before the erasure is deleted (exports and certificate ZIPs "
    "list people by name; anyone who needs one prepares it again), and so are the person's "
    "own requests.",
)
def erase_prepared_downloads(*, user, identity: Identity) -> None:
    # A file still being prepared reads the records after this commit: it is already erased.
    made = PreparedDownload.objects.filter(
        Q(requested_by_id=user.pk) | Q(status=PreparedDownload.Status.READY)
    )
    delete_files_on_commit([download.file for download in made.exclude(file="")])
    made.delete()
