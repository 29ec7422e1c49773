"""Which pages an author may edit lack an English version, or have one that is out of date.

One annotated query answers it for any number of pages: each Bulgarian page of the library and
the course catalogue carries its English copy's id, live state and last publication, and a
status computed in the database (so the report filters and paginates on it).
"""

import django_filters
from django.conf import settings
from django.db.models import Case, CharField, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

TRANSLATION = "en"


class Status:
    MISSING = "missing"
    DRAFT = "draft"
    OUTDATED = "outdated"
    CURRENT = "current"

    choices = [
        (MISSING, _("No English version")),
        (DRAFT, _("English draft, not yet published")),
        (OUTDATED, _("English out of date")),
        (CURRENT, _("English up to date")),
    ]
    labels = dict(choices)


def authoring_sections() -> Q:
    """The library and the course catalogue, where authors work (in the source language)."""
    roots = Page.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE,
        content_type__app_label__in=["curriculum", "courses"],
        content_type__model__in=["lessonplanindexpage", "courseindexpage"],
    ).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in roots:
        condition |= Q(path__startswith=path)
    return condition


def pages_with_translation_status(*, user) -> QuerySet:
    """Bulgarian pages of the library and courses that `user` may edit, with English status."""
    english = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=TRANSLATION
    )
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    return (
        editable.filter(authoring_sections(), locale__language_code=settings.LANGUAGE_CODE)
        .annotate(
            english_id=Subquery(english.values("pk")[:1]),
            english_live=Subquery(english.values("live")[:1]),
            english_published_at=Subquery(english.values("last_published_at")[:1]),
        )
        .annotate(
            translation_status=Case(
                When(english_id__isnull=True, then=Value(Status.MISSING)),
                When(english_live=False, then=Value(Status.DRAFT)),
                When(last_published_at__gt=F("english_published_at"), then=Value(Status.OUTDATED)),
                default=Value(Status.CURRENT),
                output_field=CharField(),
            )
        )
        .select_related("content_type")
        .order_by("path")
    )


class TranslationStatusFilterSet(WagtailFilterSet):
    translation_status = django_filters.ChoiceFilter(
        label=_("English version"), choices=Status.choices, empty_label=_("Any")
    )

    class Meta:
        model = Page
        fields = []


def _english_link(page) -> str:
    if page.english_id:
        return reverse("wagtailadmin_pages:edit", args=[page.english_id])
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


class TranslationStatusView(ReportView):
    page_title = _("English translations")
    header_icon = "globe"
    index_url_name = "drom_translations"
    index_results_url_name = "drom_translations_results"
    filterset_class = TranslationStatusFilterSet
    # Shown to everyone who may edit pages; the queryset narrows to what they may edit.
    any_permission_required = ["change"]
    permission_policy = PagePermissionPolicy()
    paginate_by = 50
    columns = [
        TitleColumn(
            "title",
            label=_("Page (Bulgarian)"),
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        Column(
            "type",
            label=_("Type"),
            accessor=lambda page: page.content_type.model_class()._meta.verbose_name,
        ),
        DateColumn("last_published_at", label=_("Bulgarian published")),
        DateColumn("english_published_at", label=_("English published")),
        StatusTagColumn(
            "translation_status",
            label=_("English version"),
            accessor=lambda page: Status.labels[page.translation_status],
            primary=lambda page: page.translation_status == Status.CURRENT,
        ),
        TitleColumn(
            "action",
            label=_("Action"),
            accessor=lambda page: (
                _("Edit the English version") if page.english_id else _("Translate into English")
            ),
            get_url=_english_link,
        ),
    ]

    def get_queryset(self):
        return pages_with_translation_status(user=self.request.user)
