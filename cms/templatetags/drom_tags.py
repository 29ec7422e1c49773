"""Navigation and language tags used by base.html.

They take what they need from the request and the current page, so that every template gets the
same header without views having to pass anything. What they look up is computed once per request
(and shared by the header, the footer and the alternate links): a handful of queries per page,
whatever the number of pages.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page, Site

from cms import units
from cms.caching import remember
from cms.romani import romani_html
from schools.scoping import may_use_admin

register = template.Library()


def _homes(request) -> dict[str, Page]:
    """The site's home page in each language, keyed by language code."""
    if not hasattr(request, "_drom_homes"):
        site = Site.find_for_request(request)
        homes = {}
        if site is not None:
            for page in site.root_page.get_translations(inclusive=True).select_related("locale"):
                homes[page.locale.language_code] = page
        request._drom_homes = homes
    return request._drom_homes


def _home(request) -> Page | None:
    homes = _homes(request)
    return homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE)


def _home_children(request) -> list[Page]:
    """Live public pages directly under the current language's home page, in tree order."""
    if not hasattr(request, "_drom_children"):
        home = _home(request)
        request._drom_children = (
            list(
                home.get_children()
                .live()
                .public()
                .only(
                    "id",
                    "title",
                    "url_path",
                    "path",
                    "show_in_menus",
                    "locale_id",
                    "search_description",
                )
            )
            if home
            else []
        )
    return request._drom_children


def _home_url(context) -> str:
    request = context.get("request")
    home = _home(request) if request else None
    return home.get_url(request) if home else "/"


def _language_links(context) -> list[dict]:
    request = context.get("request")
    if request is None:
        return []
    if hasattr(request, "_drom_languages"):
        return request._drom_languages
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    homes = _homes(request)
    links = []
    for code, name in settings.LANGUAGES:
        if translations:
            target = translations.get(code) or homes.get(code)
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
    request._drom_languages = links
    return links


def _menu_items(context, pages) -> list[dict]:
    request = context.get("request")
    current_path = getattr(context.get("page"), "path", "")
    return [
        {
            "title": p.title,
            "url": p.get_url(request),
            "current": bool(current_path) and current_path.startswith(p.path),
        }
        for p in pages
    ]


def _compute_navigation(context) -> dict:
    request = context.get("request")
    pages = _home_children(request) if request else []
    sections = [p for p in pages if p.show_in_menus]
    cards = _menu_items(context, sections)
    for item, page in zip(cards, sections, strict=True):
        item["description"] = page.search_description
    return {
        "home_url": _home_url(context),
        "languages": _language_links(context),
        "main": _menu_items(context, sections),
        "footer": _menu_items(context, [p for p in pages if not p.show_in_menus]),
        "cards": cards,
    }


def _navigation(context) -> dict:
    """The header's and footer's links for this page and language, remembered until content
    changes (cms.caching.remember): no query for them on most requests."""
    request = context.get("request")
    if request is None:
        return _compute_navigation(context)
    if not hasattr(request, "_drom_navigation"):
        page = context.get("page")
        where = f"page-{page.pk}" if isinstance(page, Page) and page.pk else request.get_full_path()
        key = f"nav:{request.scheme}:{request._get_raw_host()}:{get_language()}:{where}"
        request._drom_navigation = remember(key, lambda: _compute_navigation(context))
    return request._drom_navigation


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    return _navigation(context)["home_url"]


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    return {"languages": _navigation(context)["languages"]}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context) -> dict:
    return {"languages": [link for link in _navigation(context)["languages"] if link["exists"]]}


@register.inclusion_tag("includes/menu.html", takes_context=True)
def main_menu(context) -> dict:
    """Sections under the home page that editors marked "show in menus" (library, courses…)."""
    return {"items": _navigation(context)["main"]}


@register.inclusion_tag("includes/menu.html", takes_context=True)
def footer_menu(context) -> dict:
    """The other pages under the home page (about, contact)."""
    return {"items": _navigation(context)["footer"]}


@register.inclusion_tag("includes/section_cards.html", takes_context=True)
def section_cards(context) -> dict:
    """The main sections (library, courses…) as cards with their descriptions, for the home page."""
    return {"items": _navigation(context)["cards"]}


@register.simple_tag(takes_context=True)
def editing_toolbar(context, position="bottom-right") -> str:
    """Wagtail's user bar, for the people who may edit (no permission queries for the rest)."""
    request = context.get("request")
    if request is None or not may_use_admin(getattr(request, "user", None)):
        return ""
    return wagtailuserbar(context, position)


def form_problems(form) -> list[tuple[str, str]]:
    """Every error of a Django form as (id of the field to jump to, "Label: message")."""
    problems = []
    first_field = next(iter(form.visible_fields()), None)
    for message in form.non_field_errors():
        # A problem of the whole form is linked to its first field, so it is still reachable.
        problems.append((first_field.id_for_label if first_field else "", str(message)))
    for field in form.visible_fields():
        for message in field.errors:
            problems.append((field.id_for_label, f"{field.label}: {message}"))
    return problems


@register.inclusion_tag("includes/error_summary.html")
def error_summary(form=None, problems=None) -> dict:
    """The list of problems at the top of a form: each links to its field; the box takes focus
    when the page loads (autofocus, no script), so a screen reader reads it first."""
    return {"problems": problems if problems is not None else form_problems(form) if form else []}


@register.filter(name="file_size")
def file_size_filter(size):
    return units.file_size(size)


@register.filter(name="minutes")
def minutes_filter(count):
    return units.minutes(count) if count is not None else ""


@register.filter(name="long_date")
def long_date_filter(value):
    return units.long_date(value)


@register.filter(name="romani", is_safe=True)
def romani_filter(text):
    """Plain text with its [rom]…[/rom] words marked lang="rom" (cms.romani); line breaks kept."""
    return mark_safe(romani_html(str(text or "")).replace("\n", "<br>"))  # noqa: S308


@register.filter(name="romani_paragraphs", is_safe=True)
def romani_paragraphs_filter(text):
    """Like `linebreaks` (a <p> per blank-line-separated block), with [rom]…[/rom] marked."""
    blocks = [b for b in str(text or "").replace("\r\n", "\n").split("\n\n") if b.strip()]
    return mark_safe("".join(f"<p>{romani_filter(b.strip())}</p>" for b in blocks))  # noqa: S308
