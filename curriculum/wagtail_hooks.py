"""Admin screens of the library: the topic list as a snippet authors manage."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ops import erasure as ops_erasure

from . import erasure
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


for _rule in (erasure.erase_saved_plans, erasure.keep_library_files):
    hooks.register(ops_erasure.HOOK, _rule)
