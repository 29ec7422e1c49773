"""The course catalogue pages in Bulgarian and English, and the "Course review" workflow on them.

The catalogue pages are created here (like the library's) because the authors' page permissions
and the workflow must point at them from a clean install, before any demo content exists.
Every course goes through the methodologist; a course claiming a Ministry-approved programme also
through the national coordinator (`MinistryProgrammeApprovalTask` skips itself for other courses).
"""

import uuid

from django.db import migrations
from django.utils import timezone

from schools import roles

CATALOGUE = {
    "bg": {
        "title": "Обучения за учители",
        "introduction": "<p>Самостоятелни онлайн обучения по интеркултурно образование. "
        "Завършените обучения носят удостоверение, а одобрените програми — "
        "квалификационни кредити.</p>",
    },
    "en": {
        "title": "Teacher courses",
        "introduction": "<p>Self-paced online courses in intercultural education. Completed "
        "courses earn a certificate, and approved programmes earn qualification credits.</p>",
    },
}
SLUG = "obucheniya"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WORKFLOW = "Преглед на обучение"  # "Course review"
METHODOLOGIST_TASK = "Одобрение от методист"  # created by curriculum.0004
MINISTRY_TASK = "Одобрение на програма на МОН"  # "Ministry programme approval"


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


def create_catalogue(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("cms", "HomePage")
    CourseIndexPage = apps.get_model("courses", "CourseIndexPage")

    content_type, _ = ContentType.objects.get_or_create(
        app_label="courses", model="courseindexpage"
    )
    key = uuid.uuid4()
    for home in HomePage.objects.select_related("locale"):
        code = home.locale.language_code
        if code not in CATALOGUE:
            continue
        existing = CourseIndexPage.objects.filter(locale_id=home.locale_id).first()
        if existing is not None:
            key = existing.translation_key
            continue
        parent = Page.objects.get(pk=home.pk)
        now = timezone.now()
        CourseIndexPage.objects.create(
            path=_next_child_path(Page, parent),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{SLUG}/",
            locale_id=parent.locale_id,
            title=CATALOGUE[code]["title"],
            draft_title=CATALOGUE[code]["title"],
            slug=SLUG,
            introduction=CATALOGUE[code]["introduction"],
            content_type=content_type,
            translation_key=key,
            show_in_menus=True,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)


def review_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    MinistryTask = apps.get_model("courses", "MinistryProgrammeApprovalTask")
    CourseIndexPage = apps.get_model("courses", "CourseIndexPage")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    methodologists = GroupApprovalTask.objects.get(name=METHODOLOGIST_TASK)
    ministry = MinistryTask.objects.filter(name=MINISTRY_TASK).first()
    if ministry is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="courses", model="ministryprogrammeapprovaltask"
        )
        ministry = MinistryTask.objects.create(
            name=MINISTRY_TASK, content_type=task_type, active=True
        )
    ministry.groups.set([Group.objects.get(name=roles.NATIONAL_COORDINATORS)])
    for order, task in enumerate([methodologists, ministry]):
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task_id=task.pk, defaults={"sort_order": order}
        )
    for index in CourseIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_course_review_workflow"),
        ("curriculum", "0005_reviewers_publish_library"),
        ("cms", "0003_roles"),
    ]
    operations = [
        migrations.RunPython(create_catalogue, migrations.RunPython.noop),
        migrations.RunPython(review_workflow, migrations.RunPython.noop),
    ]
