"""The network screens in the Wagtail admin: scoped lists, exports, filters and refusals."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from schools.models import Region
from tests.factories import SchoolFactory, UserFactory

SCHOOLS = reverse("schools:index")
TEACHERS = reverse("teachers:index")


def refused(response):
    """403/404, or Wagtail's answer to a refusal: a redirect to the dashboard with a message."""
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def login(client, user):
    client.force_login(user)
    return client


def test_coordinator_lists_only_their_regions_schools(
    client, coordinator, school_south, school_north
):
    response = login(client, coordinator).get(SCHOOLS)
    assert response.status_code == 200
    html = response.content.decode()
    assert school_south.code in html
    assert school_north.code not in html


def test_national_lists_every_school(client, national, school_south, school_north):
    html = login(client, national).get(SCHOOLS).content.decode()
    assert school_south.code in html
    assert school_north.code in html


@pytest.mark.parametrize("action", ["edit", "inspect", "delete", "history", "usage"])
def test_coordinator_cannot_open_another_regions_school_by_url(
    client, coordinator, school_north, action
):
    url = reverse(f"schools:{action}", args=[school_north.pk])
    assert login(client, coordinator).get(url).status_code == 404


def test_coordinator_can_edit_own_school(client, coordinator, school_south, school_north):
    response = login(client, coordinator).get(reverse("schools:edit", args=[school_south.pk]))
    assert response.status_code == 200
    # Only municipalities in the coordinator's regions are offered.
    choices = response.context["form"].fields["municipality"].queryset
    assert [m.name for m in choices] == ["Сливен"]


def test_coordinator_cannot_post_edit_to_another_regions_school(client, coordinator, school_north):
    url = reverse("schools:edit", args=[school_north.pk])
    response = login(client, coordinator).post(url, {"name": "Hacked", "code": "1"})
    assert response.status_code == 404
    school_north.refresh_from_db()
    assert school_north.name != "Hacked"


