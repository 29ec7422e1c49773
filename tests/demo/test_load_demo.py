"""`load_demo` gives a newcomer a living site, twice without harm, with a login for every role.

The first load is the package's (tests/demo/conftest.py); these tests load it a second time.
"""

from django.apps import apps
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import RequestFactory

from schools import roles
from schools.demo import ACCOUNTS, DEMO_PASSWORD


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed
    }


def test_load_demo_is_idempotent_and_creates_a_login_for_every_role(demo, capsys):
    assert "Demo content: created" in demo
    assert "Demo logins" in demo
    counts = row_counts()
    assert counts["schools.User"] > 150 and counts["courses.Enrollment"] > 0

    call_command("load_demo")
    second = capsys.readouterr().out
    assert "nothing to do" in second
    assert row_counts() == counts  # every table of every app, Wagtail's and Django's included

    for email, *_ in ACCOUNTS:
        assert email in second
        request = RequestFactory().post("/accounts/login/")
        assert authenticate(request, username=email, password=DEMO_PASSWORD) is not None, email
    role_members = {g.name: g.user_set.count() for g in Group.objects.filter(name__in=roles.ALL)}
    assert set(role_members) == set(roles.ALL)
    assert all(count >= 1 for count in role_members.values()), role_members


def test_demo_pages_exist_in_both_languages(client):
    assert "За Дром" in client.get("/about/").content.decode()
    assert "About Drom" in client.get("/en/about/").content.decode()
    assert client.get("/contact/").status_code == 200
    assert client.get("/en/contact/").status_code == 200
