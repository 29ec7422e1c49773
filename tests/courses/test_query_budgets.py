"""An enrolled teacher's course, lesson and quiz pages: a fixed number of queries, the same for a
small course with one teacher as for a long course with many teachers and completions.

Budgets (issue 10): course ≤ 10, lesson ≤ 12, quiz ≤ 12. What they are spent on: the session,
the user, the page (one query: routes are remembered), the one enrollment read, the teacher's
completions and attempts, their groups (whether to offer the editing toolbar); the outline, the
header and footer links and the view restrictions come from cms.caching until content changes.
These budgets measure the rendering (test settings switch the personal page cache off); a page
kept for the teacher (cms.personal_cache) costs her session and her user only (KEPT_PAGE).
"""

import pytest

from courses import services
from tests.courses.builders import make_course, steps
from tests.factories import make_teacher

pytestmark = pytest.mark.django_db

# One more than the others: the teacher's assignment of the course, if any (courses.selectors).
COURSE_PAGE = 8
# A lesson the teacher has not finished; a finished one reads her completion (its reflection).
LESSON_PAGE = 7
DONE_LESSON_PAGE = 8
QUIZ_PAGE = 7
# A course of lessons only reads no quiz attempts.
LESSONS_ONLY_COURSE_PAGE = 7
LESSONS_ONLY_LESSON_PAGE = 6
# Kept for her (cms.personal_cache): the session and the user, whatever the page and its size.
KEPT_PAGE = 2


def build(home, *, size: int, others: int):
    """A course of `size` lessons and `size` quizzes; our teacher has done all but the last
    lesson; `others` more teachers have completed lessons too."""
    course = make_course(home, lessons=size, quizzes=size, slug=f"budget-{size}")
    lessons, quizzes = steps(course)
    for n in range(others):
        other = services.enrollment_create(
            teacher=make_teacher(email=f"other{n}@example.test"), course=course
        )
        for lesson in lessons[:3]:
            services.lesson_complete(enrollment=other, lesson=lesson)
    teacher = make_teacher(email=f"budget{size}@example.test")
    enrollment = services.enrollment_create(teacher=teacher, course=course)
    for lesson in lessons[:-1]:
        services.lesson_complete(enrollment=enrollment, lesson=lesson)
    for quiz in quizzes[:-1]:
        attempt = services.quiz_attempt_start(enrollment=enrollment, quiz=quiz)
        services.quiz_attempt_submit(
            attempt=attempt, answers={"q-single": ["q-single-0"], "q-tf": ["true"]}
        )
    return course, lessons, quizzes, teacher


@pytest.mark.parametrize(("size", "others"), [(2, 0), (15, 12)])
def test_enrolled_teachers_pages_keep_their_budget_whatever_the_size(
    home_bg, client, size, others, django_assert_num_queries
):
    course, lessons, quizzes, teacher = build(home_bg, size=size, others=others)
    client.force_login(teacher)
    pages = [
        (course.url, COURSE_PAGE),
        (lessons[-1].url, LESSON_PAGE),
        (lessons[0].url, DONE_LESSON_PAGE),
        (quizzes[-1].url, QUIZ_PAGE),
    ]
    for url, _budget in pages:
        assert client.get(url).status_code == 200  # warm: as on a running server
    for url, budget in pages:
        with django_assert_num_queries(budget):
            response = client.get(url)
        assert response.status_code == 200
    html = client.get(course.url).content.decode()
    assert html.count('class="outline__step') == 2 * size
    assert html.count("outline__step--done") == 2 * size - 2


@pytest.mark.parametrize(("size", "others"), [(2, 0), (15, 12)])
def test_kept_pages_cost_the_session_and_the_user_only(
    home_bg, client, settings, size, others, django_assert_num_queries
):
    settings.DROM_PERSONAL_PAGE_CACHE = True
    course, lessons, quizzes, teacher = build(home_bg, size=size, others=others)
    client.force_login(teacher)
    urls = [course.url, lessons[-1].url, lessons[0].url, quizzes[-1].url]
    for url in urls:  # her browser's CSRF cookie, then the rendering kept
        client.get(url)
        client.get(url)
    for url in urls:
        with django_assert_num_queries(KEPT_PAGE):
            response = client.get(url)
        assert response.status_code == 200


def test_a_course_of_lessons_only_reads_no_quiz_attempts(
    home_bg, client, django_assert_num_queries
):
    course = make_course(home_bg, lessons=3, quizzes=0, slug="lessons-only")
    lessons, _quizzes = steps(course)
    teacher = make_teacher(email="lessons-only@example.test")
    enrollment = services.enrollment_create(teacher=teacher, course=course)
    services.lesson_complete(enrollment=enrollment, lesson=lessons[0])
    client.force_login(teacher)
    for url in (course.url, lessons[1].url):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(LESSONS_ONLY_COURSE_PAGE):
        html = client.get(course.url).content.decode()
    assert html.count("outline__step--done") == 1
    with django_assert_num_queries(LESSONS_ONLY_LESSON_PAGE):
        assert client.get(lessons[1].url).status_code == 200


def test_budgets_are_within_the_issue_targets():
    assert COURSE_PAGE <= 10 and QUIZ_PAGE <= 12
    assert max(LESSON_PAGE, DONE_LESSON_PAGE) <= 12


def test_a_published_lesson_title_shows_in_the_remembered_outline_at_once(home_bg, client):
    course, lessons, _quizzes, teacher = build(home_bg, size=2, others=0)
    client.force_login(teacher)
    assert "Урок 1" in client.get(course.url).content.decode()
    lesson = lessons[0]
    lesson.title = "Урок с ново име"
    lesson.save_revision().publish()
    html = client.get(course.url).content.decode()
    assert "Урок с ново име" in html
    lessons[1].unpublish()
    assert lessons[1].title not in client.get(course.url).content.decode()


def test_a_teacher_gets_no_editing_toolbar_and_an_author_does(home_bg, client, author):
    course, _lessons, _quizzes, teacher = build(home_bg, size=1, others=0)
    client.force_login(teacher)
    assert "wagtail-userbar" not in client.get(course.url).content.decode()
    client.force_login(author)
    assert "wagtail-userbar" in client.get(course.url).content.decode()
