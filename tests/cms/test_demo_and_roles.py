"""`load_demo` gives a newcomer a living site, twice without harm; roles exist with their rights."""

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import RequestFactory

from schools import roles
from schools.demo import ACCOUNTS, DEMO_PASSWORD
from schools.models import User

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed
    }


def test_load_demo_is_idempotent_and_creates_a_login_for_every_role(capsys):
    call_command("load_demo")
    first = capsys.readouterr().out
    assert "Demo logins" in first
    counts = row_counts()

    call_command("load_demo")
    second = capsys.readouterr().out
    assert "nothing to do" in second
    assert row_counts() == counts

    for email, *_ in ACCOUNTS:
        assert email in second
        request = RequestFactory().post("/accounts/login/")
        assert authenticate(request, username=email, password=DEMO_PASSWORD) is not None, email
    role_members = {g.name: g.user_set.count() for g in Group.objects.filter(name__in=roles.ALL)}
    assert all(count >= 1 for count in role_members.values()), role_members


def test_demo_pages_exist_in_both_languages(client):
    call_command("load_demo")
    assert "За Дром" in client.get("/about/").content.decode()
    assert "About Drom" in client.get("/en/about/").content.decode()
    assert client.get("/contact/").status_code == 200
    assert client.get("/en/contact/").status_code == 200


def test_roles_are_groups_created_by_migration():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL)
    # Wagtail's generic groups are replaced by Drom's roles.
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


@pytest.mark.parametrize(
    ("role", "admin_access"),
    [
        (roles.TEACHERS, False),
        (roles.AUTHORS, True),
        (roles.METHODOLOGISTS, True),
        (roles.COMMUNITY_REVIEWERS, True),
        (roles.REGIONAL_COORDINATORS, True),
        (roles.NATIONAL_COORDINATORS, True),
    ],
)
def test_only_editorial_and_coordinating_roles_reach_the_admin(client, role, admin_access):
    user = User.objects.create_user(
        email=f"{role[:5]}@example.test", password="x-long-password", first_name="А", last_name="Б"
    )
    user.groups.add(Group.objects.get(name=role))
    assert user.has_perm("wagtailadmin.access_admin") is admin_access
    client.force_login(user)
    response = client.get("/admin/")
    assert (response.status_code == 200) is admin_access


def test_nobody_but_administrators_holds_publish_rights():
    from wagtail.models import GroupPagePermission

    def codenames(role):
        return set(
            GroupPagePermission.objects.filter(group__name=role).values_list(
                "permission__codename", flat=True
            )
        )

    # Pages go live through their workflow's last approval (cms.authoring.finish).
    for role in roles.ALL:
        assert "publish_page" not in codenames(role), role
    assert codenames(roles.TEACHERS) == set()
