from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import routing
from .sitemaps import DromSitemap
from .views import robots_txt, service_worker

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": DromSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The offline lesson plans' service worker (static/js/sw.js), at the root for its scope.
    path("sw.js", service_worker, name="service_worker"),
    # The library's JSON API (api/v2/) and recordings' files.
    path("", include("curriculum.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Bulgarian at /, English at /en/. Wagtail's page serving stays last: it catches everything.
urlpatterns += i18n_patterns(
    path("accounts/", include("schools.urls")),
    path("learning/", include("courses.urls")),
    # Wagtail's URLs with its page view replaced by cms.routing's (remembered routes).
    path(
        "",
        include(
            [
                *wagtail_urls.urlpatterns[:-1],
                re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
            ]
        ),
    ),
    prefix_default_language=False,
)
