"""What makes a person's kept pages stale (cms.people, cms.people_invalidation): after each way
what she sees can change, her next request shows the change. Each test keeps a page first, makes
the change the way the site makes it (a view, a service, an import), lets any message be shown
elsewhere (a browser following the redirect), then asks for the kept page again."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from cms.caching import PAGE_CACHE
from cms.people import person_key
from courses import services
from courses.erasure import erase_reflections
from courses.models import Assignment
from schools import roles
from schools.importing.parsing import parse_teachers
from schools.importing.services import teachers_import_apply, teachers_import_plan
from schools.models import Region
from tests.courses.builders import make_course, steps
from tests.courses.test_personal_page_cache import HIT, get, kept
from tests.factories import make_school, make_teacher

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def personal_cache(settings):
    settings.DROM_PERSONAL_PAGE_CACHE = True


@pytest.fixture
def sliven(db):
    """In the Southeastern region, the `coordinator` fixture's."""
    return make_school("BG-20", municipality="Сливен", name="ОУ „Христо Ботев“", code="2000101")


@pytest.fixture
def learner(home_bg, sliven, client):
    course = make_course(home_bg, lessons=2, quizzes=1, slug="stale")
    teacher = make_teacher(sliven, email="learner@example.test")
    client.force_login(teacher)
    return course, teacher


def enroll(course, teacher):
    return services.enrollment_create(teacher=teacher, course=course)


def again(client, url) -> str:
    """The page asked for once any message has been shown elsewhere; kept pages are answered
    only when no message waits."""
    client.get("/")
    page, _count = get(client, url)
    assert page.status_code == 200
    return page.content.decode()


def test_completing_a_lesson_shows_at_once(learner, client):
    course, teacher = learner
    enroll(course, teacher)
    lessons, _quizzes = steps(course)
    assert "outline__step--done" not in kept(client, course.url).content.decode()
    kept(client, lessons[0].url)
    assert client.post(reverse("courses:lesson_complete", args=[lessons[0].pk])).status_code == 302
    assert again(client, course.url).count("outline__step--done") == 1
    assert "message--success" in again(client, lessons[0].url)  # "You completed this lesson."


def test_submitting_a_quiz_shows_at_once(learner, client):
    course, teacher = learner
    enroll(course, teacher)
    _lessons, (quiz,) = steps(course)
    assert 'id="attempts-heading"' not in kept(client, quiz.url).content.decode()
    client.post(reverse("courses:quiz_start", args=[quiz.pk]))
    attempt = teacher.enrollments.get().attempts.get()
    answers = {"q-q-single": "q-single-0", "q-q-tf": "true", "shown": ["q-single", "q-tf"]}
    assert client.post(reverse("courses:quiz_submit", args=[attempt.pk]), answers).status_code == (
        302
    )
    assert 'id="attempts-heading"' in again(client, quiz.url)


def test_erasing_her_reflections_shows_at_once(home_bg, client):
    course = make_course(home_bg, lessons=1, quizzes=0, slug="erased", reflection_on_first=True)
    (lesson,), _quizzes = steps(course)
    teacher = make_teacher(email="erased@example.test")
    enrollment = enroll(course, teacher)
    services.lesson_complete(enrollment=enrollment, lesson=lesson, reflection="Моят размисъл.")
    client.force_login(teacher)
    assert "Моят размисъл." in kept(client, lesson.url).content.decode()
    erase_reflections(user=teacher, identity=None)  # a queryset update: no model signals
    assert "Моят размисъл." not in again(client, lesson.url)


def test_a_coordinator_assigning_and_cancelling_shows_at_once(learner, client, coordinator):
    course, teacher = learner
    assert "assignment-note" not in kept(client, course.url).content.decode()
    coordinator_browser = type(client)()
    coordinator_browser.force_login(coordinator)
    due = timezone.localdate() + dt.timedelta(days=30)
    answer = coordinator_browser.post(
        reverse("drom_reports:assign"),
        {"courses": [course.pk], "emails": teacher.email, "due_on": due.isoformat()},
    )
    assert answer.status_code == 302
    page = again(client, course.url)
    assert "assignment-note" in page and 'id="my-progress"' in page  # assigning enrolls
    assignment = Assignment.objects.get(teacher=teacher)
    cancel = reverse("drom_reports:assignment_cancel", args=[assignment.pk])
    assert coordinator_browser.post(cancel).status_code == 302
    assert "assignment-note" not in again(client, course.url)


def test_the_assigning_coordinators_new_name_shows_at_once(learner, client, coordinator):
    course, teacher = learner
    enroll(course, teacher)
    due = timezone.localdate() + dt.timedelta(days=30)
    Assignment.objects.create(teacher=teacher, course=course, assigned_by=coordinator, due_on=due)
    assert coordinator.get_full_name() in kept(client, course.url).content.decode()
    coordinator.first_name, coordinator.last_name = "Величка", "Новакова"
    coordinator.save()
    assert "Величка" in again(client, course.url)


def test_leaving_the_teachers_group_shows_at_once(learner, client):
    course, teacher = learner
    enroll_form = reverse("courses:enroll", args=[course.pk])
    assert enroll_form in kept(client, course.url).content.decode()
    teacher.groups.remove(Group.objects.get(name=roles.TEACHERS))
    assert enroll_form not in again(client, course.url)


def test_a_change_to_her_account_renders_her_pages_again(learner, client):
    course, teacher = learner
    kept(client, course.url)
    assert get(client, course.url)[1] == HIT
    teacher.first_name = "Радка"
    teacher.save()
    client.get("/")
    assert get(client, course.url)[1] > HIT


def test_a_published_revision_shows_at_once(learner, client):
    course, teacher = learner
    enroll(course, teacher)
    lessons, _quizzes = steps(course)
    kept(client, course.url)
    kept(client, lessons[0].url)
    lessons[0].title = "Урок с ново име"
    lessons[0].save_revision().publish()
    assert "Урок с ново име" in again(client, course.url)
    assert "Урок с ново име" in again(client, lessons[0].url)


def test_an_import_moving_the_teacher_renders_her_pages_again(learner, client, sliven):
    course, teacher = learner
    kept(client, course.url)
    assert get(client, course.url)[1] == HIT
    burgas = make_school("BG-02", municipality="Бургас", name="СУ „Г. С. Раковски“", code="200201")
    table = (
        "Имейл;Име;Презиме;Фамилия;Длъжност;Код на училището\n"
        f"{teacher.email};{teacher.first_name};;{teacher.last_name};учител;{burgas.code}\n"
    )
    plan = teachers_import_plan(
        rows=parse_teachers(table.encode(), "t.csv"), regions=Region.objects.all()
    )
    assert plan.counts["update"] == 1
    teachers_import_apply(plan=plan, site_url="http://testserver")
    teacher.refresh_from_db()
    assert teacher.school == burgas
    assert get(client, course.url)[1] > HIT


def test_a_write_replaces_her_generation_again_when_it_commits(
    learner, django_capture_on_commit_callbacks
):
    """A page rendered between a write and its commit read the data from before it, and was
    stored under the generation the write replaced first: the commit replaces it again."""
    course, teacher = learner
    cache = caches[PAGE_CACHE]
    with django_capture_on_commit_callbacks(execute=True):
        enroll(course, teacher)
        during = cache.get(person_key(teacher.pk))
        assert during is not None
    assert cache.get(person_key(teacher.pk)) not in (None, during)
