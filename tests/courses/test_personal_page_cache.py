"""A logged-in person's kept course, lesson and quiz pages (cms.personal_cache): answered from the
cache with the session and the user only, to her alone, and never when something is waiting to be
shown once (a message, a draft) or moves with the clock. Contract tests: what is answered, never
how fast. What makes kept pages stale is in test_personal_page_invalidation.py."""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from schools import roles
from tests.courses.builders import make_course, steps
from tests.factories import make_teacher

pytestmark = pytest.mark.django_db

#: a kept page costs the session and the user, nothing of the page
HIT = 2


@pytest.fixture(autouse=True)
def personal_cache(settings):
    settings.DROM_PERSONAL_PAGE_CACHE = True


def get(client, url):
    """The answer and the number of queries it cost."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


def kept(client, url):
    """The rendering kept for this browser (a browser's first answer gives it the CSRF cookie:
    nothing is kept without one)."""
    if "csrftoken" not in client.cookies:
        client.get(url)
    response, count = get(client, url)
    assert response.status_code == 200
    assert count > HIT, "rendered, not answered from the cache"
    return response


@pytest.fixture
def enrolled(home_bg):
    course = make_course(home_bg, lessons=2, quizzes=1, slug="kept")
    lessons, quizzes = steps(course)
    teacher = make_teacher(email="kept@example.test")
    enrollment = services.enrollment_create(teacher=teacher, course=course)
    services.lesson_complete(enrollment=enrollment, lesson=lessons[0])
    return course, lessons, quizzes, teacher


def test_a_second_request_is_answered_from_the_cache_with_the_headers_of_a_fresh_one(
    enrolled, client, django_assert_num_queries
):
    course, lessons, quizzes, teacher = enrolled
    client.force_login(teacher)
    for url in (course.url, lessons[0].url, lessons[1].url, quizzes[0].url):
        rendered = kept(client, url)
        with django_assert_num_queries(HIT):  # the session and the user
            again = client.get(url)
        assert again.status_code == 200
        assert again.content == rendered.content, url
        for answer in (rendered, again):
            cache_control = answer["Cache-Control"]
            assert "private" in cache_control and "no-store" in cache_control
            assert "public" not in cache_control
            assert "Cookie" in answer["Vary"]
            assert answer.has_header("Expires")
            assert answer["Content-Type"] == rendered["Content-Type"]
        # The CSRF cookie is renewed as rendering the page's forms would, with the same secret.
        assert again.cookies["csrftoken"].value == client.cookies["csrftoken"].value


def test_the_form_token_in_a_kept_page_is_valid_for_that_browser(enrolled):
    """Her phone and her laptop each get the page kept for their own CSRF cookie."""
    course, lessons, _quizzes, teacher = enrolled
    laptop, phone = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    laptop.force_login(teacher)
    phone.force_login(teacher)
    kept(laptop, lessons[1].url)
    kept(phone, lessons[1].url)
    page, count = get(phone, lessons[1].url)
    assert count == HIT
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    complete = reverse("courses:lesson_complete", args=[lessons[1].pk])
    answer = phone.post(complete, {"csrfmiddlewaretoken": token})
    assert answer.status_code == 302
    assert teacher.lesson_completions.filter(lesson=lessons[1]).exists()


def test_no_other_person_ever_gets_someones_page(enrolled, client):
    course, lessons, _quizzes, teacher = enrolled
    other_teacher = make_teacher(email="other@example.test")
    services.enrollment_create(teacher=other_teacher, course=course)
    client.force_login(teacher)
    hers = kept(client, course.url).content.decode()
    assert hers.count("outline__step--done") == 1
    # Another person in a browser with the very same CSRF cookie, at the same address.
    other = Client()
    other.force_login(other_teacher)
    other.cookies["csrftoken"] = client.cookies["csrftoken"].value
    for _ in range(3):
        page, count = get(other, course.url)
        assert "outline__step--done" not in page.content.decode()
    assert count == HIT  # her own page, kept for her
    assert get(client, course.url)[0].content.decode() == hers


def test_a_pending_message_is_shown_never_a_kept_page_without_it(home_bg, client):
    course = make_course(home_bg, lessons=1, quizzes=0, slug="not-enrolled")
    (lesson,), _quizzes = steps(course)
    client.force_login(make_teacher(email="visitor@example.test"))
    kept(client, course.url)
    assert get(client, course.url)[1] == HIT
    # Not enrolled: the lesson sends her to the course with a message.
    assert client.get(lesson.url).status_code == 302
    page, count = get(client, course.url)
    assert "Запишете се в обучението, за да отворите уроците и тестовете му." in (
        page.content.decode()
    )
    assert count > HIT
    # Shown once; then the kept page is answered again.
    page, count = get(client, course.url)
    assert 'class="messages"' not in page.content.decode()
    assert count == HIT


def test_a_draft_waiting_in_the_session_is_shown_never_a_kept_page_without_it(home_bg, client):
    course = make_course(home_bg, lessons=1, quizzes=0, slug="reflect", reflection_on_first=True)
    (lesson,), _quizzes = steps(course)
    teacher = make_teacher(email="reflects@example.test")
    services.enrollment_create(teacher=teacher, course=course)
    client.force_login(teacher)
    kept(client, lesson.url)
    # An empty reflection is refused: nothing is written, the page shows why once.
    complete = reverse("courses:lesson_complete", args=[lesson.pk])
    assert client.post(complete, {"reflection": "  "}).status_code == 302
    client.get("/")  # (any message is shown elsewhere first)
    page, count = get(client, lesson.url)
    assert 'id="reflection-error"' in page.content.decode()
    assert count > HIT


def test_a_logged_out_visitor_never_gets_a_personal_page(enrolled, client):
    course, lessons, _quizzes, teacher = enrolled
    client.force_login(teacher)
    assert 'id="my-progress"' in kept(client, course.url).content.decode()
    csrf = client.cookies["csrftoken"].value
    client.post(reverse("logout"))
    anonymous = Client()
    anonymous.cookies["csrftoken"] = csrf
    for browser in (client, anonymous):
        page = browser.get(course.url)
        assert page.status_code == 200
        assert 'id="my-progress"' not in page.content.decode()
        assert browser.get(lessons[0].url).status_code == 302  # to log in


def test_people_offered_the_admin_are_never_kept(enrolled, client, author):
    course, _lessons, _quizzes, _teacher = enrolled
    author.groups.add(Group.objects.get(name=roles.TEACHERS))  # an author who also learns
    services.enrollment_create(teacher=author, course=course)
    client.force_login(author)
    client.get(course.url)
    for _ in range(2):
        page, count = get(client, course.url)
        assert "wagtail-userbar" in page.content.decode()
        assert count > HIT


def test_a_quiz_with_an_attempt_open_is_rendered_every_time(enrolled, client):
    course, _lessons, quizzes, teacher = enrolled
    enrollment = teacher.enrollments.get()
    services.quiz_attempt_start(enrollment=enrollment, quiz=quizzes[0])
    client.force_login(teacher)
    client.get(quizzes[0].url)
    for _ in range(2):
        page, count = get(client, quizzes[0].url)
        assert 'class="form quiz"' in page.content.decode()
        assert count > HIT


def test_a_teacher_logged_in_through_the_login_form_is_answered_from_the_cache(home_bg, client):
    """What the login page leaves in the session is the login only (anything more would stop
    her pages being kept)."""
    course = make_course(home_bg, lessons=1, quizzes=0, slug="logged-in")
    teacher = make_teacher(email="form@example.test", password="correct-horse-battery")
    client.get(reverse("login"))
    answer = client.post(
        reverse("login"), {"username": teacher.email, "password": "correct-horse-battery"}
    )
    assert answer.status_code == 302
    kept(client, course.url)
    assert get(client, course.url)[1] == HIT


def test_a_browser_without_a_csrf_cookie_is_rendered_for(enrolled, client):
    course, _lessons, _quizzes, teacher = enrolled
    client.force_login(teacher)
    kept(client, course.url)
    del client.cookies["csrftoken"]
    page, count = get(client, course.url)
    assert count > HIT
    assert page.cookies["csrftoken"].value  # a new secret: a new key


def test_the_cache_can_be_switched_off(enrolled, client, settings):
    settings.DROM_PERSONAL_PAGE_CACHE = False
    course, _lessons, _quizzes, teacher = enrolled
    client.force_login(teacher)
    client.get(course.url)
    for _ in range(2):
        assert get(client, course.url)[1] > HIT


def test_a_cache_that_cannot_be_written_makes_her_pages_slower_never_failing(
    enrolled, client, unwritable_page_cache
):
    course, lessons, _quizzes, teacher = enrolled
    client.force_login(teacher)
    for url in (course.url, lessons[1].url) * 3:
        page, count = get(client, url)
        assert page.status_code == 200
        assert count > HIT
    complete = reverse("courses:lesson_complete", args=[lessons[1].pk])
    assert client.post(complete).status_code == 302  # writes say so to a broken cache, unharmed


def test_a_cache_that_keeps_nothing_makes_her_pages_slower_never_failing(
    enrolled, client, settings
):
    """Redis out of reach behind IGNORE_EXCEPTIONS answers nothing and stores nothing."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    course, _lessons, _quizzes, teacher = enrolled
    client.force_login(teacher)
    for _ in range(3):
        page, count = get(client, course.url)
        assert page.status_code == 200
        assert count > HIT
