"""The library's starting data: topics, the library pages in Bulgarian and English, the authors'
permissions on them, and the "Methodological review" workflow.

The library pages are created here (not by hand or by the demo) because the authors' page
permissions and the workflow must point at them: authors edit only the library.
"""

import uuid

from django.db import migrations
from django.utils import timezone

from schools import roles

TOPICS = [
    ("holidays-customs", "Празници и обичаи", "Holidays and customs"),
    ("music-song", "Музика и песни", "Music and song"),
    ("dance", "Танци", "Dance"),
    ("tales-legends", "Приказки и легенди", "Tales and legends"),
    ("crafts-trades", "Занаяти", "Crafts and trades"),
    ("romani-language", "Романи език", "Romani language"),
    ("history", "История", "History"),
    ("family-community", "Семейство и общност", "Family and community"),
    ("notable-roma", "Известни роми", "Notable Roma"),
    ("september-kit", "Комплект за септември", "Kit for September"),
]
LIBRARY = {
    "bg": {"title": "Библиотека", "slug": "library", "resources": "Ресурси"},
    "en": {"title": "Library", "slug": "library", "resources": "Resources"},
}
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WORKFLOW = "Методически преглед"  # "Methodological review"
TASKS = [
    ("Одобрение от методист", roles.METHODOLOGISTS),  # methodologist approval
    ("Преглед от ромската общност", roles.COMMUNITY_REVIEWERS),  # Roma community review
]


def _next_child_path(Page, parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = int(last[-4:], 36) + 1 if last else 1
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return parent.path + digits.rjust(4, "0")


def _add_child(Page, parent, model, **fields):
    path = _next_child_path(Page, parent)
    now = timezone.now()
    page = model.objects.create(
        path=path,
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{fields['slug']}/",
        locale_id=parent.locale_id,
        draft_title=fields["title"],
        live=True,
        first_published_at=now,
        last_published_at=now,
        **fields,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return page


def create_library(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Topic = apps.get_model("curriculum", "Topic")
    HomePage = apps.get_model("cms", "HomePage")
    Index = apps.get_model("curriculum", "LessonPlanIndexPage")
    Resources = apps.get_model("curriculum", "ResourceLibraryPage")

    for order, (slug, name, name_en) in enumerate(TOPICS):
        Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )

    index_type, _ = ContentType.objects.get_or_create(
        app_label="curriculum", model="lessonplanindexpage"
    )
    resources_type, _ = ContentType.objects.get_or_create(
        app_label="curriculum", model="resourcelibrarypage"
    )
    index_key, resources_key = uuid.uuid4(), uuid.uuid4()
    for home in HomePage.objects.select_related("locale"):
        code = home.locale.language_code
        if code not in LIBRARY or Index.objects.filter(locale_id=home.locale_id).exists():
            continue
        home_page = Page.objects.get(pk=home.pk)
        index = _add_child(
            Page,
            home_page,
            Index,
            title=LIBRARY[code]["title"],
            slug=LIBRARY[code]["slug"],
            content_type=index_type,
            translation_key=index_key,
            show_in_menus=True,
        )
        _add_child(
            Page,
            Page.objects.get(pk=index.pk),
            Resources,
            title=LIBRARY[code]["resources"],
            slug="resources",
            content_type=resources_type,
            translation_key=resources_key,
        )


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return perm


def library_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Index = apps.get_model("curriculum", "LessonPlanIndexPage")

    authors = Group.objects.get(name=roles.AUTHORS)
    root = Page.objects.get(depth=1)
    page_perms = [permission(apps, "wagtailcore", "page", c) for c in ("add_page", "change_page")]
    # Authors lose the site-wide page rights from cms.0003 and keep them on the library only.
    GroupPagePermission.objects.filter(group=authors, page=root).delete()
    for index in Index.objects.all():
        for perm in page_perms:
            GroupPagePermission.objects.get_or_create(
                group=authors, page_id=index.pk, permission=perm
            )

    # Authors keep the topic list; methodologists may also remove topics.
    topic_perms = {
        roles.AUTHORS: ["add_topic", "change_topic"],
        roles.METHODOLOGISTS: ["add_topic", "change_topic", "delete_topic"],
    }
    for name, codenames in topic_perms.items():
        group = Group.objects.get(name=name)
        for codename in codenames:
            group.permissions.add(permission(apps, "curriculum", "topic", codename))


def review_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Index = apps.get_model("curriculum", "LessonPlanIndexPage")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    for order, (name, group_name) in enumerate(TASKS):
        task = GroupApprovalTask.objects.filter(name=name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=name, content_type=task_type, active=True)
        task.groups.set([Group.objects.get(name=group_name)])
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": order}
        )
    for index in Index.objects.all():
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("curriculum", "0003_library"),
        ("cms", "0003_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [
        migrations.RunPython(create_library, migrations.RunPython.noop),
        migrations.RunPython(library_permissions, migrations.RunPython.noop),
        migrations.RunPython(review_workflow, migrations.RunPython.noop),
    ]
