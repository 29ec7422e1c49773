"""The demo network: every district, about 150 teachers, coordinators for all regions."""

from django.db.models import Count
from pytest_django.asserts import assertRedirects

from schools import demo, roles
from schools.models import District, Region, School, User


def test_demo_is_complete_and_idempotent(db, django_assert_max_num_queries):
    created = []
    with django_assert_max_num_queries(200):
        demo.load(created.append)
    assert len(created) > 150
    assert School.objects.count() >= 40
    assert not District.objects.annotate(n=Count("municipalities__schools")).filter(n=0).exists()
    teachers = User.objects.filter(groups__name=roles.TEACHERS)
    assert teachers.count() >= 150
    assert teachers.filter(school__isnull=True).count() == 0
    assert set(teachers.values_list("position", flat=True)) >= {
        "teacher",
        "mediator",
        "principal",
        "kindergarten_teacher",
    }
    # Every region has a regional coordinator; one national; two authors; one methodologist.
    covered = Region.objects.filter(coordinators__groups__name=roles.REGIONAL_COORDINATORS)
    assert covered.distinct().count() == 6
    assert User.objects.filter(groups__name=roles.NATIONAL_COORDINATORS).count() == 1
    assert User.objects.filter(groups__name=roles.AUTHORS).count() == 2
    assert User.objects.filter(groups__name=roles.METHODOLOGISTS).count() == 1

    again = []
    demo.load(again.append)
    assert again == []


def test_demo_logins_work(client, db):
    demo.load(lambda _: None)
    for email in ("teacher@drom.test", "coordinator@drom.test", "uchitel042@drom.test"):
        response = client.post(
            "/accounts/login/", {"username": email, "password": demo.DEMO_PASSWORD}
        )
        assertRedirects(response, "/accounts/", fetch_redirect_response=False, msg_prefix=email)
        client.post("/accounts/logout/")
