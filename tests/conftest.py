"""Fixtures shared by every suite: the one place for people in each role and for a course.

Helpers to make more of them are in tests.factories (``make_user``, ``make_teacher``,
``make_school``) and tests.courses.builders (``make_course`` with lessons and quizzes). App
suites keep only the data that is theirs in tests/<app>/conftest.py.
"""

import gc

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import translation
from wagtail.models import Locale
from xdist.scheduler import LoadScopeScheduling

from cms.caching import PAGE_CACHE
from cms.models import HomePage
from courses.models import CoursePage
from schools import roles
from schools.models import Region
from tests import deferred_index
from tests.courses.builders import make_course
from tests.factories import UserFactory, make_user
from tests.migrated_db import migrate_once
from tests.shared_data import once_per_module


class FolderGroupScheduling(LoadScopeScheduling):
    """pytest-xdist's ``--dist loadgroup``, with the groups named by folder.

    Each test is its own unit of work, except that all of tests/e2e/ (one server, one browser)
    goes to one worker, and so do tests that share what one subprocess found (a module-scoped
    fixture that starts Django once for them, instead of once a worker). On PostgreSQL the
    tests that need the demo content — tests/demo/ and the admin walk, each loading it once —
    also go to one worker each; on SQLite the loaded demo is kept (tests/demo_db.py) and a
    worker copies it in, so those tests spread like the others.
    xdist 3.8 groups by a suffix it writes into the test's node id, which pytest 9 no longer
    reads, so its own loadgroup would scatter them.
    """

    FOLDERS = (
        "tests/e2e/",
        "tests/ops/test_configuration.py::test_the_worker_and_cron_check_services_too[",
    )
    DEMO_FOLDERS = ("tests/demo/", "tests/authoring/test_admin_bulgarian.py")

    def __init__(self, config, log=None):
        super().__init__(config, log)
        if connection.vendor != "sqlite":
            self.FOLDERS = self.FOLDERS + self.DEMO_FOLDERS

    def _split_scope(self, nodeid):
        return next((folder for folder in self.FOLDERS if nodeid.startswith(folder)), nodeid)


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadgroup":
        return FolderGroupScheduling(config, log)
    return None


def pytest_collection_finish(session):
    """Fewer garbage collections, none of them walking what start-up made.

    Django, Wagtail and the imported test modules leave a few hundred thousand objects that
    live until the end, and every older-generation collection walked them all again. Frozen,
    they are left out, and young objects are collected after 10,000 allocations instead of 700:
    in tests/reports (one process) collecting took 1.0–1.4 s of 36 instead of 1.9 s.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


@pytest.fixture(scope="session", autouse=True)
def search_and_reference_indexes_updated_when_read():
    """See tests/deferred_index.py: a test that never reads the indexes never pays for them."""
    with deferred_index.installed():
        yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    if item.get_closest_marker("e2e") is None:  # a browser's server reads in its own thread
        deferred_index.start_test()
    return (yield)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    deferred_index.end_test()
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    if fixturedef.scope == "function":
        return (yield)
    with deferred_index.exactly():  # e.g. the demo, saved for later runs as it was loaded
        return (yield)


@pytest.fixture(scope="session", autouse=True)
def migrated_db_kept_between_runs():
    """Active before pytest-django creates the test database (see tests/migrated_db.py)."""
    with migrate_once():
        yield


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Kept pages, routes and outlines (cms.caching) belong to one test's database: each test
    starts without them, as a server starts after its database was restored."""
    caches[PAGE_CACHE].clear()


@pytest.fixture
def unwritable_page_cache(settings, tmp_path):
    """The pages cache in a directory that cannot be made (a file stands in its way): every
    read misses and every write fails, as a full disk or a read-only volume would."""
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("")
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(not_a_directory / "pages"),
        },
    }


@pytest.fixture(autouse=True)
def bulgarian_by_default():
    """Each test starts in Bulgarian, as a visitor to / does.

    LocaleMiddleware leaves the language of the last request active in the thread; without this a
    test that visited /en/ would make the next test's messages English.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def home_bg(db):
    return HomePage.objects.get(locale__language_code="bg")


@pytest.fixture
def home_en(db):
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def teacher(db):
    return UserFactory(email="teacher@example.test", password="correct-horse-battery")


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


@pytest.fixture(scope="module")
def course_once(request, django_db_setup, django_db_blocker):
    """The course's primary key, built once for the module (tests/shared_data.py)."""

    def build():
        return make_course(HomePage.objects.get(locale__language_code="bg")).pk

    yield from once_per_module(request, django_db_blocker, build)


@pytest.fixture
def course(course_once, home_bg):
    """A course with two lessons and a quiz (see tests.courses.builders.make_course)."""
    if course_once is None:
        return make_course(home_bg)
    return CoursePage.objects.get(pk=course_once)


# People in each role, with the staff flag their demo accounts have.


@pytest.fixture
def author(db):
    return make_user("author@example.test", roles.AUTHORS, is_staff=True)


@pytest.fixture
def methodologist(db):
    return make_user("method@example.test", roles.METHODOLOGISTS, is_staff=True)


@pytest.fixture
def reviewer(db):
    return make_user("reviewer@example.test", roles.COMMUNITY_REVIEWERS, is_staff=True)


@pytest.fixture
def coordinator(db):
    """Coordinates the Southeastern region (BG34) only."""
    user = make_user("coord@example.test", roles.REGIONAL_COORDINATORS, is_staff=True)
    user.regions.set(Region.objects.filter(code="BG34"))
    return user


@pytest.fixture
def national(db):
    return make_user("national@example.test", roles.NATIONAL_COORDINATORS, is_staff=True)


@pytest.fixture
def superuser(db):
    return make_user("root@example.test", is_staff=True, is_superuser=True)


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def national_client(client, national):
    client.force_login(national)
    return client
