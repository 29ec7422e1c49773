from ops.addresses import base_url
from schools.importing.parsing import parse_teachers
from schools.importing.services import teachers_import_apply, teachers_import_plan

from ._import_base import ImportCommand


class Command(ImportCommand):
    help = (
        "Import teachers from a CSV or XLSX file (keyed by e-mail; new teachers get an "
        "invitation to choose a password; --dry-run)."
    )
    kind = "Teachers"
    parse = staticmethod(parse_teachers)
    plan = staticmethod(teachers_import_plan)

    def apply(self, plan):
        return teachers_import_apply(plan=plan, site_url=base_url())
