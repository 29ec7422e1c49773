"""Fixtures shared by every suite. App-specific fixtures live in tests/<app>/conftest.py."""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from cms.models import HomePage
from tests.factories import UserFactory


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
