"""How django-axes names the account behind a login attempt."""


def login_identifier(request, credentials) -> str | None:
    """The e-mail typed into a login form (ours or Wagtail's, both call it "username"), lower-cased
    so that "Maria@…" and "maria@…" count as failures against the same account."""
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    return value.strip().lower() if isinstance(value, str) else None
