"""Every page type, checked with Wagtail's own page assertions (wagtail.test.utils), by the demo
account of the role that works on it: where it may live, that an editor can create it in the
admin, that it routes and renders, and that it can be edited and previewed.

Authors write lesson plans (their page rights are on the library only); the site's other pages,
the courses included, are edited by methodologists, who hold page rights across the site.
"""

import pytest
from django.urls import reverse
from wagtail.coreutils import get_dummy_request
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase, page_tests

from cms.models import HomePage, StandardPage
from courses.models import (
    CourseEvaluationPage,
    CourseIndexPage,
    CourseLessonPage,
    CoursePage,
    QuizPage,
    SeminarPage,
)
from curriculum.models import LessonPlanIndexPage, LessonPlanPage, ResourceLibraryPage
from schools.models import User
from tests.wagtail_forms import page_form_data

AUTHOR = "author@drom.test"
METHODOLOGIST = "methodologist@drom.test"
TEACHER = "teacher@drom.test"
# The site's own pages (home, about, contact) are edited by administrators only (cms.0004).
ADMIN = "admin@drom.test"

# page type -> (allowed parents, allowed children, the demo role that edits it)
PAGE_TYPES = {
    HomePage: ({Page}, {StandardPage, LessonPlanIndexPage, CourseIndexPage}, ADMIN),
    StandardPage: ({HomePage, StandardPage}, {StandardPage}, ADMIN),
    LessonPlanIndexPage: ({HomePage}, {LessonPlanPage, ResourceLibraryPage}, AUTHOR),
    LessonPlanPage: ({LessonPlanIndexPage}, set(), AUTHOR),
    ResourceLibraryPage: ({LessonPlanIndexPage}, set(), METHODOLOGIST),
    CourseIndexPage: ({HomePage}, {CoursePage}, METHODOLOGIST),
    CoursePage: (
        {CourseIndexPage},
        {CourseLessonPage, QuizPage, SeminarPage, CourseEvaluationPage},
        METHODOLOGIST,
    ),
    CourseLessonPage: ({CoursePage}, set(), METHODOLOGIST),
    QuizPage: ({CoursePage}, set(), METHODOLOGIST),
    SeminarPage: ({CoursePage}, set(), METHODOLOGIST),
    CourseEvaluationPage: ({CoursePage}, set(), METHODOLOGIST),
}
# The home page and the libraries are one per language, made by migrations.
# A course has at most one evaluation form.
SINGLETONS = {
    HomePage,
    LessonPlanIndexPage,
    ResourceLibraryPage,
    CourseIndexPage,
    CourseEvaluationPage,
}
# A course's lessons and quizzes are for logged-in teachers; the catalogue and courses are public.
FOR_TEACHERS = {CourseLessonPage, QuizPage, SeminarPage, CourseEvaluationPage}
# Routes of routable pages besides their own URL.
SUB_ROUTES = {LessonPlanPage: ["pdf/", "pack/"], LessonPlanIndexPage: ["my/"]}

ids = [model.__name__ for model in PAGE_TYPES]


@pytest.fixture
def wagtail(client, monkeypatch):
    """Wagtail's page assertions, on pytest-django's client (the TestCase is never run)."""
    # They log in with the first backend, which is django-axes' lockout check, not a login one.
    monkeypatch.setattr(page_tests, "AUTH_BACKEND", "django.contrib.auth.backends.ModelBackend")
    checks = WagtailPageTestCase(methodName="assertPageIsEditable")
    checks.client = client
    checks.dummy_request = get_dummy_request()
    return checks


def demo_page(model):
    """The first Bulgarian page of this type in the demo."""
    return model.objects.filter(locale__language_code="bg").order_by("path").first()


def latest_revision(page):
    return page.revisions.order_by("-created_at", "-pk").first()


def user(email) -> User:
    return User.objects.get(email=email)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=ids)
def test_page_type_lives_only_where_it_belongs(wagtail, model):
    parents, children, _ = PAGE_TYPES[model]
    wagtail.assertAllowedParentPageTypes(model, parents)
    # What an editor is offered under it (Wagtail's bare Page is allowed but never offered).
    assert set(model.creatable_subpage_models()) == children
    for child in children:
        wagtail.assertCanCreateAt(model, child)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=ids)
def test_editor_creates_the_page_type_in_the_admin(wagtail, client, model):
    """The role's demo account fills the add form (with a demo page's content) and saves it."""
    editor = user(PAGE_TYPES[model][2])
    page = demo_page(model)
    parent = page.get_parent().specific
    if model in SINGLETONS:
        assert not model.can_create_at(parent), "a second one in the same language"
        return
    client.force_login(editor)
    data = page_form_data(client, page)
    data["title"] = f"{page.title} (копие)"
    data["slug"] = f"{page.slug}-kopie"
    data.pop("action-publish", None)
    wagtail.assertCanCreate(parent, model, data, publish=False)
    created = model.objects.child_of(parent).get(slug=f"{page.slug}-kopie")
    assert not created.live and created.owner == editor
    assert latest_revision(created).user == editor


@pytest.mark.parametrize("model", PAGE_TYPES, ids=ids)
def test_page_type_routes_and_renders(wagtail, model):
    page = demo_page(model)
    reader = user(TEACHER) if model in FOR_TEACHERS else None
    for route in ["/", *SUB_ROUTES.get(model, [])]:
        wagtail.assertPageIsRoutable(page, route)
        wagtail.assertPageIsRenderable(page, route, user=reader or user(TEACHER))
    if model in FOR_TEACHERS:
        # Anonymous visitors are sent to log in first, to come back to the page.
        response = wagtail.client.get(page.url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={page.url}"
    else:
        wagtail.assertPageIsRenderable(page)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=ids)
def test_editor_edits_and_previews_the_page_type(wagtail, model):
    page = demo_page(model)
    editor = user(PAGE_TYPES[model][2])
    revisions = page.revisions.count()
    wagtail.client.force_login(editor)
    data = page_form_data(wagtail.client, page)
    wagtail.assertPageIsEditable(page, post_data=data, user=editor)
    # Wagtail's assertion only checks that the POST did not fail: the draft must be saved too.
    assert page.revisions.count() == revisions + 1
    assert latest_revision(page).user == editor
    wagtail.assertPageIsPreviewable(page, post_data=data, user=editor)
