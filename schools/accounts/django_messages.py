"""Messages of Django's own that its Bulgarian catalogue does not translate yet.

Django 5.2 changed the password-length message's msgid (``%(min_length)d`` became ``%d``) and
the bg catalogue still has only the old one, so people would read it in English. Marking the new
msgid here puts it in our catalogue, which Django consults as well.
"""

from django.utils.translation import ngettext_lazy

PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)
