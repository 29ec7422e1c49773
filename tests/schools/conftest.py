"""People and schools in two regions, so every scoping rule has something to refuse."""

import pytest
from django.core.cache import cache
from django.utils import translation

from schools import roles
from schools.models import District
from tests.factories import MunicipalityFactory, SchoolFactory, make_user


@pytest.fixture(autouse=True)
def bulgarian():
    """Messages built outside a request (parsers, services) speak the site's language.

    A request to /en/ earlier in the same thread would otherwise leave English active.
    """
    with translation.override("bg"):
        yield


@pytest.fixture(autouse=True)
def fresh_cache():
    """Counters kept in the cache (sign-up limits) start at zero in every test."""
    cache.clear()


@pytest.fixture
def sliven(db):
    """A municipality in Sliven district (BG-20), Southeastern region BG34."""
    return MunicipalityFactory(name="Сливен", district=District.objects.get(code="BG-20"))


@pytest.fixture
def vidin(db):
    """A municipality in Vidin district (BG-05), Northwestern region BG31."""
    return MunicipalityFactory(name="Видин", district=District.objects.get(code="BG-05"))


@pytest.fixture
def school_south(sliven):
    return SchoolFactory(name="ОУ „Христо Ботев“", code="2001001", municipality=sliven)


@pytest.fixture
def school_north(vidin):
    return SchoolFactory(name="СУ „Св. св. Кирил и Методий“", code="500101", municipality=vidin)


@pytest.fixture
def teacher_south(school_south):
    return make_user("south@example.test", roles.TEACHERS, school=school_south)


@pytest.fixture
def teacher_north(school_north):
    return make_user("north@example.test", roles.TEACHERS, school=school_north)
