from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class DromSitemap(Sitemap):
    """Every live public page in every language.

    Wagtail's own sitemap lists only the tree under the site's root page, which with i18n is the
    Bulgarian tree; the English pages live under the root's translation.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
