"""Template helpers of the library: search highlighting and resource links."""

from django import template

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
