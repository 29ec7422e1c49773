"""Each editorial role gets exactly the rights its work needs (README: "Who may do what").

- Page rights are given on the library and the course catalogue (both languages) only. Nobody but
  an administrator holds `publish_page`: a page goes live through its workflow's last approval
  (settings.WAGTAIL_FINISH_WORKFLOW_ACTION publishes the approved revision whoever approves).
  This migration removes the earlier site-wide rights (cms.0003) and the reviewers' publish right
  on the library (curriculum.0005).
- Upload rights: Wagtail's permission policies for a custom image, document or media model look
  up the *base* models' permissions (`auth_model="wagtailimages.Image"`, "wagtaildocs.Document",
  "wagtailmedia.Media" in `get_permission_policy()`), so `add_image` etc. are given on the root
  collection; the rows cms.0003 gave on the custom models had no effect and are removed.
- Translation: authors and methodologists may submit pages for translation (wagtail-localize);
  cms.authoring.localize narrows that to pages they may edit.
"""

from django.db import migrations

from schools import roles

LIBRARY = ("curriculum", "lessonplanindexpage")
COURSES = ("courses", "courseindexpage")
PAGE_RIGHTS = {
    roles.AUTHORS: {LIBRARY: ["add_page", "change_page"], COURSES: ["add_page", "change_page"]},
    roles.METHODOLOGISTS: {
        LIBRARY: ["add_page", "change_page"],
        COURSES: ["add_page", "change_page"],
    },
    roles.COMMUNITY_REVIEWERS: {LIBRARY: ["change_page"]},
}
IMAGE = ("wagtailimages", "image")
DOCUMENT = ("wagtaildocs", "document")
MEDIA = ("wagtailmedia", "media")
# Wagtail's ownership policy lets an uploader edit and delete her own files, and treats "delete"
# as "change". Authors upload and choose; only methodologists edit or delete others' files (pages
# that are live may use them). wagtailmedia's chooser lists only media one may change, so authors
# need change_media to pick an existing recording.
COLLECTION_RIGHTS = {
    roles.AUTHORS: {
        IMAGE: ["add_image", "choose_image"],
        DOCUMENT: ["add_document", "choose_document"],
        MEDIA: ["add_media", "change_media"],
    },
    roles.METHODOLOGISTS: {
        IMAGE: ["add_image", "change_image", "choose_image"],
        DOCUMENT: ["add_document", "change_document", "choose_document"],
        MEDIA: ["add_media", "change_media"],
    },
    # Reviewers may edit library drafts, so they pick existing files; they upload nothing.
    roles.COMMUNITY_REVIEWERS: {IMAGE: ["choose_image"], DOCUMENT: ["choose_document"]},
}
TRANSLATORS = [roles.AUTHORS, roles.METHODOLOGISTS]
CUSTOM_FILE_MODELS = ["dromimage", "dromdocument", "drommedia"]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )
    return perm


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    editorial = [roles.AUTHORS, roles.METHODOLOGISTS, roles.COMMUNITY_REVIEWERS]
    groups = {name: Group.objects.get(name=name) for name in roles.ALL}
    # Start from nothing for the editorial roles: the table above is the whole truth.
    GroupPagePermission.objects.filter(group__name__in=editorial).delete()
    GroupCollectionPermission.objects.filter(group__name__in=editorial).delete()
    # Coordinators edit no content and upload nothing.
    GroupPagePermission.objects.filter(
        group__name__in=[roles.REGIONAL_COORDINATORS, roles.NATIONAL_COORDINATORS, roles.TEACHERS]
    ).delete()
    GroupCollectionPermission.objects.filter(
        permission__content_type__app_label="curriculum",
        permission__content_type__model__in=CUSTOM_FILE_MODELS,
    ).delete()

    for name, sections in PAGE_RIGHTS.items():
        for (app_label, model), codenames in sections.items():
            pages = Page.objects.filter(
                content_type__app_label=app_label, content_type__model=model
            )
            for page in pages:
                for codename in codenames:
                    GroupPagePermission.objects.get_or_create(
                        group=groups[name],
                        page=page,
                        permission=permission(apps, "wagtailcore", "page", codename),
                    )

    root_collection = Collection.objects.get(depth=1)
    for name, models in COLLECTION_RIGHTS.items():
        for (app_label, model), codenames in models.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name],
                    collection=root_collection,
                    permission=permission(apps, app_label, model, codename),
                )

    submit = permission(apps, "wagtail_localize", "translation", "submit_translation")
    for name in TRANSLATORS:
        groups[name].permissions.add(submit)


def name_root_collection(apps, schema_editor):
    """Wagtail names the top collection "Root"; staff see it in every file form and chooser."""
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name="Root").update(name="Всички файлове")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_roles"),
        ("courses", "0004_course_catalogue_and_review"),
        ("curriculum", "0005_reviewers_publish_library"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]
    operations = [
        migrations.RunPython(grant, migrations.RunPython.noop),
        migrations.RunPython(name_root_collection, migrations.RunPython.noop),
    ]
