"""Authoring in the Wagtail admin: review that cannot be bypassed, translation status, the
translation guard. Registered in cms/wagtail_hooks.py; rights are set by cms/migrations/0004."""
