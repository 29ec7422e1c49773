from functools import cache

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /en/accounts/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@cache
def _worker_source() -> bytes:
    with open(finders.find("js/sw.js"), "rb") as source:
        return source.read()


@require_GET
def service_worker(request):
    """static/js/sw.js from the site's root, so that its scope covers every page (a static
    file's address changes with each deploy and sits under /static/)."""
    response = HttpResponse(_worker_source(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["X-Content-Type-Options"] = "nosniff"
    # Browsers look for a new worker at most daily anyway; no-cache makes a deploy reach them.
    response["Cache-Control"] = "no-cache"
    return response
