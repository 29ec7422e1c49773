"""Roles exist as groups, with their rights. (The demo content is tested in tests/demo/.)"""

import pytest
from django.contrib.auth.models import Group

from schools import roles
from schools.models import User

pytestmark = pytest.mark.django_db


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
