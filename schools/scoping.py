"""Who may see which regions, schools and teachers — the one place that answers it.

Every list, report, export and admin screen that shows schools or people asks these functions
instead of deciding for itself, so that a rule changes in one place:

* superusers and national coordinators see everything;
* regional coordinators see the planning regions in ``user.regions`` and what lies in them;
* a teacher sees only themself (no list of schools, no colleagues);
* authors, methodologists, community reviewers and anonymous visitors see no personal data.

All functions return querysets (lazy, composable, one query when evaluated — the coordinator's
regions are a subquery, never a Python list) so callers can add ``select_related``, filters and
aggregates without N+1 queries.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from . import roles
from .models import District, Municipality, Region, School, User

_GROUPS_CACHE = "_drom_group_names"


def group_names(user) -> frozenset[str]:
    """The names of the user's groups, read once per user object (one query)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, _GROUPS_CACHE, None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        setattr(user, _GROUPS_CACHE, cached)
    return cached


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def may_use_admin(user) -> bool:
    """Whether the user's roles give them the Wagtail admin (the staff roles' groups hold its
    access permission, cms migration 0003): the site offers its editing toolbar only to them,
    so a teacher's page pays no permission queries. The admin checks the permission itself."""
    if not _active(user):
        return False
    return user.is_superuser or bool(group_names(user) - {roles.TEACHERS})


def is_national(user) -> bool:
    """A superuser or a national coordinator: sees the whole network."""
    if not _active(user):
        return False
    return user.is_superuser or roles.NATIONAL_COORDINATORS in group_names(user)


def is_regional(user) -> bool:
    """A regional coordinator (who is not also national)."""
    return (
        _active(user) and not is_national(user) and roles.REGIONAL_COORDINATORS in group_names(user)
    )


def is_coordinator(user) -> bool:
    """National or regional coordinator: the people who may see teachers' data."""
    return is_national(user) or is_regional(user)


def regions_visible_to(user) -> QuerySet[Region]:
    """Planning regions the user may see data of (all, their own, or none)."""
    if is_national(user):
        return Region.objects.all()
    if is_regional(user):
        return Region.objects.filter(pk__in=user.regions.values("pk"))
    return Region.objects.none()


def districts_visible_to(user) -> QuerySet[District]:
    """Districts inside the regions the user may see."""
    if is_national(user):
        return District.objects.all()
    if is_regional(user):
        return District.objects.filter(region__in=user.regions.values("pk"))
    return District.objects.none()


def municipalities_visible_to(user) -> QuerySet[Municipality]:
    """Municipalities inside the regions the user may see."""
    if is_national(user):
        return Municipality.objects.all()
    if is_regional(user):
        return Municipality.objects.filter(district__region__in=user.regions.values("pk"))
    return Municipality.objects.none()


def schools_visible_to(user) -> QuerySet[School]:
    """Schools the user may list: all for national, their regions' for regional, else none.

    Teachers get no list (they see their own school on their profile, not through this).
    """
    if is_national(user):
        return School.objects.all()
    if is_regional(user):
        return School.objects.filter(municipality__district__region__in=user.regions.values("pk"))
    return School.objects.none()


def teachers_visible_to(user) -> QuerySet[User]:
    """People attached to a school whom the user may see.

    National: everyone with a school; regional: those whose school is in their regions;
    a teacher: only themself; everyone else: nobody.
    """
    if is_national(user):
        return User.objects.filter(school__isnull=False)
    if is_regional(user):
        return User.objects.filter(
            school__municipality__district__region__in=user.regions.values("pk")
        )
    if _active(user) and roles.TEACHERS in group_names(user):
        return User.objects.filter(pk=user.pk)
    return User.objects.none()


def teachers_visible_q(user, *, prefix: str) -> Q:
    """`teachers_visible_to` as a condition on a relation to the teacher (e.g. ``"teacher__"``
    on enrollments), so that a query already joining the teacher filters on that join instead
    of a second pass over every user (at national scale that pass was a third of the
    all-courses summary)."""
    by_school = teachers_by_school_q(user, prefix=prefix)
    if by_school is not None:
        return by_school
    if _active(user) and roles.TEACHERS in group_names(user):
        return Q(**{f"{prefix}pk": user.pk})
    return Q(pk__in=[])


def teachers_by_school_q(user, *, prefix: str) -> Q | None:
    """For a coordinator, whose teachers are those of a set of schools: that condition on
    `prefix` + "school" (e.g. ``prefix="teacher__"``); None for anyone else."""
    if is_national(user):
        return Q(**{f"{prefix}school__isnull": False})
    if is_regional(user):
        return Q(
            **{f"{prefix}school__municipality__district__region__in": user.regions.values("pk")}
        )
    return None


def can_view_school(user, school: School) -> bool:
    """May the user see this school's data (its teachers, its completion figures)?"""
    return schools_visible_to(user).filter(pk=school.pk).exists()


