"""Every admin screen each staff role reaches reads in Bulgarian.

Logged in as each role, the walk starts at /admin/ and follows every admin link it finds (GET
only, one address of each shape, e.g. one page editor), with the demo content loaded.
Each screen fails on English interface words that are not content (see tests/authoring/bulgarian).
"""

import json
import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.test import override_settings

from schools.models import User
from tests.authoring.bulgarian import content_texts, english_in, visible_texts
from tests.demo_db import demo_content

DEMO_ACCOUNTS = {
    "author": "author@drom.test",
    "methodologist": "methodologist@drom.test",
    "reviewer": "reviewer@drom.test",
    "coordinator": "coordinator@drom.test",
    "national": "national@drom.test",
}
# Addresses that are not screens: downloads, logging out, and previews of the public pages
# (content in either language, checked by the public-site tests).
SKIP = re.compile(
    r"/logout/|[?&]export=|/download/|/preview/|/view_draft/|/revisions/\d+/view/"
    r"|/images/\d+/generate_url/\d|/documents/\d+/[^/]+$|/jsi18n/|/media/(?!chooser|audio|video|edit|usage|$)"
)
# Links in the page, and the sidebar menu's (rendered by JavaScript from a JSON block).
LINK = re.compile(r'href="(/admin/[^"#]*)"|"url": ?"(/admin/[^"#]*)"')
PER_SHAPE = 1
LIMIT = 250


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content (tests/demo_db.py), there for the module and taken away after it."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock(), demo_content():
        yield {"content": content_texts(), "media": media}


@pytest.fixture
def media_root(demo, settings):
    settings.MEDIA_ROOT = demo["media"]
    return demo["media"]


def shape(url: str) -> str:
    path, _, query = url.partition("?")
    keys = sorted(part.split("=")[0] for part in query.split("&") if part)
    return re.sub(r"/\d+/", "/N/", re.sub(r"/\d+/", "/N/", path)) + "?" + "&".join(keys)


def screen_html(response) -> str:
    if response.headers.get("Content-Type", "").startswith("application/json"):
        data = json.loads(response.content)
        return data.get("html") or data.get("htmlFragment") or ""
    return response.content.decode()


def walk(client):
    """(url, html) of every admin screen reachable by links from the dashboard."""
    seen_urls, per_shape = set(), {}
    queue = deque(["/admin/"])
    while queue and len(seen_urls) < LIMIT:
        url = urldefrag(queue.popleft())[0].replace("&amp;", "&")
        if url in seen_urls or SKIP.search(url):
            continue
        key = shape(url)
        if per_shape.get(key, 0) >= PER_SHAPE:
            continue
        per_shape[key] = per_shape.get(key, 0) + 1
        seen_urls.add(url)
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="bg")
        if response.status_code != 200:
            continue
        content_type = response.headers.get("Content-Type", "")
        if not content_type.startswith(("text/html", "application/json")):
            continue
        html = screen_html(response)
        yield url, html
        for match in LINK.finditer(html):
            link = match.group(1) or match.group(2)
            if urlsplit(link).path.startswith("/admin/"):
                queue.append(link)


@pytest.mark.django_db
@pytest.mark.parametrize("role", DEMO_ACCOUNTS)
def test_every_admin_screen_of_the_role_is_bulgarian(client, demo, media_root, role):
    client.force_login(User.objects.get(email=DEMO_ACCOUNTS[role]))
    problems, screens = {}, 0
    for url, html in walk(client):
        screens += 1
        english = english_in(visible_texts(html), demo["content"])
        if english:
            problems[url] = sorted(set(english))[:8]
    assert screens >= 5, f"{role} reached only {screens} admin screens"
    assert problems == {}, "\n".join(f"{url}: {found}" for url, found in problems.items())
