"""wagtail-localize's "Translate this page", narrowed to pages the person may edit.

wagtail-localize asks only for its global `submit_translation` permission, so an author holding it
could create English copies anywhere in the site. Here she translates a page she may edit, into a
section where she may add pages. The copy is a draft (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
is off) that goes live through the section's review workflow like any page.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail_localize.views.submit_translations import SubmitPageTranslationView


class GuardedSubmitPageTranslationView(SubmitPageTranslationView):
    def get_object(self):
        page = super().get_object()
        if not page.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        return page

    def form_valid(self, form):
        user = self.request.user
        parent = self.object.get_parent()
        for locale in form.cleaned_data["locales"]:
            target_parent = parent.get_translation_or_none(locale)
            if (
                target_parent is None
                or not target_parent.permissions_for_user(user).can_add_subpage()
            ):
                form.add_error(
                    "locales",
                    _(
                        "You may not add pages to “%(section)s” in %(language)s. Ask a "
                        "methodologist to translate the section first."
                    )
                    % {
                        "section": parent.get_admin_display_title(),
                        "language": locale.get_display_name(),
                    },
                )
                return self.render_to_response(self.get_context_data(form=form))
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None)
        context = super().get_context_data(**kwargs)
        if form is not None:
            context["form"] = form
        return context
