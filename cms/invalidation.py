"""What makes kept anonymous pages stale: any change to something a public page shows."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models
from wagtailmedia.models import AbstractMedia

from .caching import content_changed

CONTENT_MODELS = (
    Page,
    PageViewRestriction,
    AbstractImage,
    AbstractDocument,
    AbstractMedia,
    BaseGenericSetting,
    BaseSiteSetting,
    Collection,
    Locale,
    Redirect,
    Site,
)


def shown_on_pages(model) -> bool:
    """Pages, files, settings and every snippet (topics…); never renditions (made on a view)."""
    if issubclass(model, AbstractRendition):
        return False
    return issubclass(model, CONTENT_MODELS) or model in get_snippet_models()


def _model_changed(sender, **kwargs) -> None:
    if shown_on_pages(sender):
        content_changed()


def _relation_changed(sender, instance, action, **kwargs) -> None:
    if action.startswith("post_") and shown_on_pages(type(instance)):
        content_changed()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"drom-page-cache-{signal}")
    post_save.connect(_model_changed, dispatch_uid="drom-page-cache-save")
    post_delete.connect(_model_changed, dispatch_uid="drom-page-cache-delete")
    m2m_changed.connect(_relation_changed, dispatch_uid="drom-page-cache-relations")
