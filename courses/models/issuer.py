"""Who issues the certificates: the organisation's details, logo and signatory (a site setting).

National coordinators edit it in Settings → "Certificate issuer" (schools.scoping decides, through
the setting's permission policy; their group also holds the change permission, by migration).
Each certificate keeps a copy of these details as they were on the day it was issued
(`Certificate.issuer`), so a later change of head never rewrites old documents; only the logo is
read when a PDF is drawn.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site
from wagtail.permission_policies.sites import SitePermissionPolicy

from schools import scoping


class NationalCoordinatorsEdit(SitePermissionPolicy):
    """Who may edit the issuer: schools.scoping decides (national coordinators), not admin
    rights — the details are printed on every certificate."""

    def user_has_any_permission(self, user, actions):
        return "change" in actions and scoping.is_national(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions)

    def sites_user_has_any_permission_for(self, user, actions):
        allowed = self.user_has_any_permission(user, actions)
        return Site.objects.all() if allowed else Site.objects.none()

    def users_with_any_permission(self, actions):
        if "change" not in actions:
            return scoping.national_coordinators().none()
        return scoping.national_coordinators()


@register_setting(icon="doc-full")
class CertificateIssuer(BaseSiteSetting):
    name = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("As registered. Empty: the course's provider is printed."),
    )
    name_en = models.CharField(_("organisation in English"), max_length=200, blank=True)
    identifier = models.CharField(_("UIC / BULSTAT"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    address_en = models.CharField(_("address in English"), max_length=300, blank=True)
    website = models.CharField(_("website or e-mail"), max_length=200, blank=True)
    place = models.CharField(
        _("place of issue"), max_length=100, blank=True, help_text=_("For example: София.")
    )
    head_name = models.CharField(_("name of the head"), max_length=200, blank=True)
    head_position = models.CharField(
        _("position of the head"),
        max_length=200,
        blank=True,
        help_text=_("For example: Председател."),
    )
    head_position_en = models.CharField(
        _("position of the head in English"),
        max_length=200,
        blank=True,
        help_text=_("For example: Chair."),
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("name_en"),
                FieldPanel("identifier"),
                FieldPanel("address"),
                FieldPanel("address_en"),
                FieldPanel("website"),
                FieldPanel("logo"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("head_name"),
                FieldPanel("head_position"),
                FieldPanel("head_position_en"),
                FieldPanel("place"),
            ],
            heading=_("Signatory"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate issuer")

    SNAPSHOT_FIELDS = (
        "name",
        "name_en",
        "identifier",
        "address",
        "address_en",
        "website",
        "place",
        "head_name",
        "head_position",
        "head_position_en",
    )

    @classmethod
    def get_permission_policy(cls):
        return NationalCoordinatorsEdit(cls)

    @classmethod
    def current(cls) -> "CertificateIssuer":
        """The setting of the default site (certificates are issued outside any request)."""
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if site is None:
            return cls()
        return cls.for_site(site)

    def snapshot(self, *, provider: str) -> dict:
        data = {field: getattr(self, field) for field in self.SNAPSHOT_FIELDS}
        data["name"] = data["name"] or provider
        return data
