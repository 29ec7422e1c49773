"""People and schools in two regions, so every scoping rule has something to refuse."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation

from schools import roles
from schools.models import District, Region
from tests.factories import MunicipalityFactory, SchoolFactory, UserFactory


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


def make_user(email, group=None, **kwargs):
    user = UserFactory(email=email, **kwargs)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


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
def author(db):
    return make_user("author@example.test", roles.AUTHORS, is_staff=True)


@pytest.fixture
def superuser(db):
    return make_user("root@example.test", is_staff=True, is_superuser=True)
