"""The role questions courses and reports ask schools.scoping (and nobody else answers)."""

from django.contrib.auth.models import AnonymousUser

from schools import scoping


def test_is_teacher(teacher_south, coordinator, national, author, superuser):
    assert scoping.is_teacher(teacher_south)
    for user in (coordinator, national, author, superuser, AnonymousUser()):
        assert not scoping.is_teacher(user)


def test_an_inactive_teacher_is_no_teacher(teacher_south):
    teacher_south.is_active = False
    teacher_south.save()
    assert not scoping.is_teacher(teacher_south)
    assert teacher_south not in scoping.teachers()


def test_teachers_are_the_active_members_of_the_group(teacher_south, teacher_north, coordinator):
    assert set(scoping.teachers()) == {teacher_south, teacher_north}


def test_national_coordinators_are_who_is_national_says(
    national, superuser, coordinator, teacher_south, author
):
    everyone = [national, superuser, coordinator, teacher_south, author]
    assert set(scoping.national_coordinators()) == {u for u in everyone if scoping.is_national(u)}
    assert set(scoping.national_coordinators()) == {national, superuser}
    superuser.is_active = False
    superuser.save()
    assert set(scoping.national_coordinators()) == {national}


def test_only_national_coordinators_manage_certificates(
    national, superuser, coordinator, teacher_south, author
):
    assert scoping.can_manage_certificates(national)
    assert scoping.can_manage_certificates(superuser)
    for user in (coordinator, teacher_south, author, AnonymousUser()):
        assert not scoping.can_manage_certificates(user)


def test_a_certificate_is_for_its_holder_and_national_coordinators(
    teacher_south, teacher_north, national, coordinator, author
):
    holder = teacher_south.pk
    assert scoping.can_view_certificate(teacher_south, holder_id=holder)
    assert scoping.can_view_certificate(national, holder_id=holder)
    # A regional coordinator sees the certificate's number in her reports, not the document.
    for user in (teacher_north, coordinator, author, AnonymousUser()):
        assert not scoping.can_view_certificate(user, holder_id=holder)
    teacher_south.is_active = False
    teacher_south.save()
    assert not scoping.can_view_certificate(teacher_south, holder_id=holder)


def test_role_questions_read_the_groups_once_per_user(teacher_south, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert scoping.is_teacher(teacher_south)
        assert not scoping.is_national(teacher_south)
        assert not scoping.can_manage_certificates(teacher_south)
