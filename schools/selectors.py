"""Reads about people and schools that span relations; no side effects."""

from __future__ import annotations

from django.core import serializers
from django.db.models import QuerySet

from .models import SchoolChange, User

# Apps whose rows about a person belong in "download my data" (Wagtail's internals do not).
PROJECT_APPS = {"schools", "curriculum", "courses", "cms"}


def school_changes_for(*, user: User) -> QuerySet[SchoolChange]:
    return SchoolChange.objects.filter(user=user).select_related(
        "from_school__municipality", "to_school__municipality"
    )


def _school(school) -> dict | None:
    if school is None:
        return None
    return {"code": school.code, "name": school.name, "settlement": school.settlement}


def user_data_export(*, user: User) -> dict:
    """Everything Drom keeps about the user, as JSON-ready data.

    Records of other apps (enrollments, quiz attempts, certificates…) are found through the
    user's reverse relations, so this app needs no import of them and new ones are included.
    """
    school = (
        type(user.school).objects.select_related("municipality__district").get(pk=user.school_id)
        if user.school_id
        else None
    )
    data = {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "father_name": user.father_name,
            "last_name": user.last_name,
            "position": user.position,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "regions": sorted(user.regions.values_list("code", flat=True)),
        },
        "school": _school(school)
        and {**_school(school), "district": school.municipality.district.name},
        "school_changes": [
            {
                "changed_at": change.changed_at.isoformat(),
                "from": _school(change.from_school),
                "to": _school(change.to_school),
            }
            for change in school_changes_for(user=user)
        ],
        "records": {},
    }
    for relation in User._meta.related_objects:
        model = relation.related_model
        if model is SchoolChange or model._meta.app_label not in PROJECT_APPS:
            continue
        if relation.many_to_many or not relation.field.concrete:
            continue
        rows = model._default_manager.filter(**{relation.field.name: user})
        serialised = serializers.serialize("python", rows)
        if serialised:
            key = f"{model._meta.label_lower}.{relation.field.name}"
            data["records"][key] = [{"id": row["pk"], **row["fields"]} for row in serialised]
    return data
