"""The page editor does not autosave (cms/settings/base.py, WAGTAIL_AUTOSAVE_INTERVAL = 0).

Wagtail 7.3+ saves a draft 500 ms after each edit. An autosave still in flight when the author
submits for review is saved after the submission, from the form as it was, and silently puts the
older text back into the revision the reviewers approve: seen on PostgreSQL in the browser journey
of a translation, its English text replaced by the Bulgarian 86 ms after the submission (Wagtail
issue 13863; pull requests 13749 and 13750 on the same race). Authors save drafts themselves, and
Wagtail still warns before leaving a page with unsaved changes."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_page_editor_saves_only_when_the_author_does(client, superuser, home_bg):
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[home_bg.pk]))
    assert response.status_code == 200
    assert response.context["autosave_enabled"] is False
    assert b"data-w-autosave-interval-value" not in response.content  # the timer is not set up
