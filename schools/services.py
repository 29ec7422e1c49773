"""Writes with rules for people and schools: keyword-only, typed, atomic.

Views call these; they never touch the models' write methods themselves.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ops import erasure
from ops.erasure import Identity
from ops.mail import email_queue, email_send_now
from ops.models import OutgoingEmail

from . import roles
from .accounts.tokens import BadToken, signup_token_make, signup_token_read
from .models import School, SchoolChange, User


class EmailTaken(Exception):
    """Another account already uses this e-mail address (compared case-insensitively)."""


def email_is_taken(email: str, *, exclude_pk: int | None = None) -> bool:
    users = User.objects.filter(email__iexact=email.strip())
    if exclude_pk is not None:
        users = users.exclude(pk=exclude_pk)
    return users.exists()


def unconfirmed_account(email: str) -> User | None:
    """The account signed up with this address but never confirmed, if there is one.

    Such an account is inactive, has never logged in and still has a password (an anonymised
    or deactivated one does not qualify).
    """
    user = (
        User.objects.filter(email__iexact=email.strip(), is_active=False, last_login__isnull=True)
        .only("pk", "email", "password", "first_name")
        .first()
    )
    if user is None or not user.has_usable_password():
        return None
    return user


def _send(*, template: str, to: str, context: dict) -> None:
    # Through the outbox: a mail server that refuses it now gets it again later.
    email_send_now(
        to=to,
        subject=render_to_string(f"schools/email/{template}_subject.txt", context),
        body=render_to_string(f"schools/email/{template}.txt", context),
        kind=OutgoingEmail.Kind.SIGNUP,
        recipient=context.get("user"),
    )


@transaction.atomic
def user_signup(
    *,
    email: str,
    first_name: str,
    father_name: str,
    last_name: str,
    position: str,
    school: School,
    password: str,
) -> User:
    """Create a teacher's account, inactive until the e-mail address is confirmed."""
    email = User.objects.normalize_email(email.strip()).lower()
    if email_is_taken(email):
        raise EmailTaken(email)
    user = User.objects.create_user(
        email=email,
        password=password,
        first_name=first_name.strip(),
        father_name=father_name.strip(),
        last_name=last_name.strip(),
        position=position,
        school=school,
        is_active=False,
    )
    user.groups.add(Group.objects.get(name=roles.TEACHERS))
    SchoolChange.objects.create(user=user, from_school=None, to_school=school)
    return user


def signup_confirmation_send(*, user: User, confirm_url_base: str) -> None:
    """E-mail the signed confirmation link; ``confirm_url_base`` is the site's scheme and host."""
    token = signup_token_make(user_id=user.pk, email=user.email)
    link = confirm_url_base.rstrip("/") + reverse("signup_confirm", args=[token])
    _send(template="signup_confirm", to=user.email, context={"user": user, "link": link})


def invitation_send(*, user: User, site_url: str, deliver: bool = True) -> OutgoingEmail:
    """E-mail an imported teacher a link to choose a password (Django's reset token)."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {"user": user, "link": site_url.rstrip("/") + path}
    return email_queue(
        to=user.email,
        subject=render_to_string("schools/email/invitation_subject.txt", context),
        body=render_to_string("schools/email/invitation.txt", context),
        kind=OutgoingEmail.Kind.INVITATION,
        recipient=user,
        deliver=deliver,
    )


def user_confirm_email(*, token: str) -> User:
    """Activate the account the token was made for. Raises BadToken for a bad or stale link.

    Confirming twice is harmless: the account simply stays active.
    """
    user_id, email = signup_token_read(token)
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id, email__iexact=email).first()
        if user is None:
            raise BadToken("no such account")
        if not user.is_active:
            if user.last_login is not None or not user.has_usable_password():
                # A deactivated (or anonymised) account is not revived by an old link.
                raise BadToken("account closed")
            user.is_active = True
            user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def user_profile_update(
    *, user: User, first_name: str, father_name: str, last_name: str, position: str
) -> User:
    user.first_name = first_name.strip()
    user.father_name = father_name.strip()
    user.last_name = last_name.strip()
    user.position = position
    user.save(update_fields=["first_name", "father_name", "last_name", "position"])
    return user


@transaction.atomic
def user_school_change(*, user: User, school: School) -> SchoolChange | None:
    """Move the user to another school, recording the move with its date.

    Past records (enrollments, completions) keep the school they were made at; only the
    current school on the user changes. Choosing the same school again records nothing.
    """
    if user.school_id == school.pk:
        return None
    change = SchoolChange.objects.create(
        user=user, from_school_id=user.school_id, to_school=school, changed_at=timezone.now()
    )
    user.school = school
    user.save(update_fields=["school"])
    return change


ANONYMOUS_FIRST_NAME = "Изтрит"
ANONYMOUS_LAST_NAME = "профил"


@transaction.atomic
def user_anonymise(*, user: User) -> User:
    """Close an account at its owner's request, keeping no personal data.

    The row stays — with its school, position and groups — so that enrollments, completions and
    certificates still count in aggregate reports; only what identifies the person goes, here
    and in every other record (the rules in each app's erasure.py, run by ops.erasure).
    """
    identity = Identity(
        user_id=user.pk,
        email=user.email,
        names=tuple(
            name for name in (user.get_full_name(), user.first_name, user.last_name) if name
        ),
        erased_email=f"deleted-{user.pk}@deleted.invalid",
        erased_name=f"{ANONYMOUS_FIRST_NAME} {ANONYMOUS_LAST_NAME}",
    )
    erasure.run(user=user, identity=identity)
    user.email = identity.erased_email
    user.first_name = ANONYMOUS_FIRST_NAME
    user.father_name = ""
    user.last_name = ANONYMOUS_LAST_NAME
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.regions.clear()
    return user
