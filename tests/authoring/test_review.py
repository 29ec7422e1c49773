"""A review that cannot be bypassed: pages go live only through their workflow's last approval.

Library: author → methodologist → Roma community reviewer. Courses: author → methodologist
(→ national coordinator for a course claiming a Ministry-approved programme). Requests go through
the admin's real views (edit form, workflow actions, unpublish, bulk actions) as each role.
"""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, Workflow, WorkflowState
from wagtail.test.utils.form_data import rich_text

from cms.authoring.review import BYPASS_ACTION
from courses.models import CoursePage
from curriculum.models import LessonPlanPage
from schools import roles
from tests.authoring.conftest import make_course
from tests.curriculum.conftest import make_plan

pytestmark = pytest.mark.django_db


def course_form(course: CoursePage, **changes) -> dict:
    data = {
        "title": course.title,
        "slug": course.slug,
        "summary": course.summary,
        "audience": course.audience,
        "outcomes": rich_text(course.outcomes or "<p></p>"),
        "academic_hours": course.academic_hours,
        "estimated_duration": course.estimated_duration,
        "provider": course.provider,
        "programme_name": course.programme_name,
        "uin": course.uin,
        "credits": course.credits or "",
        "enrollment_open": "on",
        "training_form": course.training_form,
        "modules-count": 0,
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments-TOTAL_FORMS": 0,
        "comments-INITIAL_FORMS": 0,
        "comments-MIN_NUM_FORMS": 0,
        "comments-MAX_NUM_FORMS": 1000,
    }
    data.update(changes)
    return data


