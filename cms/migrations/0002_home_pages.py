"""Replace Wagtail's welcome page with Drom's home page in Bulgarian and its English translation."""

import uuid

from django.db import migrations
from django.utils import timezone

HOME = {
    "bg": {
        "title": "Дром",
        "intro": "<p>Уроци по ромски фолклор и обучения по интеркултурно образование за учители.</p>",
    },
    "en": {
        "title": "Drom",
        "intro": "<p>Roma folklore lesson plans and intercultural education courses for teachers.</p>",
    },
}


def create_home_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("cms", "HomePage")

    if HomePage.objects.exists():
        return
    locales = {}
    for code in ("bg", "en"):
        locales[code], _ = Locale.objects.get_or_create(language_code=code)

    # Wagtail's initial data: a "Welcome" page at 00010001 and a site pointing to it.
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    root = Page.objects.get(depth=1)

    content_type, _ = ContentType.objects.get_or_create(app_label="cms", model="homepage")
    key = uuid.uuid4()
    now = timezone.now()
    homes = {}
    for index, code in enumerate(("bg", "en"), start=1):
        homes[code] = HomePage.objects.create(
            title=HOME[code]["title"],
            draft_title=HOME[code]["title"],
            # Distinct slugs: Wagtail tells the language trees apart by their root's url_path.
            slug="home" if code == "bg" else f"home-{code}",
            intro=HOME[code]["intro"],
            content_type=content_type,
            path=f"0001{index:04d}",
            depth=2,
            numchild=0,
            url_path="/home/" if code == "bg" else f"/home-{code}/",
            locale=locales[code],
            translation_key=key,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
    root.numchild = 2
    root.save(update_fields=["numchild"])
    Site.objects.create(
        hostname="localhost", port=80, root_page=homes["bg"], is_default_site=True, site_name="Дром"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_home_pages, migrations.RunPython.noop)]
