"""The teacher's profile: details, change of school, download of data, closing the account."""

import json

from django.urls import reverse
from pytest_django.asserts import assertRedirects

from schools.models import SchoolChange, User

PASSWORD = "correct-horse-battery"  # set by UserFactory


def test_profile_needs_login(client):
    for name in ("profile", "profile_school", "profile_data", "profile_delete"):
        response = client.get(reverse(name))
        assertRedirects(
            response, f"{reverse('login')}?next={reverse(name)}", fetch_redirect_response=False
        )


def test_profile_is_private(client, teacher_south):
    client.force_login(teacher_south)
    response = client.get(reverse("profile"))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_edit_name_and_position(client, teacher_south):
    client.force_login(teacher_south)
    data = {
        "first_name": "Румяна",
        "father_name": "",
        "last_name": "Асенова",
        "position": "mediator",
    }
    assertRedirects(
        client.post(reverse("profile"), data), reverse("profile"), fetch_redirect_response=False
    )
    teacher_south.refresh_from_db()
    assert teacher_south.get_full_name() == "Румяна Асенова"
    assert teacher_south.position == User.Position.MEDIATOR


def test_empty_name_refused(client, teacher_south):
    client.force_login(teacher_south)
    data = {"first_name": "", "father_name": "", "last_name": "", "position": "teacher"}
    response = client.post(reverse("profile"), data)
    assert response.status_code == 200
    teacher_south.refresh_from_db()
    assert teacher_south.first_name == "Мария"


def test_change_school_is_recorded_with_date(client, teacher_south, school_south, school_north):
    client.force_login(teacher_south)
    url = reverse("profile_school")
    district = school_north.municipality.district_id
    assert school_north.name in client.get(url, {"district": district}).content.decode()
    response = client.post(url, {"district": district, "school": school_north.pk})
    assertRedirects(response, reverse("profile"), fetch_redirect_response=False)
    teacher_south.refresh_from_db()
    assert teacher_south.school == school_north
    change = SchoolChange.objects.get(user=teacher_south)
    assert change.from_school == school_south
    assert change.to_school == school_north
    assert change.changed_at is not None
    page = client.get(reverse("profile")).content.decode()
    assert school_south.name in page and school_north.name in page


def test_change_to_same_school_records_nothing(client, teacher_south, school_south):
    client.force_login(teacher_south)
    client.post(reverse("profile_school"), {"school_code": school_south.code})
    assert not SchoolChange.objects.exists()


def test_change_school_by_unknown_code_refused(client, teacher_south, school_south):
    client.force_login(teacher_south)
    response = client.post(reverse("profile_school"), {"school_code": "123"})
    assert response.status_code == 200
    teacher_south.refresh_from_db()
    assert teacher_south.school == school_south


def test_download_my_data_needs_password(client, teacher_south):
    client.force_login(teacher_south)
    assert client.get(reverse("profile_data")).status_code == 200  # the form, no data
    response = client.post(reverse("profile_data"), {"password": "wrong"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Паролата не е вярна" in response.content.decode()


def test_download_my_data(client, teacher_south, school_south, school_north):
    SchoolChange.objects.create(
        user=teacher_south, from_school=school_north, to_school=school_south
    )
    client.force_login(teacher_south)
    response = client.post(reverse("profile_data"), {"password": PASSWORD})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "south@example.test"
    assert data["school"]["code"] == school_south.code
    assert data["school_changes"][0]["from"]["code"] == school_north.code


def test_delete_account_needs_password(client, teacher_south):
    client.force_login(teacher_south)
    client.post(reverse("profile_delete"), {"password": "wrong"})
    teacher_south.refresh_from_db()
    assert teacher_south.is_active
    assert teacher_south.email == "south@example.test"


def test_delete_account_anonymises_and_keeps_the_row(client, teacher_south, school_south):
    client.force_login(teacher_south)
    response = client.post(reverse("profile_delete"), {"password": PASSWORD})
    assertRedirects(response, "/", fetch_redirect_response=False)
    teacher_south.refresh_from_db()
    assert "south" not in teacher_south.email
    assert teacher_south.first_name != "Мария"
    assert not teacher_south.is_active
    assert not teacher_south.has_usable_password()
    # The row and its school stay, so counts per school do not change.
    assert User.objects.filter(school=school_south).count() == 1
    login = {"username": "south@example.test", "password": PASSWORD}
    client.post(reverse("login"), login)
    # Logged out, and the old login does not work.
    profile = reverse("profile")
    assertRedirects(
        client.get(profile), f"{reverse('login')}?next={profile}", fetch_redirect_response=False
    )


def test_get_never_deletes(client, teacher_south):
    client.force_login(teacher_south)
    client.get(reverse("profile_delete"), {"password": PASSWORD})
    teacher_south.refresh_from_db()
    assert teacher_south.is_active
