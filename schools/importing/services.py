"""Bulk import of schools and teachers: plan (what would change, what is wrong), then apply.

The plan reads the database in a fixed number of queries whatever the file's size; applying is
all or nothing (one transaction) and refuses a plan that has any error. Re-importing the same
file plans no change, because rows are keyed by institution code and by e-mail address.
Parsing the files is parsing.py's job; this module decides what the rows mean. Whether a row lies
in the importer's regions is schools.scoping's question, asked once per plan in the same queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from schools import roles, scoping
from schools.models import District, Municipality, Region, School, SchoolChange, User
from schools.signals import people_touched

from .parsing import Row
from .tasks import send_invitations

SCHOOL_FIELDS = ["name", "kind", "settlement", "address", "network_member", "active"]
TEACHER_FIELDS = ["first_name", "father_name", "last_name", "position"]


class ImportRefused(Exception):
    """The plan has errors; nothing was written."""


@dataclass
class PlannedRow:
    line: int
    values: dict
    errors: list = field(default_factory=list)
    action: str = "unchanged"  # create | update | unchanged | error
    changes: list = field(default_factory=list)
    target: object = None  # the existing School / User, if any
    extra: dict = field(default_factory=dict)


@dataclass
class ImportPlan:
    kind: str  # "schools" | "teachers"
    rows: list

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    @property
    def counts(self) -> dict:
        counts = {"create": 0, "update": 0, "unchanged": 0, "error": 0}
        for row in self.rows:
            counts[row.action] += 1
        return counts


def _finish(row: PlannedRow) -> PlannedRow:
    if row.errors:
        row.action = "error"
    elif row.target is None:
        row.action = "create"
    elif row.changes:
        row.action = "update"
    return row


# ----------------------------------------------------------------------------- schools


def schools_import_plan(*, rows: list[Row], regions: QuerySet[Region]) -> ImportPlan:
    """What importing these school rows would do, for someone who may work in ``regions``."""
    districts = {
        d.code: d
        for d in District.objects.annotate(
            in_regions=Exists(scoping.districts_in(regions).filter(pk=OuterRef("pk")))
        )
    }
    codes = [row.values["code"] for row in rows if row.values.get("code")]
    existing = {
        s.code: s
        for s in School.objects.filter(code__in=codes).annotate(
            in_regions=Exists(scoping.schools_in(regions).filter(pk=OuterRef("pk")))
        )
    }
    municipalities = {(m.district_id, m.name.lower()): m for m in Municipality.objects.all()}
    planned = []
    for row in rows:
        plan = PlannedRow(line=row.line, values=row.values, errors=list(row.errors))
        values = row.values
        district = districts.get(values.get("district"))
        if district is not None and not district.in_regions:
            plan.errors.append(
                _("The district %(district)s is outside your regions.") % {"district": district}
            )
        school = existing.get(values.get("code"))
        if school is not None:
            plan.target = school
            if not school.in_regions:
                plan.errors.append(_("This code belongs to a school outside your regions."))
        if district is not None and not plan.errors:
            municipality = municipalities.get((district.pk, values["municipality"].lower()))
            plan.extra = {"district": district, "municipality": municipality}
            if school is not None:
                if municipality is None or school.municipality_id != municipality.pk:
                    plan.changes.append("municipality")
                plan.changes += [
                    name
                    for name in SCHOOL_FIELDS
                    if name in values and getattr(school, name) != values[name]
                ]
        planned.append(_finish(plan))
    return ImportPlan(kind="schools", rows=planned)


@transaction.atomic
def schools_import_apply(*, plan: ImportPlan) -> dict:
    """Write the plan: new municipalities and schools, changed schools. All or nothing.

    Bulk queries throughout, so a national file of thousands of rows takes a few queries.
    """
    if plan.has_errors:
        raise ImportRefused
    rows = [row for row in plan.rows if row.action in ("create", "update")]
    wanted = {(row.extra["district"].pk, row.values["municipality"]) for row in rows}
    known = {(m.district_id, m.name.lower()): m for m in Municipality.objects.all()}
    Municipality.objects.bulk_create(
        [
            Municipality(district_id=district, name=name)
            for district, name in sorted(wanted)
            if (district, name.lower()) not in known
        ],
        ignore_conflicts=True,
    )
    known = {(m.district_id, m.name.lower()): m for m in Municipality.objects.all()}
    # A municipality an earlier import left in capitals takes the name as people write it.
    renamed = []
    for district, name in wanted:
        existing = known[(district, name.lower())]
        if existing.name != name and existing.name.isupper():
            existing.name = name
            renamed.append(existing)
    Municipality.objects.bulk_update(renamed, ["name"])
    to_create, to_update = [], []
    for row in rows:
        values = row.values
        school = row.target or School(code=values["code"])
        school.municipality = known[(row.extra["district"].pk, values["municipality"].lower())]
        for name in SCHOOL_FIELDS:
            if name in values:
                setattr(school, name, values[name])
        (to_update if row.target else to_create).append(school)
    School.objects.bulk_create(to_create, batch_size=500)
    School.objects.bulk_update(to_update, ["municipality", *SCHOOL_FIELDS], batch_size=500)
    return {"created": len(to_create), "updated": len(to_update)}


# ----------------------------------------------------------------------------- teachers


def teachers_import_plan(*, rows: list[Row], regions: QuerySet[Region]) -> ImportPlan:
    """What importing these teacher rows would do, for someone who may work in ``regions``."""
    codes = [row.values["school_code"] for row in rows if row.values.get("school_code")]
    schools = {
        s.code: s
        for s in School.objects.filter(code__in=codes).annotate(
            in_regions=Exists(scoping.schools_in(regions).filter(pk=OuterRef("pk")))
        )
    }
    emails = [row.values["email"] for row in rows if row.values.get("email")]
    users = {
        u.email.lower(): u
        for u in User.objects.filter(email__in=emails)
        .select_related("school")
        .annotate(in_regions=Exists(scoping.teachers_in(regions).filter(pk=OuterRef("pk"))))
    }
    planned = []
    for row in rows:
        plan = PlannedRow(line=row.line, values=row.values, errors=list(row.errors))
        values = row.values
        school = schools.get(values.get("school_code"))
        if values.get("school_code") and school is None:
            plan.errors.append(
                _("There is no school with the code %(code)s.") % {"code": values["school_code"]}
            )
        elif school is not None and not school.in_regions:
            plan.errors.append(
                _("The school %(school)s is outside your regions.") % {"school": school}
            )
        user = users.get(values.get("email"))
        if user is not None:
            plan.target = user
            if user.is_staff or user.is_superuser:
                plan.errors.append(_("This e-mail address belongs to a staff account."))
            elif user.school_id and not user.in_regions:
                plan.errors.append(_("This teacher works at a school outside your regions."))
            elif school is not None:
                if user.school_id != school.pk:
                    plan.changes.append("school")
                plan.changes += [
                    name
                    for name in TEACHER_FIELDS
                    if name in values and values[name] and getattr(user, name) != values[name]
                ]
        plan.extra = {"school": school}
        planned.append(_finish(plan))
    return ImportPlan(kind="teachers", rows=planned)


@transaction.atomic
def teachers_import_apply(*, plan: ImportPlan, site_url: str) -> dict:
    """Create and update teachers; invite the new ones once the transaction has committed."""
    if plan.has_errors:
        raise ImportRefused
    new_users, changes, updated = [], [], []
    for row in plan.rows:
        values, school = row.values, row.extra.get("school")
        if row.action == "create":
            user = User(
                email=values["email"],
                first_name=values["first_name"],
                father_name=values.get("father_name", ""),
                last_name=values["last_name"],
                position=values.get("position") or User.Position.TEACHER,
                school=school,
            )
            user.set_unusable_password()
            new_users.append(user)
        elif row.action == "update":
            user = row.target
            if "school" in row.changes:
                changes.append(SchoolChange(user=user, from_school=user.school, to_school=school))
                user.school = school
            for name in TEACHER_FIELDS:
                if name in row.changes:
                    setattr(user, name, values[name])
            updated.append(user)
    User.objects.bulk_create(new_users, batch_size=500)
    # SQLite and PostgreSQL both return the new primary keys from bulk_create.
    teachers = Group.objects.get(name=roles.TEACHERS)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=u.pk, group_id=teachers.pk) for u in new_users],
        batch_size=500,
    )
    changes += [SchoolChange(user=u, from_school=None, to_school=u.school) for u in new_users]
    SchoolChange.objects.bulk_create(changes, batch_size=500)
    User.objects.bulk_update(updated, ["school", *TEACHER_FIELDS], batch_size=500)
    # Bulk writes send no model signals: whatever these people's kept pages show is stale.
    people_touched(__name__, [u.pk for u in [*updated, *new_users]])
    if new_users:
        new_ids = [u.pk for u in new_users]
        transaction.on_commit(lambda: send_invitations.enqueue(new_ids, site_url))
    return {"created": len(new_users), "updated": len(updated)}
