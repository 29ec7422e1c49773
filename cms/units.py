"""Numbers as Bulgarians read them, for pages and PDFs alike: sizes ("168,8 КБ" with a Cyrillic
К and a decimal comma), durations ("40 мин.") and dates ("1 септември 2026 г.").

Django's own `filesizeformat` comes out as "168,8 KБ" in Bulgarian (its catalogue spells the K in
Latin), and a PDF built outside a request printed "40 min"; every size, duration and date the
library shows goes through these helpers instead, in the active language.
"""

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

KB = 1024


def file_size(size: int | None) -> str:
    if not size:
        return ""
    if size < KB:
        return ngettext("%(size)s byte", "%(size)s bytes", size) % {"size": size}
    units = [_("%(size)s KB"), _("%(size)s MB"), _("%(size)s GB")]
    power = 1
    while power < len(units) and size >= KB ** (power + 1):
        power += 1
    value = number_format(round(size / KB**power, 1), decimal_pos=1)
    return units[power - 1] % {"size": value}


def minutes(count: int) -> str:
    return ngettext("%(count)s min", "%(count)s min", count) % {"count": count}


def long_date(value) -> str:
    """ "1 септември 2026 г." in Bulgarian (cms/formats/bg), "Sept. 1, 2026" in English."""
    return date_format(value, "DATE_FORMAT") if value else ""
