from schools.importing.parsing import parse_schools
from schools.importing.services import schools_import_apply, schools_import_plan

from ._import_base import ImportCommand


class Command(ImportCommand):
    help = "Import schools from a CSV or XLSX file (keyed by institution code; --dry-run)."
    kind = "Schools"
    parse = staticmethod(parse_schools)
    plan = staticmethod(schools_import_plan)

    def apply(self, plan):
        return schools_import_apply(plan=plan)
