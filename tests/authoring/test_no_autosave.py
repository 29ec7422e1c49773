"""The page editor does not autosave: an autosave in flight when an author submits for review
is saved after the submission and puts the older text back into what the reviewers approve
(cms/settings/base.py, WAGTAIL_AUTOSAVE_INTERVAL)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_page_editor_saves_only_when_the_author_does(client, superuser, home_bg):
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[home_bg.pk]))
    assert response.status_code == 200
    assert response.context["autosave_enabled"] is False
    assert b"data-w-autosave-interval-value" not in response.content  # the timer is not set up
