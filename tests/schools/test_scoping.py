"""schools.scoping: who sees which regions, schools and teachers."""

from django.contrib.auth.models import AnonymousUser

from schools import scoping
from schools.models import Region, User


def codes(queryset):
    return sorted(queryset.values_list("code", flat=True))


def test_national_coordinator_sees_everything(
    national, school_south, school_north, teacher_south, teacher_north
):
    assert codes(scoping.regions_visible_to(national)) == sorted(
        Region.objects.values_list("code", flat=True)
    )
    assert codes(scoping.schools_visible_to(national)) == ["2001001", "500101"]
    assert set(scoping.teachers_visible_to(national)) == {teacher_south, teacher_north}
    assert scoping.districts_visible_to(national).count() == 28


def test_superuser_sees_everything(superuser, school_south, school_north):
    assert codes(scoping.schools_visible_to(superuser)) == ["2001001", "500101"]


def test_regional_coordinator_sees_only_their_regions(
    coordinator, school_south, school_north, teacher_south, teacher_north
):
    assert codes(scoping.regions_visible_to(coordinator)) == ["BG34"]
    assert codes(scoping.schools_visible_to(coordinator)) == ["2001001"]
    assert list(scoping.teachers_visible_to(coordinator)) == [teacher_south]
    assert sorted(d.code for d in scoping.districts_visible_to(coordinator)) == [
        "BG-02",
        "BG-20",
        "BG-24",
        "BG-28",
    ]
    assert [m.name for m in scoping.municipalities_visible_to(coordinator)] == ["Сливен"]


def test_regional_coordinator_refused_other_regions(coordinator, school_north, teacher_north):
    assert not scoping.can_view_school(coordinator, school_north)
    assert not scoping.can_view_teacher(coordinator, teacher_north)
    assert not scoping.can_manage_region(coordinator, Region.objects.get(code="BG31"))


def test_coordinator_with_two_regions(coordinator, school_north, school_south):
    coordinator.regions.add(Region.objects.get(code="BG31"))
    assert codes(scoping.schools_visible_to(coordinator)) == ["2001001", "500101"]


def test_teacher_sees_only_themself(teacher_south, teacher_north, school_south):
    assert list(scoping.teachers_visible_to(teacher_south)) == [teacher_south]
    assert not scoping.schools_visible_to(teacher_south).exists()
    assert not scoping.regions_visible_to(teacher_south).exists()
    assert scoping.can_view_teacher(teacher_south, teacher_south)
    assert not scoping.can_view_teacher(teacher_south, teacher_north)
    assert not scoping.can_view_school(teacher_south, school_south)


def test_author_sees_no_personal_data(author, teacher_south, school_south):
    assert not scoping.teachers_visible_to(author).exists()
    assert not scoping.schools_visible_to(author).exists()
    assert not scoping.can_view_teacher(author, teacher_south)


def test_anonymous_sees_nothing(teacher_south, school_south):
    anonymous = AnonymousUser()
    assert not scoping.teachers_visible_to(anonymous).exists()
    assert not scoping.schools_visible_to(anonymous).exists()
    assert not scoping.regions_visible_to(anonymous).exists()


def test_deactivated_coordinator_sees_nothing(coordinator, school_south):
    coordinator.is_active = False
    coordinator.save()
    assert not scoping.schools_visible_to(coordinator).exists()


def test_scoped_queryset_is_one_query(coordinator, school_south, django_assert_num_queries):
    scoping.group_names(coordinator)  # the group lookup is cached on the user object
    with django_assert_num_queries(1):
        list(scoping.schools_visible_to(coordinator).select_related("municipality__district"))


def test_the_teacher_condition_on_a_join_sees_the_same_people(
    national, coordinator, author, teacher_south, teacher_north, school_south
):
    """teachers_visible_q is teachers_visible_to as a condition on a relation to the teacher
    (the all-courses report filters enrollments by it on their own join)."""
    from cms.models import HomePage
    from courses.models import Enrollment
    from tests.courses.builders import make_course

    course = make_course(HomePage.objects.first(), lessons=1, quizzes=0, slug="scope-q")
    for teacher in (teacher_south, teacher_north):
        Enrollment.objects.create(teacher=teacher, course=course, school_id=teacher.school_id)
    for viewer in (national, coordinator, author, teacher_south, AnonymousUser()):
        people = set(scoping.teachers_visible_to(viewer))
        assert set(User.objects.filter(scoping.teachers_visible_q(viewer, prefix=""))) == people
        enrolled = Enrollment.objects.filter(scoping.teachers_visible_q(viewer, prefix="teacher__"))
        assert {e.teacher for e in enrolled} == people
    assert [
        e.teacher
        for e in Enrollment.objects.filter(
            scoping.teachers_visible_q(coordinator, prefix="teacher__")
        )
    ] == [teacher_south]
