"""Log in by e-mail, log out by POST, lock-out after failures, password reset and change."""

import re

import pytest
from django.core import mail
from pytest_django.asserts import assertRedirects

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def login(client, email, password, ip="10.0.0.1"):
    return client.post(
        "/accounts/login/", {"username": email, "password": password}, REMOTE_ADDR=ip
    )


def test_login_by_email_is_case_insensitive_and_lands_on_the_account(client, teacher):
    response = login(client, "Teacher@Example.TEST", PASSWORD)
    assertRedirects(response, "/accounts/", fetch_redirect_response=False)
    page = client.get("/accounts/")
    assert page.status_code == 200
    assert teacher.email in page.content.decode()


def test_wrong_password_gives_a_bulgarian_error_and_no_session(client, teacher):
    response = login(client, teacher.email, "wrong")
    assert response.status_code == 200
    assert "Имейл адресът или паролата не са верни" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only(teacher_client):
    assert teacher_client.get("/accounts/logout/").status_code == 405
    assert teacher_client.get("/accounts/").status_code == 200  # still logged in
    response = teacher_client.post("/accounts/logout/")
    assertRedirects(response, "/", fetch_redirect_response=False)
    response = teacher_client.get("/accounts/")
    assertRedirects(response, "/accounts/login/?next=/accounts/", fetch_redirect_response=False)


def test_five_failures_lock_the_account_from_that_address_for_30_minutes(client, teacher):
    for _ in range(5):
        login(client, teacher.email, "wrong")
    response = login(client, teacher.email, PASSWORD)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Твърде много неуспешни опити" in body
    assert "30 минути" in body
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_user_and_address(client, teacher):
    for _ in range(5):
        login(client, teacher.email, "wrong", ip="10.0.0.1")
    # A colleague at another address is not affected.
    response = login(client, teacher.email, PASSWORD, ip="10.0.0.2")
    assertRedirects(response, "/accounts/", fetch_redirect_response=False)


def test_four_failures_do_not_lock(client, teacher):
    for _ in range(4):
        login(client, teacher.email, "wrong")
    response = login(client, teacher.email, PASSWORD)
    assertRedirects(response, "/accounts/", fetch_redirect_response=False)


def test_account_page_requires_login_and_is_never_cached(teacher):
    from django.test import Client

    response = Client().get("/accounts/")
    assertRedirects(response, "/accounts/login/?next=/accounts/", fetch_redirect_response=False)
    logged_in = Client()
    logged_in.force_login(teacher)
    response = logged_in.get("/accounts/")
    assert "no-store" in response["Cache-Control"]


def test_password_reset_by_email_in_bulgarian(client, teacher):
    response = client.post("/accounts/password/reset/", {"email": teacher.email})
    assertRedirects(response, "/accounts/password/reset/sent/", fetch_redirect_response=False)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Дром: задаване на нова парола"
    assert "Здравейте, Мария" in message.body
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body).group(1)

    form = client.get(link, follow=True)
    assert "Задаване на нова парола" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-brand-new-secret-9", "new_password2": "a-brand-new-secret-9"},
    )
    assertRedirects(done, "/accounts/password/reset/complete/", fetch_redirect_response=False)
    teacher.refresh_from_db()
    assert teacher.check_password("a-brand-new-secret-9")


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.test"})
    assertRedirects(response, "/accounts/password/reset/sent/", fetch_redirect_response=False)
    assert mail.outbox == []


def test_password_change_needs_the_old_password(teacher_client, teacher):
    response = teacher_client.post(
        "/accounts/password/change/",
        {
            "old_password": "wrong",
            "new_password1": "x-new-pass-42",
            "new_password2": "x-new-pass-42",
        },
    )
    assert response.status_code == 200
    assert "Please correct" not in response.content.decode()
    assert "Моля, поправете грешките" in response.content.decode()
    teacher.refresh_from_db()
    assert teacher.check_password(PASSWORD)

    response = teacher_client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "x-new-pass-42",
            "new_password2": "x-new-pass-42",
        },
    )
    assertRedirects(response, "/accounts/password/change/done/", fetch_redirect_response=False)
    teacher.refresh_from_db()
    assert teacher.check_password("x-new-pass-42")


def test_english_login_page_is_in_english(client):
    body = client.get("/en/accounts/login/").content.decode()
    assert '<html lang="en">' in body
    assert "E-mail address" in body


def test_failures_count_against_the_account_whatever_the_case_of_the_email(client, teacher):
    variants = ["Teacher@example.test", "TEACHER@EXAMPLE.TEST", "teacher@Example.test"]
    for variant in [*variants, *variants[:2]]:
        login(client, variant, "wrong")
    assert login(client, teacher.email, PASSWORD).status_code == 429
