"""Roma community reviewers approve last in "Methodological review", and Wagtail publishes the
approved revision as the last approver: they need publish rights, on the library only."""

from django.db import migrations

from schools import roles


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Index = apps.get_model("curriculum", "LessonPlanIndexPage")

    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    publish, _ = Permission.objects.get_or_create(
        content_type=page_type, codename="publish_page", defaults={"name": "Can publish page"}
    )
    reviewers = Group.objects.get(name=roles.COMMUNITY_REVIEWERS)
    for index in Index.objects.all():
        GroupPagePermission.objects.get_or_create(
            group=reviewers, page_id=index.pk, permission=publish
        )


class Migration(migrations.Migration):
    dependencies = [("curriculum", "0004_library_pages_roles_workflow")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
