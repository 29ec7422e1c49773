"""Template helpers of the library: search highlighting and resource links."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Locale, Page

from curriculum import selectors
from curriculum.filters import SEPTEMBER_KIT
from curriculum.models import LessonPlanIndexPage, LessonPlanPage, ResourceLibraryPage
from curriculum.plansearch import highlight as highlight_text

register = template.Library()


@register.filter
def highlight(text, query):
    """The text with the words of the search query marked (case and stress ignored)."""
    return highlight_text(str(text or ""), query or "")


@register.filter
def querystring_with(filters, query):
    """The library's filters with the search words replaced, for a "did you mean" link."""
    return filters.querystring(q=query)


@register.filter
def querystring_without(filters, name):
    """The library's filters without one of them, for its removable chip."""
    return filters.without(name).querystring()


@register.filter
def querystring_only_query(filters):
    return filters.querystring(
        **dict.fromkeys(("grade", "topic", "occasion", "duration", "type", "lang"), "")
    )


@register.simple_tag
def selected_options(facets):
    """(facet, option) for every filter in use."""
    return [(facet, option) for facet in facets for option in facet.options if option.selected]


@register.simple_tag(takes_context=True)
def resource_url(context, library, resource):
    if library is None:
        return ""
    return library.resource_url(resource, context.get("request"))


@register.filter
def extension(file) -> str:
    name = getattr(file, "name", "") or ""
    return name.rsplit(".", 1)[-1].upper() if "." in name else ""


@register.filter
def localized(resource, field):
    """A resource's `field` in the active language; `.lang` is "bg" when it falls back to the
    Bulgarian text, for a lang attribute: `{% with t=r|localized:"title" %}<h1{% if t.lang %}
    lang="{{ t.lang }}"{% endif %}>{{ t }}</h1>{% endwith %}`."""
    if not hasattr(resource, "localized"):
        return getattr(resource, field, "") if resource else ""
    return resource.localized(field)


@register.inclusion_tag("curriculum/includes/this_month.html", takes_context=True)
def this_month(context) -> dict:
    """The home page's calendar: the Roma and Bulgarian occasions of the coming weeks with the
    library's plans for each, and the September kit — two queries (the plans, the two library
    pages), in the home page's own language."""
    request = context.get("request")
    page = context.get("page")
    locale_id = page.locale_id if page is not None else Locale.get_active().pk
    plans = LessonPlanPage.objects.filter(locale_id=locale_id)
    libraries = {
        p.content_type_id: p
        for p in Page.objects.live()
        .type(LessonPlanIndexPage, ResourceLibraryPage)
        .filter(locale_id=locale_id)
        .only("id", "url_path", "content_type_id", "locale_id", "depth", "path")
    }
    library = libraries.get(ContentType.objects.get_for_model(LessonPlanIndexPage).pk)
    resources = libraries.get(ContentType.objects.get_for_model(ResourceLibraryPage).pk)
    return {
        "request": request,
        "occasions": selectors.upcoming_occasions(plans=plans, today=timezone.localdate()),
        "library": library,
        "kit_url": f"{resources.get_url(request)}?topic={SEPTEMBER_KIT}" if resources else "",
    }
