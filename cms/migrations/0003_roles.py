"""The roles as groups, with the Wagtail permissions their work needs so far.

Later features add their own permissions to these groups in their own migrations. Wagtail's
default "Editors" and "Moderators" groups are removed so that the admin lists only Drom's roles.
"""

from django.db import migrations

from schools import roles

EDITORS = [roles.AUTHORS, roles.METHODOLOGISTS, roles.COMMUNITY_REVIEWERS]
ADMIN_USERS = [*EDITORS, roles.REGIONAL_COORDINATORS, roles.NATIONAL_COORDINATORS]
PAGE_PERMISSIONS = {
    roles.AUTHORS: ["add_page", "change_page"],
    roles.METHODOLOGISTS: ["add_page", "change_page", "publish_page"],
    roles.COMMUNITY_REVIEWERS: ["change_page"],
}
FILE_MODELS = [
    ("curriculum", "dromimage"),
    ("curriculum", "dromdocument"),
    ("curriculum", "drommedia"),
]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return perm


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")

    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    # Wagtail's default workflow approved by "Moderators"; the curriculum's review workflow
    # replaces it.
    Workflow.objects.filter(name="Moderators approval").update(active=False)

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.ALL}
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    for name in ADMIN_USERS:
        groups[name].permissions.add(access_admin)

    root = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page=root,
                permission=permission(apps, "wagtailcore", "page", codename),
            )
    for name in [roles.AUTHORS, roles.METHODOLOGISTS]:
        for app_label, model in FILE_MODELS:
            for action in ("add", "change", "choose"):
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name],
                    collection=root_collection,
                    permission=permission(apps, app_label, model, f"{action}_{model}"),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_home_pages"),
        ("curriculum", "0002_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