def can_view_teacher(user, teacher: User) -> bool:
    """May the user see this person's data (profile, progress, certificates)?"""
    if _active(user) and user.pk == teacher.pk:
        return True
    return teachers_visible_to(user).filter(pk=teacher.pk).exists()


def can_manage_region(user, region: Region) -> bool:
    """May the user import or edit schools in this region?"""
    return regions_visible_to(user).filter(pk=region.pk).exists()


# --- Role questions asked by courses and reports ---------------------------------------------


def is_teacher(user) -> bool:
    """An active member of the Teachers group: may enroll in courses and take them."""
    return _active(user) and roles.TEACHERS in group_names(user)


def teachers() -> QuerySet[User]:
    """Every active member of the Teachers group (demo content and bulk jobs start from it)."""
    return User.objects.filter(groups__name=roles.TEACHERS, is_active=True).distinct()


def national_coordinators() -> QuerySet[User]:
    """Everyone ``is_national`` answers yes for: active superusers and national coordinators."""
    return User.objects.filter(
        Q(is_superuser=True) | Q(groups__name=roles.NATIONAL_COORDINATORS), is_active=True
    ).distinct()


def coordinators() -> QuerySet[User]:
    """Active regional and national coordinators (and superusers): who gets coordinators' mail."""
    return User.objects.filter(
        Q(is_superuser=True)
        | Q(groups__name__in=(roles.NATIONAL_COORDINATORS, roles.REGIONAL_COORDINATORS)),
        is_active=True,
    ).distinct()


def can_manage_certificates(user) -> bool:
    """The certificate register (list, export, revoke) is a national coordinator's duty."""
    return is_national(user)


def can_view_certificate(user, *, holder_id: int) -> bool:
    """A certificate's PDF: its holder and national coordinators (regional ones see only that
    it exists, in their reports)."""
    return (_active(user) and user.pk == holder_id) or is_national(user)


# Bulk work (imports) asks the same question for a given set of regions — someone's
# regions_visible_to(), or all of them on the command line — inside its own queries.


def districts_in(regions: QuerySet[Region]) -> QuerySet[District]:
    """Districts that lie in ``regions``."""
    return District.objects.filter(region__in=regions)


def schools_in(regions: QuerySet[Region]) -> QuerySet[School]:
    """Schools that lie in ``regions``."""
    return School.objects.filter(municipality__district__region__in=regions)


def teachers_in(regions: QuerySet[Region]) -> QuerySet[User]:
    """People whose school lies in ``regions``."""
    return User.objects.filter(school__municipality__district__region__in=regions)


# --- Seminars: trainers, and who may book a session -----------------------------------------


def is_trainer(user) -> bool:
    """An active member of the Trainers group: leads seminar sessions, takes their attendance."""
    return _active(user) and roles.TRAINERS in group_names(user)


def trainers() -> QuerySet[User]:
    """Everyone who may be chosen as a session's trainer."""
    return User.objects.filter(groups__name=roles.TRAINERS, is_active=True).distinct()


def can_take_attendance(user, *, trainer_id: int | None) -> bool:
    """A session's register is kept by its own trainer, and by nobody else (not even a
    coordinator: attendance certifies hours, so it is recorded by the one who saw them)."""
    return is_trainer(user) and trainer_id is not None and user.pk == trainer_id


def may_book_in_region(user, *, region_id: int | None) -> bool:
    """May this teacher book a session held in `region_id`? Online sessions (no region) are
    open to every teacher; one in a region to the teachers of that region's schools."""
    if not is_teacher(user):
        return False
    if region_id is None:
        return True
    return School.objects.filter(
        pk=user.school_id, municipality__district__region_id=region_id
    ).exists()


def bookings_scope(user) -> QuerySet[User]:
    """Whose seminar bookings and attendance the user may see in reports: a coordinator's
    teachers (national: all), nobody for anyone else."""
    if is_coordinator(user):
        return teachers_visible_to(user)
    return User.objects.none()


def teacher_region_id(user) -> int | None:
    """The planning region of a teacher's school (one query; None without a school)."""
    if not _active(user) or not user.school_id:
        return None
    return (
        School.objects.filter(pk=user.school_id)
        .values_list("municipality__district__region_id", flat=True)
        .first()
    )


# --- What authors learn: quiz statistics and drop-off of courses -----------------------------


def may_see_course_insights(user) -> bool:
    """Question statistics and drop-off of courses, as aggregates (never a teacher's answers):
    authors and methodologists (who write and approve the content) and coordinators."""
    if not _active(user):
        return False
    return is_coordinator(user) or bool(group_names(user) & {roles.AUTHORS, roles.METHODOLOGISTS})


def insights_schools(user) -> QuerySet[School] | None:
    """Whose results the course insights aggregate: None for everybody's (national
    coordinators, authors, methodologists), a regional coordinator's schools otherwise."""
    if is_regional(user) and not group_names(user) & {roles.AUTHORS, roles.METHODOLOGISTS}:
        return schools_visible_to(user)
    return None
