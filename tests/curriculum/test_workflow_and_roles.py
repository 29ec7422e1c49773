"""Authoring: the "Methodological review" workflow and who may edit what."""

import pytest
from wagtail.models import Page, Workflow

from schools import roles
from tests.curriculum.conftest import make_plan

pytestmark = pytest.mark.django_db


def test_review_workflow_is_created_by_migration_and_covers_the_library(library, library_en):
    workflow = Workflow.objects.get(name="Методически преглед")
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert [list(t.groups.values_list("name", flat=True)) for t in tasks] == [
        [roles.METHODOLOGISTS],
        [roles.COMMUNITY_REVIEWERS],
    ]
    plan = make_plan(library, title="План", publish=False)
    assert plan.get_workflow() == workflow
    assert library_en.get_workflow() == workflow


def test_authors_edit_only_the_library(author, library, home_bg):
    plan = make_plan(library, title="План", publish=False)
    assert plan.permissions_for_user(author).can_edit()
    assert library.permissions_for_user(author).can_add_subpage()
    assert not plan.permissions_for_user(author).can_publish()
    assert not home_bg.permissions_for_user(author).can_edit()
    assert not Page.objects.get(depth=1).permissions_for_user(author).can_add_subpage()


def test_authors_cannot_reach_users_or_schools_in_the_admin(client, author):
    client.force_login(author)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/users/").status_code in (302, 403)
    assert client.get("/admin/groups/").status_code in (302, 403)
    assert not author.has_perm("schools.change_user")
    assert not author.has_perm("schools.change_school")


def test_authors_manage_topics_and_upload_files(author):
    assert author.has_perm("curriculum.add_topic")
    assert author.has_perm("curriculum.change_topic")
    assert not author.has_perm("curriculum.delete_topic")


def test_author_submits_methodologist_then_reviewer_approve_and_it_goes_live(
    author, methodologist, reviewer, library
):
    plan = make_plan(library, title="Херделези", publish=False)
    plan.save_revision(user=author)
    state = plan.get_workflow().start(plan, author)
    first = state.current_task_state
    assert first.task.specific.groups.get().name == roles.METHODOLOGISTS

    # Neither the author nor the reviewer may approve the methodologist's step.
    for user in (author, reviewer):
        assert "approve" not in [a[0] for a in first.task.specific.get_actions(plan, user)]
    assert "approve" in [a[0] for a in first.task.specific.get_actions(plan, methodologist)]
    first.task.specific.on_action(first, methodologist, "approve")

    state.refresh_from_db()
    second = state.current_task_state
    assert second.task.specific.groups.get().name == roles.COMMUNITY_REVIEWERS
    assert "approve" not in [a[0] for a in second.task.specific.get_actions(plan, author)]
    plan.refresh_from_db()
    assert not plan.live
    second.task.specific.on_action(second, reviewer, "approve")

    plan.refresh_from_db()
    assert plan.live
    state.refresh_from_db()
    assert state.status == "approved"


def test_reviewer_can_request_changes(author, methodologist, reviewer, library):
    plan = make_plan(library, title="Холокостът над ромите", publish=False)
    plan.save_revision(user=author)
    state = plan.get_workflow().start(plan, author)
    first = state.current_task_state
    first.task.specific.on_action(first, methodologist, "approve")
    state.refresh_from_db()
    second = state.current_task_state
    second.task.specific.on_action(second, reviewer, "reject", comment="Стереотип в стъпка 2.")
    state.refresh_from_db()
    plan.refresh_from_db()
    assert state.status == "needs_changes"
    assert not plan.live


def test_reviewers_publish_only_through_the_workflow(reviewer, library, home_bg):
    plan = make_plan(library, title="План", publish=False)
    # The last approval publishes (cms.authoring.finish); the reviewer holds no publish right.
    assert plan.permissions_for_user(reviewer).can_edit()
    assert not plan.permissions_for_user(reviewer).can_publish()
    assert not home_bg.permissions_for_user(reviewer).can_edit()
