"""The demo content, there for every test in this package and taken away after the last.

``load_demo`` takes half a minute (pages, generated images and recordings, 150 teachers, learners
in every state); tests/demo_db.py loads it once and keeps what it made between runs on SQLite, so
a worker that runs tests of this package copies it in. When the package is done the database is
as it was before, so no other test ever sees the demo; each test here still runs in its own
transaction (the usual ``db`` fixture), so what a test changes is undone before the next.
"""

import pytest
from django.test.utils import override_settings

from tests.demo_db import demo_content


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """What ``load_demo`` printed the first time (the logins, "created N items")."""
    # The generated images and recordings go to a directory of this session, not media/.
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"))
    media.enable()
    content = demo_content()
    with django_db_blocker.unblock():
        printed = content.__enter__()
    yield printed
    with django_db_blocker.unblock():
        content.__exit__(None, None, None)
    media.disable()


@pytest.fixture(autouse=True)
def with_demo(demo, db):
    """Every test here sees the demo content, in a transaction of its own."""
