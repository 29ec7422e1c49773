"""The page form that refuses to send a translation to review while it is still Bulgarian.

wagtail-localize (in "simple" mode) creates the English copy with the Bulgarian text in it, as a
draft. The author may save it half-translated as often as she likes; submitting it for review
with its title or summary still the Bulgarian text is refused, field by field, keeping everything
typed. The review then judges the rest.
"""

import re

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# Prose every page of that kind has in each language. Names (authors, places) and the Romani
# lyrics inside the lesson steps may rightly stay the same in both languages, so they are not here.
MUST_TRANSLATE = ("title", "summary", "introduction", "learning_outcome")
SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _plain(value) -> str:
    return re.sub(r"<[^>]+>", " ", str(value or "")).strip()


class TranslatedPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if any(self.data.get(action) for action in SUBMIT_ACTIONS):
            self._refuse_untranslated(cleaned_data)
        return cleaned_data

    def _refuse_untranslated(self, cleaned_data) -> None:
        page = self.instance
        if page.locale_id is None or page.locale.language_code == settings.LANGUAGE_CODE:
            return
        source = (
            type(page)
            .objects.filter(
                translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
            )
            .first()
        )
        if source is None:
            return
        source = source.get_latest_revision_as_object()
        for name in MUST_TRANSLATE:
            if name not in self.fields or name not in cleaned_data:
                continue
            text = _plain(cleaned_data[name])
            if text and CYRILLIC.search(text) and text == _plain(getattr(source, name, "")):
                self.add_error(
                    name,
                    _(
                        "This is still the Bulgarian text: translate it before you submit the "
                        "page for review."
                    ),
                )
