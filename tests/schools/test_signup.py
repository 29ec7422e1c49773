"""Sign-up with e-mail confirmation, then logging in."""

import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from ops.models import OutgoingEmail
from schools import roles
from schools.accounts import views as signup_views
from schools.accounts.tokens import signup_token_make
from schools.models import SchoolChange, User
from tests.ops.conftest import REFUSALS

SIGNUP = reverse("signup")
PASSWORD = "Ромска-песен-2026"


def form_data(the_school, **overrides):
    data = {
        "email": "Nova.Uchitelka@Example.test",
        "first_name": "Севда",
        "father_name": "Асенова",
        "last_name": "Илиева",
        "position": "mediator",
        "district": the_school.municipality.district_id,
        "school": the_school.pk,
        "school_code": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    return {**data, **overrides}


def confirmation_link(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_district_step_lists_only_that_districts_schools(client, school_south, school_north):
    response = client.get(SIGNUP, {"district": school_south.municipality.district_id})
    html = response.content.decode()
    assert response.status_code == 200
    assert school_south.name in html
    assert school_north.name not in html


def test_without_district_only_the_code_field(client, school_south):
    form = client.get(SIGNUP).context["form"]
    assert "school" not in form.fields
    assert "school_code" in form.fields


def test_signup_confirm_then_login(client, school_south):
    response = client.post(SIGNUP, form_data(school_south))
    assertRedirects(response, reverse("signup_sent"), fetch_redirect_response=False)
    user = User.objects.get()
    assert user.email == "nova.uchitelka@example.test"
    assert not user.is_active
    assert user.school == school_south
    assert user.groups.filter(name=roles.TEACHERS).exists()
    assert SchoolChange.objects.filter(user=user, to_school=school_south).exists()

    # Not confirmed yet: the login is refused.
    login = {"username": "nova.uchitelka@example.test", "password": PASSWORD}
    assert client.post(reverse("login"), login).status_code == 200

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nova.uchitelka@example.test"]
    assert "Дром" in message.subject
    link = confirmation_link(message)
    path = link.split("testserver", 1)[1]
    # Opening the link (or a mail scanner prefetching it) does not activate the account.
    assert client.get(path).status_code == 200
    user.refresh_from_db()
    assert not user.is_active
    response = client.post(path)
    assertRedirects(response, reverse("login"), fetch_redirect_response=False)
    user.refresh_from_db()
    assert user.is_active

    response = client.post(reverse("login"), login)
    assertRedirects(response, reverse("account"), fetch_redirect_response=False)


def test_signup_by_institution_code_as_excel_writes_it(client, school_south):
    data = form_data(school_south, district="", school="", school_code=" 2001001.0 ")
    assertRedirects(
        client.post(SIGNUP, data), reverse("signup_sent"), fetch_redirect_response=False
    )
    assert User.objects.get().school == school_south


def test_unknown_code_refused(client, school_south):
    data = form_data(school_south, district="", school="", school_code="9999999")
    response = client.post(SIGNUP, data)
    assert response.status_code == 200
    assert "Няма училище с код 9999999" in response.content.decode()
    assert not User.objects.exists()


def test_no_school_refused(client, school_south):
    response = client.post(SIGNUP, form_data(school_south, district="", school=""))
    assert "Изберете училището си" in response.content.decode()
    assert not User.objects.exists()


def test_school_from_another_district_refused(client, school_south, school_north):
    # Tampering: the district says Sliven, the school is in Vidin.
    response = client.post(SIGNUP, form_data(school_south, school=school_north.pk))
    assert response.status_code == 200
    assert not User.objects.exists()


def test_duplicate_email_case_insensitive_refused(client, school_south, teacher_south):
    data = form_data(school_south, email="SOUTH@example.TEST")
    response = client.post(SIGNUP, data)
    assert response.status_code == 200
    assert "Вече има профил с този имейл адрес" in response.content.decode()
    assert User.objects.filter(email__iexact="south@example.test").count() == 1
    assert not mail.outbox


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("1234567890123", "изцяло от цифри"),
        ("short", "прекалено къса"),
        ("password123", "често срещана"),
    ],
)
def test_weak_passwords_refused(client, school_south, password, message):
    response = client.post(SIGNUP, form_data(school_south, password1=password, password2=password))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_mismatched_passwords_refused(client, school_south):
    response = client.post(SIGNUP, form_data(school_south, password2=PASSWORD + "x"))
    assert "Двете пароли не съвпадат" in response.content.decode()
    assert not User.objects.exists()


def test_expired_link_refused(client, school_south):
    four_days_ago = time.time() - 4 * 24 * 3600
    # The clock the signature is stamped with, moved back: the link was mailed four days ago.
    with mock.patch("django.core.signing.time.time", return_value=four_days_ago):
        client.post(SIGNUP, form_data(school_south))
    path = confirmation_link(mail.outbox[0]).split("testserver", 1)[1]
    assert client.get(path).status_code == 400
    assert client.post(path).status_code == 400
    assert not User.objects.get().is_active


def test_forged_link_refused(client, school_south):
    client.post(SIGNUP, form_data(school_south))
    path = confirmation_link(mail.outbox[0]).split("testserver", 1)[1]
    response = client.post(path[:-3] + "abc/")
    assert response.status_code == 400
    assert not User.objects.get().is_active


