"""Signed, expiring links for confirming a sign-up e-mail address.

The token carries the user's id and e-mail address, signed with SECRET_KEY and a timestamp: it
cannot be forged, it stops working after SIGNUP_CONFIRM_MAX_AGE, and it stops working if the
address on the account changes. No table is needed.
"""

from django.core import signing

SALT = "schools.signup.confirm"
SIGNUP_CONFIRM_MAX_AGE = 60 * 60 * 24 * 3  # three days, like the password reset links


class BadToken(Exception):
    """The link is forged, damaged or expired."""


def signup_token_make(*, user_id: int, email: str) -> str:
    return signing.dumps({"u": user_id, "e": email.lower()}, salt=SALT, compress=False)


def signup_token_read(token: str, *, max_age: int = SIGNUP_CONFIRM_MAX_AGE) -> tuple[int, str]:
    """The (user id, e-mail) the token was made for; BadToken if it is not valid any more."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadToken("expired") from error
    except signing.BadSignature as error:
        raise BadToken("bad signature") from error
    return int(data["u"]), str(data["e"])
