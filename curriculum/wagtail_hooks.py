"""Admin screens of the library: the topic list as a snippet authors manage."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ops import erasure as ops_erasure

from . import erasure
from .feedback import may_read
from .feedback_admin import FeedbackViewSet
from .models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "name_en", "slug", "sort_order"]
    list_export = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]
    ordering = ["sort_order", "name"]


register_snippet(TopicViewSet)


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read(request.user)


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return FeedbackViewSet()


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        _("“I taught this” feedback"),
        reverse("plan_feedback:index"),
        icon_name="comment",
        order=59,
    )


for _rule in (erasure.erase_saved_plans, erasure.erase_plan_feedback, erasure.keep_library_files):
    hooks.register(ops_erasure.HOOK, _rule)
