"""Rights that match the roles, from each role's chair (README: "Who may do what").

Authors write lesson plans and courses; methodologists review both; Roma community reviewers
review the library and cannot edit courses; coordinators edit no content; nobody but an
administrator publishes directly. All of it comes from the migrations (cms.0004).
"""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtailmedia.models import get_media_model

from cms.models import HomePage
from curriculum.models import LessonPlanPage
from tests.authoring.conftest import STAFF, make_course
from tests.curriculum.conftest import make_document, make_image, make_plan

pytestmark = pytest.mark.django_db

# role: (edit library, add to library, edit courses, add to courses)
PAGE_RIGHTS = {
    "author": (True, True, True, True),
    "methodologist": (True, True, True, True),
    "reviewer": (True, False, False, False),
    "coordinator": (False, False, False, False),
    "national": (False, False, False, False),
    "teacher": (False, False, False, False),
}


@pytest.mark.parametrize("role", PAGE_RIGHTS)
def test_page_rights_in_both_languages(role, users, library, library_en, catalogue, catalogue_en):
    user = users[role]
    edit_library, add_library, edit_courses, add_courses = PAGE_RIGHTS[role]
    plan = make_plan(library, title="План", publish=False)
    course = make_course(catalogue)
    for section, page in ((library, plan), (library_en, None)):
        perms = section.permissions_for_user(user)
        assert perms.can_add_subpage() is add_library, (role, section)
        if page is not None:
            assert page.permissions_for_user(user).can_edit() is edit_library, role
    assert library_en.permissions_for_user(user).can_edit() is edit_library
    assert catalogue.permissions_for_user(user).can_add_subpage() is add_courses
    assert catalogue_en.permissions_for_user(user).can_add_subpage() is add_courses
    assert course.permissions_for_user(user).can_edit() is edit_courses
    # Nobody publishes, unpublishes or schedules outside review.
    for page in (plan, course, library, catalogue):
        perms = page.permissions_for_user(user)
        assert not perms.can_publish()
        assert not perms.can_unpublish()


@pytest.mark.parametrize("role", [*PAGE_RIGHTS])
def test_nobody_edits_the_rest_of_the_site(role, users):
    user = users[role]
    for home in HomePage.objects.all():
        assert not home.permissions_for_user(user).can_edit()
        assert not home.permissions_for_user(user).can_add_subpage()
    assert not Page.objects.get(depth=1).permissions_for_user(user).can_add_subpage()


def test_administrators_may_publish(admin_user, library):
    plan = make_plan(library, title="План", publish=False)
    assert plan.permissions_for_user(admin_user).can_publish()


@pytest.mark.parametrize(
    ("role", "can_upload"),
    [
        ("author", True),
        ("methodologist", True),
        ("reviewer", False),
        ("coordinator", False),
        ("national", False),
        ("teacher", False),
    ],
)
def test_upload_rights_follow_wagtails_policies_for_the_custom_models(role, can_upload, users):
    """Wagtail's own policies for DromImage/DromDocument/DromMedia answer as the role needs."""
    user = users[role]
    for model in (get_image_model(), get_document_model(), get_media_model()):
        policy = policy_registry.get_by_type(model)
        assert policy.user_has_permission(user, "add") is can_upload, (role, model)
    # An uploader edits and deletes her own files; only methodologists others' files (live
    # pages may use them). Wagtail's ownership policy treats delete as change.
    for model, make in ((get_image_model(), make_image), (get_document_model(), make_document)):
        policy = policy_registry.get_by_type(model)
        others, own = make(title="Чужд файл"), make(title="Мой файл", uploaded_by_user=user)
        for action in ("change", "delete"):
            assert policy.user_has_permission_for_instance(user, action, own) is can_upload
            assert policy.user_has_permission_for_instance(user, action, others) is (
                role == "methodologist"
            ), (role, model, action)
        assert policy.user_has_permission_for_instance(user, "choose", others) is (
            role in ("author", "methodologist", "reviewer")
        ), (role, model)


@pytest.mark.parametrize("role", STAFF)
def test_every_staff_role_reaches_the_admin(client, users, role):
    client.force_login(users[role])
    assert client.get("/admin/").status_code == 200


def test_teachers_do_not_reach_the_admin(client, users):
    client.force_login(users["teacher"])
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize(
    ("role", "sees_library_in_explorer", "sees_courses_in_explorer"),
    [
        ("author", True, True),
        ("methodologist", True, True),
        ("reviewer", True, False),
    ],
)
def test_page_explorer_shows_each_role_its_sections(
    client, users, library, catalogue, role, sees_library_in_explorer, sees_courses_in_explorer
):
    client.force_login(users[role])
    library_listing = client.get(f"/admin/pages/{library.pk}/")
    assert (library_listing.status_code == 200) is sees_library_in_explorer
    course_edit = client.get(f"/admin/pages/{catalogue.pk}/edit/")
    assert (course_edit.status_code == 200) is sees_courses_in_explorer


@pytest.mark.parametrize("role", ["coordinator", "national", "reviewer"])
def test_roles_that_do_not_write_courses_cannot_open_a_course_editor(
    client, users, catalogue, role
):
    course = make_course(catalogue)
    client.force_login(users[role])
    response = client.get(f"/admin/pages/{course.pk}/edit/")
    assert response.status_code in (302, 403)
    assert not LessonPlanPage.objects.exists()
