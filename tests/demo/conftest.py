"""The demo content, loaded once for every test in this package and rolled back after the last.

``load_demo`` takes seconds (pages, generated images and recordings, 150 teachers, learners in
every state); the tests that need it all live here and share one load. It runs inside an outer
transaction on the test database that is rolled back when pytest leaves the package, so no other
test ever sees it; each test here still runs in its own transaction inside that one (the usual
``db`` fixture), so what a test changes is undone before the next.

Under pytest-xdist the package is one unit of work (see ``pytest_xdist_make_scheduler`` in
tests/conftest.py): one worker loads the demo once, the others never do.
"""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """What ``load_demo`` printed the first time (the logins, "created N items")."""
    # The generated images and recordings go to a directory of this session, not media/.
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"))
    media.enable()
    outer = transaction.atomic()
    # Marked as Django's TestCase marks its class-wide transaction, so that a durable atomic
    # block in the code under test may still open inside it.
    outer._from_testcase = True
    out = io.StringIO()
    with django_db_blocker.unblock():
        outer.__enter__()
        cache.clear()
        call_command("load_demo", stdout=out)
    yield out.getvalue()
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
    cache.clear()  # anonymous pages cached while the demo was there
    media.disable()


@pytest.fixture(autouse=True)
def with_demo(demo, db):
    """Every test here sees the demo content, in a transaction of its own."""
