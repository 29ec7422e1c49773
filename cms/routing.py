"""Page routing without a query per level: a resolved address is remembered until content changes.

Wagtail walks the tree from the site's root, one query (and one more for the specific page) per
level, and looks the site and the locale up on every request. Here the answer — the site and the
page's id and type — is remembered per address (cms.caching.remember, so any publish, move or
deletion forgets it) and the page is read back in one query. Routable pages (library sub-routes)
and anything Wagtail would not route plainly go through Wagtail's own routing every time.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from .caching import remember


def _resolve(request, path):
    """(site, content type id, page id, url_path) for a plainly routed page, else None."""
    result = Page.route_for_request(request, path)
    if result is None:
        return None
    page, args, kwargs = result
    if args or kwargs or isinstance(page, RoutablePageMixin):
        return None
    return (request._wagtail_site, page.content_type_id, page.pk, page.url_path)


def serve(request, path):
    key = f"route:{request.is_secure()}:{request._get_raw_host()}:{request.LANGUAGE_CODE}:{path}"
    resolved = remember(key, lambda: _resolve(request, path))
    if resolved is not None and not hasattr(request, "_wagtail_route_for_request"):
        site, content_type_id, page_id, url_path = resolved
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=page_id, live=True).first() if model else None
        if page is not None and page.url_path == url_path:
            request._wagtail_site = site
            request._wagtail_route_for_request = RouteResult(page)
    route = Page.route_for_request(request, path)
    if route is not None:
        route[0].serving = True  # its view restrictions may be remembered (cms.caching)
    return wagtail_views.serve(request, path)
