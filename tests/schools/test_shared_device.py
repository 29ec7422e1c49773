"""A teacher on a shared device: logging out leaves nothing of hers in the browser; the site can
be added to a phone's home screen."""

import json

from django.contrib.staticfiles import finders

from tests.factories import make_teacher


def test_logout_tells_the_browser_to_clear_its_cache_and_storage(client, db):
    client.force_login(make_teacher(email="shared.phone@example.test"))
    response = client.post("/accounts/logout/")
    assert response.status_code in (200, 302)
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_a_logged_out_visitor_posting_logout_gets_the_header_too(client, db):
    response = client.post("/accounts/logout/")
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_pages_link_a_web_app_manifest(client, db):
    html = client.get("/accounts/login/").content.decode()
    assert 'rel="manifest"' in html
    with open(finders.find("manifest.webmanifest"), encoding="utf-8") as file:
        manifest = json.load(file)
    assert manifest["lang"] == "bg" and manifest["start_url"] == "/"
    assert finders.find(manifest["icons"][0]["src"])
