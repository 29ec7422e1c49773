"""Navigation and language tags used by base.html.

They take what they need from the request and the current page, so that every template gets the
same header without views having to pass anything.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from cms.models import StandardPage

register = template.Library()


def _site_root(request) -> Page | None:
    site = Site.find_for_request(request)
    return site.root_page if site else None


def _home_for(request, language_code: str) -> Page | None:
    root = _site_root(request)
    if root is None:
        return None
    if root.locale.language_code == language_code:
        return root
    return root.get_translation_or_none(Locale.objects.filter(language_code=language_code).first())


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    request = context.get("request")
    home = _home_for(request, get_language()) if request else None
    return home.get_url(request) if home else "/"


def _language_links(context) -> list[dict]:
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    links = []
    for code, name in settings.LANGUAGES:
        if translations:
            target = translations.get(code) or _home_for(request, code)
            url = target.get_url(request) if target else "/"
        else:
            # Not a Wagtail page (log in, account…): the same URL under the other language prefix.
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
                "exists": not translations or code in translations,
            }
        )
    return links


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    return {"languages": _language_links(context)}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context) -> dict:
    return {"languages": [link for link in _language_links(context) if link["exists"]]}


def _menu_items(context, pages) -> list[dict]:
    request = context.get("request")
    current = context.get("page")
    current_path = getattr(current, "path", "")
    items = []
    for p in pages:
        items.append(
            {
                "title": p.title,
                "url": p.get_url(request),
                "current": bool(current_path) and current_path.startswith(p.path),
            }
        )
    return items


@register.inclusion_tag("includes/menu.html", takes_context=True)
def main_menu(context) -> dict:
    request = context.get("request")
    home = _home_for(request, get_language()) if request else None
    if home is None:
        return {"items": []}
    pages = home.get_children().live().in_menu().public().only("id", "title", "url_path", "path")
    return {"items": _menu_items(context, pages)}


@register.inclusion_tag("includes/menu.html", takes_context=True)
def footer_menu(context) -> dict:
    """Plain content pages (about, contact) that are not already in the main menu."""
    request = context.get("request")
    home = _home_for(request, get_language()) if request else None
    if home is None:
        return {"items": []}
    pages = (
        StandardPage.objects.child_of(home)
        .live()
        .public()
        .filter(show_in_menus=False)
        .only("id", "title", "url_path", "path")
    )
    return {"items": _menu_items(context, pages)}
