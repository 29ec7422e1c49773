"""Admin wiring for authoring: the review bypass log, the English translations report, and
wagtail-localize's translate view narrowed to pages the person may edit."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.admin.rich_text.editors.draftail import features as draftail_features
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import romani
from .authoring import review
from .authoring.localize import GuardedSubmitPageTranslationView
from .authoring.translations import TranslationStatusView


@hooks.register("register_log_actions")
def register_review_bypass_log(actions):
    actions.register_action(review.BYPASS_ACTION)(review.ReviewBypassFormatter)


@hooks.register("after_publish_page")
def log_direct_publish(request, page):
    scheduled = page.go_live_at is not None and page.go_live_at > timezone.now()
    review.log_review_bypass(
        page=page, user=request.user, what="schedule" if scheduled else "publish"
    )


@hooks.register("after_unpublish_page")
def log_direct_unpublish(request, page):
    review.log_review_bypass(page=page, user=request.user, what="unpublish")


@hooks.register("after_bulk_action")
def log_bulk_publishing(request, action_type, objects, action_class):
    if action_type not in ("publish", "unpublish"):
        return
    for page in objects:
        if isinstance(page, Page):
            review.log_review_bypass(page=page, user=request.user, what=action_type)


@hooks.register("register_admin_urls")
def register_authoring_urls():
    return [
        # Same address as wagtail-localize's own view, registered first, so it wins.
        path(
            "localize/submit/page/<int:page_id>/",
            GuardedSubmitPageTranslationView.as_view(),
            name="drom_submit_page_translation",
        ),
        path("translations/", TranslationStatusView.as_view(), name="drom_translations"),
        path(
            "translations/results/",
            TranslationStatusView.as_view(results_only=True),
            name="drom_translations_results",
        ),
    ]


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def register_translations_menu_item():
    return TranslationsMenuItem(
        _("English translations"),
        reverse("drom_translations"),
        name="english-translations",
        icon_name="globe",
        order=50,
    )


@hooks.register("construct_page_listing_buttons")
def only_translate_pages_you_may_edit(buttons, page, user, context=None):
    if page.permissions_for_user(user).can_edit():
        return
    translate = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    buttons[:] = [button for button in buttons if getattr(button, "url", None) != translate]


@hooks.register("register_rich_text_features")
def register_romani_feature(features):
    """A "rom" button in the editor: the selected words become <span lang="rom"> (cms.romani)."""
    features.register_editor_plugin(
        "draftail",
        romani.FEATURE,
        draftail_features.InlineStyleFeature(
            {"type": romani.STYLE, "label": "rom", "description": _("Romani words (lang=rom)")}
        ),
    )
    features.register_converter_rule(
        "contentstate",
        romani.FEATURE,
        {
            "from_database_format": {'span[lang="rom"]': InlineStyleElementHandler(romani.STYLE)},
            "to_database_format": {
                "style_map": {romani.STYLE: {"element": "span", "props": {"lang": "rom"}}}
            },
        },
    )
    features.default_features.append(romani.FEATURE)
