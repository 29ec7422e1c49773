"""The Trainers group: people who lead seminar sessions and take their attendance.

Trainers use the site, not the Wagtail admin, so the group holds no admin permission; what a
trainer sees (their own sessions) is decided by schools.scoping.
"""

from django.db import migrations

from schools import roles


def create(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=roles.TRAINERS)


class Migration(migrations.Migration):
    dependencies = [("schools", "0004_coordinator_permissions")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
