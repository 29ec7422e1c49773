"""The certificate register in the Wagtail admin, for national coordinators only.

Listing, filters and export come from Wagtail's ModelViewSet; revoking and the ZIP of many
certificates are two small views next to it. The permission policy ignores Django model
permissions on purpose: the register is a national coordinator's duty, not an admin's perk.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_filters import DateFromToRangeFilter
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton, MenuItem
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from ops.downloads import download_request
from ops.spreadsheets import SafeSpreadsheetExportMixin
from schools import scoping
from schools.models import User

from . import services
from .models import Certificate
from .tasks import build_certificates_zip


class NationalCoordinatorPolicy(BasePermissionPolicy):
    """View-only register for national coordinators; nobody adds, edits or deletes here."""

    def user_has_permission(self, user, action):
        return action == "view" and scoping.can_manage_certificates(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return User.objects.none()
        return scoping.national_coordinators()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(Certificate, NationalCoordinatorPolicy(Certificate), exact_class=True)


class CertificateHistoryView(HistoryView):
    """The certificate's audit entries (issued, revoked): for whoever may view the register."""

    any_permission_required = ["view"]


class CertificateIndexView(SafeSpreadsheetExportMixin, IndexView):
    @property
    def header_buttons(self):
        query = self.request.GET.urlencode()
        url = reverse("courses_certificates_zip") + (f"?{query}" if query else "")
        return [HeaderButton(_("Download these certificates (ZIP)"), url=url, icon_name="download")]

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons.append(
            MenuItem(
                _("PDF"),
                url=reverse("courses:certificate_pdf", args=[instance.number]),
                icon_name="doc-full",
                priority=5,
            )
        )
        if not instance.is_revoked:
            buttons.append(
                MenuItem(
                    _("Revoke"),
                    url=reverse("courses_certificate_revoke", args=[instance.pk]),
                    icon_name="cross",
                    priority=40,
                )
            )
        return buttons


class CertificateFilterSet(WagtailFilterSet):
    """The register's filters, which also choose what the ZIP download contains."""

    completed_on = DateFromToRangeFilter(
        label=gettext_lazy("Completed between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Certificate
        fields = ["course_title", "year", "completed_on"]


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Certificate register")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = CertificateIndexView
    history_view_class = CertificateHistoryView
    inspect_view_enabled = True
    list_display = [
        "number",
        "holder_name",
        "school_name",
        "course_title",
        "issued_at",
        "hours",
        "credits",
        "revoked_at",
    ]
    filterset_class = CertificateFilterSet
    search_fields = ["number", "holder_name", "school_name", "school_code", "course_title"]
    list_export = [
        "number",
        "issued_at",
        "holder_name",
        "position",
        "school_name",
        "school_code",
        "town",
        "district",
        "course_title",
        "programme_name",
        "uin",
        "provider",
        "started_on",
        "completed_on",
        "hours",
        "credits",
        "revoked_at",
        "revocation_reason",
    ]
    export_filename = "certificates"
    inspect_view_fields_exclude = ["code", "enrollment", "revoked_by"]
    exclude_form_fields = ["enrollment", "code"]


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"), max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )


def _require_national(request):
    if not scoping.can_manage_certificates(request.user):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def certificate_revoke(request, pk: int):
    _require_national(request)
    certificate = get_object_or_404(Certificate, pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.certificate_revoke(
            certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request, _("Certificate %(number)s is revoked.") % {"number": certificate.number}
        )
        return redirect("certificates:index")
    return TemplateResponse(
        request,
        "courses/admin/revoke.html",
        {"certificate": certificate, "form": form, "page_title": _("Revoke a certificate")},
    )


@require_http_methods(["GET", "POST"])
def certificate_zip(request):
    """GET: how many certificates the register's filters select; POST: a task builds the ZIP
    and the coordinator follows it on the download's status page."""
    _require_national(request)
    filters = CertificateFilterSet(request.GET, queryset=Certificate.objects.all())
    certificates = filters.qs if filters.is_valid() else Certificate.objects.none()
    ids = list(certificates.order_by("year", "serial").values_list("pk", flat=True))
    if request.method == "POST":
        download = download_request(
            user=request.user,
            kind="certificates_zip",
            title=_("Certificates (ZIP of %(count)s)") % {"count": len(ids)},
            filename="certificates.zip",
            content_type="application/zip",
            parameters={"certificate_ids": ids},
            task=build_certificates_zip,
        )
        return redirect("ops_download", pk=download.pk)
    return TemplateResponse(
        request,
        "courses/admin/certificates_zip.html",
        {"count": len(ids), "page_title": _("Download these certificates (ZIP)")},
    )


def certificate_admin_urls():
    return [
        path(
            "certificates/<int:pk>/revoke/",
            certificate_revoke,
            name="courses_certificate_revoke",
        ),
        path("certificates-zip/", certificate_zip, name="courses_certificates_zip"),
    ]
