from django.db import migrations

from schools.geography import DISTRICTS, REGIONS


def load(apps, schema_editor):
    Region = apps.get_model("schools", "Region")
    District = apps.get_model("schools", "District")
    regions = {}
    for code, name, name_en in REGIONS:
        regions[code], _ = Region.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en}
        )
    for code, name, name_en, region in DISTRICTS:
        District.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "region": regions[region]}
        )


class Migration(migrations.Migration):
    dependencies = [("schools", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
