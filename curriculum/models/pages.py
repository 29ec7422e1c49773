"""The library's pages: the lesson plan library (with "My lesson plans") and the resource library.

The lesson plan itself is in curriculum.models.lesson_plan.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.authoring.forms import TranslatedPageForm
from curriculum import selectors
from curriculum.caching import CachedForAnonymousMixin, private
from curriculum.filters import FILE_KINDS, SEPTEMBER_KIT, parse_filters

from .lesson_plan import LessonPlanPage

__all__ = [
    "CachedForAnonymousMixin",
    "LessonPlanIndexPage",
    "LessonPlanPage",
    "ResourceLibraryPage",
]


class LessonPlanIndexPage(CachedForAnonymousMixin, RoutablePageMixin, Page):
    """The library: every lesson plan, with filters, search and pagination."""

    base_form_class = TranslatedPageForm

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["curriculum.LessonPlanPage", "curriculum.ResourceLibraryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("lesson plan library")

    @path("")
    def library(self, request):
        filters = parse_filters(request.GET)
        listing = selectors.lesson_plan_listing(
            plans=self.lesson_plans(), filters=filters, page_number=request.GET.get("page")
        )
        untranslated = []
        if not self.locale.language_code.startswith(settings.LANGUAGE_CODE):
            untranslated = list(
                selectors.untranslated_plans(index=self, plans=LessonPlanPage.objects.all())[:50]
            )
        resources = self.get_children().type(ResourceLibraryPage).live().first()
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "listing": listing,
                "untranslated": untranslated,
                "resource_library": resources,
                "kit_topic": SEPTEMBER_KIT,
            },
        )

    def lesson_plans(self):
        """The plans this library lists: live, public, its own children."""
        return LessonPlanPage.objects.child_of(self).live().public()

    @path("my/")
    def my_lesson_plans(self, request):
        if not request.user.is_authenticated:
            return private(redirect_to_login(request.get_full_path()))
        response = self.render(
            request,
            template="curriculum/my_lesson_plans.html",
            context_overrides={"saved": list(selectors.saved_plans(user=request.user))},
        )
        return private(response)


class ResourceLibraryPage(CachedForAnonymousMixin, RoutablePageMixin, Page):
    """Every image, document, recording and video of the library, and a page for each one."""

    base_form_class = TranslatedPageForm

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["curriculum.LessonPlanIndexPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resource library")

    @path("")
    def resources(self, request):
        filters = parse_filters(request.GET, kinds=FILE_KINDS)
        listing = selectors.resource_listing(filters=filters, page_number=request.GET.get("page"))
        return self.render(request, context_overrides={"filters": filters, "listing": listing})

    @path("<str:kind>/<int:pk>/")
    def resource(self, request, kind, pk):
        resource = selectors.resource_get(kind=kind, pk=pk)
        if resource is None:
            raise Http404
        return self.render(
            request,
            template="curriculum/resource_detail.html",
            context_overrides={"resource": resource, "topics": list(resource.topics.all())},
        )

    def resource_url(self, resource, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage(
            "resource", kwargs={"kind": resource.kind, "pk": resource.pk}
        )