def edit(client, page, **data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def act(client, page, action, **data):
    """Approve or request changes on the page's current task, as the logged-in user."""
    page.refresh_from_db()
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client.post(url, data)


def live(page) -> bool:
    page.refresh_from_db()
    return page.live


def current_group(page) -> str | None:
    page.refresh_from_db()
    task = page.current_workflow_task
    return task.specific.groups.get().name if task else None


@pytest.fixture
def as_role(client, users):
    def login(role):
        client.logout()
        client.force_login(users[role])
        return client

    return login


def test_workflows_and_tasks_are_named_in_bulgarian(library, catalogue):
    assert library.get_workflow().name == "Методически преглед"
    assert catalogue.get_workflow().name == "Преглед на обучение"
    names = [t.name for t in catalogue.get_workflow().tasks.order_by("workflow_tasks__sort_order")]
    assert names == ["Одобрение от методист", "Одобрение на програма на МОН"]


def test_course_review_methodologist_then_live(as_role, catalogue):
    course = make_course(catalogue, slug="bez-programa")
    client = as_role("author")
    response = edit(
        client, course, **course_form(course, summary="Ново описание."), **{"action-submit": "1"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert current_group(course) == roles.METHODOLOGISTS
    assert not live(course)

    client = as_role("methodologist")
    act(client, course, "approve")
    # No Ministry programme: the national coordinator's step is skipped, the course goes live.
    assert live(course)
    assert CoursePage.objects.get(pk=course.pk).summary == "Ново описание."
    state = WorkflowState.objects.get(object_id=str(course.pk))
    statuses = sorted(state.task_states.values_list("status", flat=True))
    assert statuses == ["approved", "skipped"]


def test_a_ministry_programme_course_also_needs_the_national_coordinator(as_role, catalogue):
    course = make_course(catalogue, slug="programa", programme=True)
    edit(as_role("author"), course, **course_form(course), **{"action-submit": "1"})
    act(as_role("methodologist"), course, "approve")
    assert not live(course)
    assert current_group(course) == roles.NATIONAL_COORDINATORS

    # The national coordinator has no page rights, yet reaches the editor while it is her step.
    client = as_role("national")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).status_code == 200
    act(client, course, "approve")
    assert live(course)


def test_claiming_a_programme_in_the_draft_brings_in_the_national_coordinator(as_role, catalogue):
    course = make_course(catalogue, slug="nova-programa")
    form = course_form(course, programme_name="Интеркултурно образование", uin="4000999", credits=1)
    edit(as_role("author"), course, **form, **{"action-submit": "1"})
    act(as_role("methodologist"), course, "approve")
    assert current_group(course) == roles.NATIONAL_COORDINATORS
    assert not live(course)


def test_the_wrong_role_cannot_approve_a_step(as_role, catalogue):
    course = make_course(catalogue, slug="kurs", programme=True)
    edit(as_role("author"), course, **course_form(course), **{"action-submit": "1"})
    for role in ("author", "reviewer", "national", "coordinator"):
        response = act(as_role(role), course, "approve")
        assert response.status_code in (302, 403), role
        assert current_group(course) == roles.METHODOLOGISTS, role
    act(as_role("methodologist"), course, "approve")
    for role in ("author", "methodologist", "coordinator"):
        act(as_role(role), course, "approve")
        assert current_group(course) == roles.NATIONAL_COORDINATORS, role
    assert not live(course)


@pytest.mark.parametrize("role", ["author", "methodologist", "reviewer", "national"])
def test_nobody_publishes_from_the_editor(as_role, catalogue, role):
    course = make_course(catalogue, slug=f"direct-{role}")
    client = as_role(role)
    edit(client, course, **course_form(course, summary="Направо."), **{"action-publish": "1"})
    assert not live(course)


@pytest.mark.parametrize("role", ["author", "methodologist", "reviewer"])
def test_nobody_schedules_around_the_review(as_role, catalogue, role):
    course = make_course(catalogue, slug=f"schedule-{role}")
    client = as_role(role)
    edit(
        client,
        course,
        **course_form(course, go_live_at="2030-01-01 10:00"),
        **{"action-publish": "1"},
    )
    course.refresh_from_db()
    assert not course.live
    assert not course.revisions.filter(approved_go_live_at__isnull=False).exists()


@pytest.mark.parametrize("role", ["author", "methodologist", "reviewer"])
def test_nobody_unpublishes_or_bulk_publishes(as_role, library, role):
    plan = make_plan(library, title="Живи план")
    draft = make_plan(library, title="Чернова", publish=False)
    client = as_role(role)
    client.post(reverse("wagtailadmin_pages:unpublish", args=[plan.pk]))
    assert live(plan)
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{bulk}?id={draft.pk}", {"include_descendants": ""})
    assert not live(draft)
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    client.post(f"{bulk}?id={plan.pk}", {"include_descendants": ""})
    assert live(plan)


def test_library_review_with_changes_requested_and_a_page_locked_while_in_review(
    as_role, library, users
):
    plan = make_plan(library, title="Херделези", publish=False)
    plan.save_revision(user=users["author"])
    Workflow.objects.get(name="Методически преглед").start(plan, users["author"])
    act(as_role("methodologist"), plan, "reject", comment="Добавете източник.")
    plan.refresh_from_db()
    assert plan.current_workflow_state.status == "needs_changes"
    # The author fixes the plan and resubmits: back to the methodologist.
    plan.summary = "Поправено описание."
    plan.save_revision(user=users["author"])
    plan.current_workflow_state.resume(users["author"])
    assert current_group(plan) == roles.METHODOLOGISTS
    act(as_role("methodologist"), plan, "approve")
    assert current_group(plan) == roles.COMMUNITY_REVIEWERS
    assert not live(plan)

    # While it waits for the reviewer, nobody else may change it: not the author, not the
    # methodologist who already approved.
    for role in ("author", "methodologist"):
        assert plan.specific.get_lock().for_user(users[role]), role
    assert not plan.specific.get_lock().for_user(users["reviewer"])
    act(as_role("reviewer"), plan, "approve")
    assert live(plan)
    assert LessonPlanPage.objects.get(pk=plan.pk).summary == "Поправено описание."
    assert not PageLogEntry.objects.filter(page=plan, action=BYPASS_ACTION).exists()


def test_an_administrator_may_publish_directly_and_it_is_logged(client, admin_user, catalogue):
    course = make_course(catalogue, slug="admin")
    client.force_login(admin_user)
    edit(client, course, **course_form(course, summary="Спешно."), **{"action-publish": "1"})
    assert live(course)
    entry = PageLogEntry.objects.get(page=course, action=BYPASS_ACTION)
    assert entry.user == admin_user
    assert "Преглед на обучение" in str(entry.message)
    history = client.get(reverse("wagtailadmin_pages:history", args=[course.pk]))
    assert "без" in history.content.decode()  # "… без работния процес …" in Bulgarian

    client.post(reverse("wagtailadmin_pages:unpublish", args=[course.pk]))
    assert not live(course)
    assert PageLogEntry.objects.filter(
        page=course, action=BYPASS_ACTION, data__what="unpublish"
    ).exists()


def test_review_e_mails_are_bulgarian(as_role, catalogue, mailoutbox):
    from tests.authoring.bulgarian import english_in

    course = make_course(catalogue, slug="pisma")
    edit(as_role("author"), course, **course_form(course), **{"action-submit": "1"})
    to_methodologist = [m for m in mailoutbox if "methodologist@example.test" in m.to]
    assert to_methodologist, [m.to for m in mailoutbox]
    act(as_role("methodologist"), course, "reject", comment="Добавете целите на обучението.")
    to_author = [m for m in mailoutbox if "author@example.test" in m.to]
    assert to_author, [m.to for m in mailoutbox]
    for message in [*to_methodologist, *to_author]:
        lines = [message.subject, *message.body.splitlines()]
        assert english_in(lines, content=[course.title]) == [], lines
    assert "Добавете целите на обучението." in to_author[-1].body
