"""Public and personal pages keep the same number of queries as the data grows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from schools.models import SchoolChange
from tests.factories import SchoolFactory


def count(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


def test_signup_school_list(client, sliven):
    SchoolFactory(municipality=sliven)
    params = {"district": sliven.district_id}
    count(client, reverse("signup"), params)
    small = count(client, reverse("signup"), params)
    for _ in range(49):
        SchoolFactory(municipality=sliven)
    assert count(client, reverse("signup"), params) == small


def test_profile_with_many_school_changes(client, teacher_south, sliven):
    client.force_login(teacher_south)
    SchoolChange.objects.create(user=teacher_south, to_school=SchoolFactory(municipality=sliven))
    count(client, reverse("profile"))
    small = count(client, reverse("profile"))
    for _ in range(49):
        SchoolChange.objects.create(
            user=teacher_south,
            from_school=SchoolFactory(municipality=sliven),
            to_school=SchoolFactory(municipality=sliven),
        )
    assert count(client, reverse("profile")) == small


def test_school_change_page(client, teacher_south, sliven):
    client.force_login(teacher_south)
    params = {"district": sliven.district_id}
    count(client, reverse("profile_school"), params)
    small = count(client, reverse("profile_school"), params)
    for _ in range(50):
        SchoolFactory(municipality=sliven)
    assert count(client, reverse("profile_school"), params) == small