def test_link_for_a_changed_address_refused(client, teacher_south):
    teacher_south.is_active = False
    teacher_south.save()
    token = signup_token_make(user_id=teacher_south.pk, email="old@example.test")
    assert client.post(reverse("signup_confirm", args=[token])).status_code == 400


def test_english_email_is_translated(client, school_south):
    client.post("/en" + SIGNUP, form_data(school_south))
    assert "confirm your e-mail" in mail.outbox[0].subject


def test_logged_in_user_is_sent_to_account(teacher_client):
    assert teacher_client.get(SIGNUP)["Location"] == reverse("account")


def test_unconfirmed_login_is_told_to_confirm(client, school_south):
    client.post(SIGNUP, form_data(school_south))
    login = {"username": "nova.uchitelka@example.test", "password": PASSWORD}
    response = client.post(reverse("login"), login)
    assert "Имейл адресът ви още не е потвърден" in response.content.decode()
    # With a wrong password nothing is revealed about the account.
    response = client.post(reverse("login"), {**login, "password": "wrong-password"})
    assert "не е потвърден" not in response.content.decode()


def test_signing_up_again_unconfirmed_resends_the_link(client, school_south):
    client.post(SIGNUP, form_data(school_south))
    response = client.post(SIGNUP, form_data(school_south, first_name="Друго"))
    assert response.status_code == 200
    assert "Изпратихме връзката за потвърждение отново" in response.content.decode()
    assert len(mail.outbox) == 2
    assert User.objects.get().first_name == "Севда"
    # The new link works.
    path = confirmation_link(mail.outbox[1]).split("testserver", 1)[1]
    assertRedirects(client.post(path), reverse("login"), fetch_redirect_response=False)
    assert User.objects.get().is_active


def test_closed_account_is_not_revived_by_an_old_link(client, school_south):
    client.post(SIGNUP, form_data(school_south))
    path = confirmation_link(mail.outbox[0]).split("testserver", 1)[1]
    user = User.objects.get()
    user.set_unusable_password()  # as an anonymised account has
    user.save()
    assert client.post(path).status_code == 400
    assert not User.objects.get().is_active


def test_signup_page_in_english(client, school_south):
    response = client.get("/en" + SIGNUP)
    assert response.status_code == 200
    assert "Sign up as a teacher" in response.content.decode()


def test_sign_ups_from_one_address_are_limited(client, school_south, settings):
    for n in range(signup_views.SIGNUPS_PER_ADDRESS_PER_HOUR):
        client.post(SIGNUP, form_data(school_south, email=f"t{n}@example.test"))
    response = client.post(SIGNUP, form_data(school_south, email="one-more@example.test"))
    assert "Твърде много регистрации" in response.content.decode()
    assert not User.objects.filter(email="one-more@example.test").exists()
    assert len(mail.outbox) == signup_views.SIGNUPS_PER_ADDRESS_PER_HOUR


def test_a_mail_server_that_refuses_the_confirmation_does_not_lose_the_sign_up(
    client, school_south, settings
):
    """The confirmation goes through the outbox: the teacher sees the usual page, and the
    e-mail is tried again later instead of the sign-up failing."""
    settings.EMAIL_BACKEND = "tests.ops.conftest.FlakyBackend"
    REFUSALS["left"] = 1
    try:
        response = client.post(SIGNUP, form_data(school_south))
    finally:
        REFUSALS["left"] = 0
    assertRedirects(response, reverse("signup_sent"), fetch_redirect_response=False)
    email = OutgoingEmail.objects.get(kind=OutgoingEmail.Kind.SIGNUP)
    assert email.status == OutgoingEmail.Status.PENDING and email.attempts == 1
    assert email.recipient == User.objects.get(email=email.to_email)
    assert mail.outbox == []


def test_show_schools_keeps_what_was_typed_but_not_the_passwords(client, school_south):
    data = form_data(school_south, school="", show_schools="1")
    response = client.post(SIGNUP, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not User.objects.exists()
    assert 'value="Севда"' in html and 'value="Илиева"' in html
    assert 'value="nova.uchitelka@example.test"' in html.lower()
    assert school_south.name in html  # the district's schools are listed now
    assert PASSWORD not in html
    assert "error-summary" not in html  # choosing a district is not an error


def test_errors_are_listed_linked_to_their_fields_and_marked(client, school_south):
    data = form_data(school_south, school="", first_name="", password2="друга-парола-2026")
    response = client.post(SIGNUP, data)
    html = response.content.decode()
    assert not User.objects.exists()
    summary = html.split('id="error-summary"', 1)[1].split("</div>", 1)[0]
    for field in ("id_school", "id_first_name", "id_password2"):
        assert f'href="#{field}"' in summary
    assert "autofocus" in html.split('id="error-summary"', 1)[0].rsplit("<div", 1)[1] + summary
    assert re.search(r'<input[^>]*name="first_name"[^>]*aria-invalid="true"', html)
    assert re.search(r'<select[^>]*name="school"[^>]*aria-invalid="true"', html)
    assert 'value="Илиева"' in html  # what was typed stays


def test_name_fields_say_what_they_are_for_autofill(client, db):
    html = client.get(SIGNUP).content.decode()
    for name, purpose in [
        ("first_name", "given-name"),
        ("father_name", "additional-name"),
        ("last_name", "family-name"),
    ]:
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert f'autocomplete="{purpose}"' in tag
