"""Coordinators' permissions for the network screens in the Wagtail admin.

What a coordinator may *see* inside those screens is narrowed further by schools.scoping; these
permissions only open the screens. Regions and districts are read-only data from a migration.
"""

from django.db import migrations

from schools import roles

COORDINATOR_PERMISSIONS = [
    ("region", "view"),
    ("district", "view"),
    ("municipality", "view"),
    ("municipality", "add"),
    ("municipality", "change"),
    ("school", "view"),
    ("school", "add"),
    ("school", "change"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for model, action in COORDINATOR_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="schools", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model}",
            defaults={"name": f"Can {action} {model}"},
        )
        permissions.append(permission)
    for name in (roles.REGIONAL_COORDINATORS, roles.NATIONAL_COORDINATORS):
        Group.objects.get(name=name).permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("schools", "0003_school_change"), ("cms", "0003_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