def test_school_export_is_scoped(client, coordinator, school_south, school_north):
    response = login(client, coordinator).get(SCHOOLS + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    assert school_south.code in body
    assert school_north.code not in body


def test_school_export_xlsx(client, national, school_south):
    response = login(client, national).get(SCHOOLS + "?export=xlsx")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_filter_tampering_shows_no_other_region(client, coordinator, school_south, school_north):
    north = Region.objects.get(code="BG31")
    html = login(client, coordinator).get(SCHOOLS, {"region": north.pk}).content.decode()
    assert school_north.code not in html


def test_filter_by_district(client, national, school_south, school_north):
    district = school_north.municipality.district
    html = login(client, national).get(SCHOOLS, {"district": district.pk}).content.decode()
    assert school_north.code in html
    assert school_south.code not in html


def test_search_schools(client, national, school_south, school_north):
    html = login(client, national).get(SCHOOLS, {"q": "Ботев"}).content.decode()
    assert school_south.code in html
    assert school_north.code not in html


def test_teachers_list_scoped(client, coordinator, teacher_south, teacher_north):
    html = login(client, coordinator).get(TEACHERS).content.decode()
    assert teacher_south.email in html
    assert teacher_north.email not in html


def test_teacher_export_scoped(client, coordinator, teacher_south, teacher_north):
    response = login(client, coordinator).get(TEACHERS + "?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert teacher_south.email in body
    assert teacher_north.email not in body


def test_coordinator_cannot_inspect_another_regions_teacher(client, coordinator, teacher_north):
    url = reverse("teachers:inspect", args=[teacher_north.pk])
    assert login(client, coordinator).get(url).status_code == 404


def test_coordinator_can_inspect_own_teacher(client, coordinator, teacher_south):
    url = reverse("teachers:inspect", args=[teacher_south.pk])
    response = login(client, coordinator).get(url)
    assert response.status_code == 200
    assert teacher_south.email in response.content.decode()


def test_nobody_edits_people_through_the_teachers_screen(client, national, teacher_south):
    url = reverse("teachers:edit", args=[teacher_south.pk])
    assert refused(login(client, national).get(url))


def test_author_refused_teachers_and_schools(client, author, teacher_south, school_south):
    login(client, author)
    assert refused(client.get(TEACHERS))
    assert refused(client.get(TEACHERS + "?export=csv"))
    assert refused(client.get(reverse("teachers:inspect", args=[teacher_south.pk])))
    assert refused(client.get(SCHOOLS))


def test_author_menu_has_no_teachers(client, author):
    html = login(client, author).get(reverse("wagtailadmin_home")).content.decode()
    assert TEACHERS not in html


def test_teacher_cannot_enter_admin(client, teacher_south):
    response = login(client, teacher_south).get(SCHOOLS)
    # Wagtail sends someone without admin access to its login page.
    assertRedirects(
        response, f"{reverse('wagtailadmin_login')}?next={SCHOOLS}", fetch_redirect_response=False
    )


def test_anonymous_redirected_to_login(client, school_south):
    response = client.get(SCHOOLS)
    assertRedirects(
        response, f"{reverse('wagtailadmin_login')}?next={SCHOOLS}", fetch_redirect_response=False
    )


def test_coordinator_cannot_edit_regions(client, coordinator):
    region = Region.objects.get(code="BG34")
    login(client, coordinator)
    assert client.get(reverse("regions:index")).status_code == 200
    assert refused(client.get(reverse("regions:edit", args=[region.pk])))


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", [SCHOOLS, TEACHERS])
def test_list_query_count_constant(client, coordinator, sliven, url):
    login(client, coordinator)
    first = SchoolFactory(municipality=sliven)
    UserFactory(school=first)
    _count(client, url)  # warm caches (content types, site) like a real second request
    small = _count(client, url)
    for _ in range(49):
        UserFactory(school=SchoolFactory(municipality=sliven))
    assert _count(client, url) == small


def test_export_query_count_constant(client, national, sliven):
    login(client, national)
    SchoolFactory(municipality=sliven)
    url = SCHOOLS + "?export=csv"

    def count():
        with CaptureQueriesContext(connection) as ctx:
            b"".join(client.get(url).streaming_content)
        return len(ctx.captured_queries)

    count()
    small = count()
    for _ in range(49):
        SchoolFactory(municipality=sliven)
    assert count() == small


def test_coordinator_cannot_add_school_in_another_region(client, coordinator, vidin, sliven):
    data = {"name": "Ново училище", "code": "999001", "kind": "school", "settlement": "с. Х"}
    login(client, coordinator)
    client.post(reverse("schools:add"), {**data, "municipality": vidin.pk})
    assert not vidin.schools.exists()
    response = client.post(reverse("schools:add"), {**data, "municipality": sliven.pk})
    assertRedirects(response, reverse("schools:index"), fetch_redirect_response=False)
    assert sliven.schools.get().code == "999001"


def test_administrator_gives_a_coordinator_regions(client, superuser, coordinator):
    url = reverse("wagtailusers_users:edit", args=[coordinator.pk])
    login(client, superuser)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="regions"' in html
    assert 'name="father_name"' in html
    north = Region.objects.get(code="BG31")
    south = Region.objects.get(code="BG34")
    data = {
        "email": coordinator.email,
        "first_name": "Гергана",
        "last_name": "Атанасова",
        "father_name": "Николова",
        "position": "",
        "school": "",
        "regions": [north.pk, south.pk],
        "is_active": "on",
        "groups": list(coordinator.groups.values_list("pk", flat=True)),
    }
    response = client.post(url, data)
    assertRedirects(response, reverse("wagtailusers_users:index"), fetch_redirect_response=False)
    assert set(coordinator.regions.values_list("code", flat=True)) == {"BG31", "BG34"}


def test_coordinator_cannot_manage_users(client, coordinator, teacher_north):
    login(client, coordinator)
    assert refused(client.get(reverse("wagtailusers_users:index")))
    assert refused(client.get(reverse("wagtailusers_users:edit", args=[teacher_north.pk])))


def test_teacher_export_filter_tampering(client, coordinator, teacher_south, teacher_north):
    school = teacher_north.school
    for params in (
        {"school": school.pk},
        {"district": school.municipality.district_id},
        {"region": school.municipality.district.region_id},
    ):
        response = login(client, coordinator).get(TEACHERS, {**params, "export": "csv"})
        body = b"".join(response.streaming_content).decode("utf-8")
        assert teacher_north.email not in body
