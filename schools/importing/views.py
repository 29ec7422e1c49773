"""Bulk import in the Wagtail admin: upload → preview with per-row errors → apply (all or nothing).

Coordinators only; the plan is made against schools.scoping.regions_visible_to(user), so a
regional coordinator can neither create nor change anything outside their regions. Between the
preview and the apply the file waits in the session (small: at most MAX_UPLOAD bytes), and it is
read and checked again on apply, because the database may have changed in between.
"""

import base64

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ops import audit
from ops.addresses import base_url
from schools import scoping

from .parsing import ImportFileError, parse_schools, parse_teachers
from .services import (
    ImportRefused,
    schools_import_apply,
    schools_import_plan,
    teachers_import_apply,
    teachers_import_plan,
)

MAX_UPLOAD = 2 * 1024 * 1024
EXTENSIONS = (".csv", ".tsv", ".txt", ".xlsx")
SESSION_KEY = "schools_import"
KINDS = {
    "schools": (parse_schools, schools_import_plan),
    "teachers": (parse_teachers, teachers_import_plan),
}


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What the file lists"),
        choices=[("schools", gettext_lazy("Schools")), ("teachers", gettext_lazy("Teachers"))],
        widget=forms.RadioSelect,
        initial="schools",
    )
    file = forms.FileField(
        label=gettext_lazy("File (CSV or XLSX)"),
        help_text=gettext_lazy(
            "The first row names the columns, in Bulgarian or English. Schools: code, name, "
            "district, municipality, settlement (kind, address, network member optional). "
            "Teachers: e-mail, first name, family name, school code (father's name, position "
            "optional)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 2 MB; split it."))
        return upload


def _require_coordinator(request):
    if not scoping.is_coordinator(request.user):
        raise PermissionDenied


def _plan(request, kind, data, filename):
    parse, plan = KINDS[kind]
    rows = parse(data, filename)
    return plan(rows=rows, regions=scoping.regions_visible_to(request.user))


def _preview(request, form, plan=None, file_error=None, status=200):
    return TemplateResponse(
        request,
        "schools/admin/import.html",
        {"form": form, "plan": plan, "file_error": file_error, "max_mb": MAX_UPLOAD // 2**20},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def import_upload(request):
    _require_coordinator(request)
    if request.method == "GET":
        return _preview(request, ImportForm())
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _preview(request, form, status=400)
    kind, upload = form.cleaned_data["kind"], form.cleaned_data["file"]
    data = upload.read()
    try:
        plan = _plan(request, kind, data, upload.name)
    except ImportFileError as error:
        return _preview(request, form, file_error=str(error), status=400)
    request.session[SESSION_KEY] = {
        "kind": kind,
        "name": upload.name,
        "data": base64.b64encode(data).decode("ascii"),
    }
    return _preview(request, ImportForm(initial={"kind": kind}), plan=plan)


@never_cache
@require_POST
def import_apply(request):
    _require_coordinator(request)
    stored = request.session.get(SESSION_KEY)
    if not stored:
        messages.error(request, _("Upload the file again: the preview has expired."))
        return redirect("schools_import")
    kind, name = stored["kind"], stored["name"]
    try:
        plan = _plan(request, kind, base64.b64decode(stored["data"]), name)
        if kind == "schools":
            result = schools_import_apply(plan=plan)
        else:
            result = teachers_import_apply(plan=plan, site_url=base_url(request))
    except (ImportFileError, ImportRefused):
        return _preview(request, ImportForm(initial={"kind": kind}), plan=plan, status=400)
    del request.session[SESSION_KEY]
    audit.record(
        instance=request.user,
        action=audit.IMPORT_SCHOOLS if kind == "schools" else audit.IMPORT_TEACHERS,
        user=request.user,
        data={"file": name, "created": result["created"], "updated": result["updated"]},
    )
    messages.success(
        request,
        _("Imported from %(name)s: %(created)d created, %(updated)d updated.")
        % {"name": name, **result},
    )
    return redirect(reverse(f"{kind}:index"))
