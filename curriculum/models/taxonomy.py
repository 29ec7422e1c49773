"""The library's vocabularies: topics (a snippet authors manage) and fixed choices."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class GradeBand(models.TextChoices):
    PRESCHOOL = "preschool", _("Preschool")
    GRADES_1_4 = "g1-4", _("Grades 1–4")
    GRADES_5_7 = "g5-7", _("Grades 5–7")
    GRADES_8_10 = "g8-10", _("Grades 8–10")
    GRADES_11_12 = "g11-12", _("Grades 11–12")


class Language(models.TextChoices):
    BULGARIAN = "bg", _("Bulgarian")
    ROMANI = "rom", _("Romani")
    TURKISH = "tr", _("Turkish")
    ROMANIAN = "ro", _("Romanian")
    ENGLISH = "en", _("English")


class Licence(models.TextChoices):
    CC_BY = "cc-by", _("Creative Commons Attribution (CC BY 4.0)")
    CC_BY_SA = "cc-by-sa", _("Creative Commons Attribution-ShareAlike (CC BY-SA 4.0)")
    CC_BY_NC = "cc-by-nc", _("Creative Commons Attribution-NonCommercial (CC BY-NC 4.0)")
    CC_BY_NC_SA = (
        "cc-by-nc-sa",
        _("Creative Commons Attribution-NonCommercial-ShareAlike (CC BY-NC-SA 4.0)"),
    )
    CC_BY_ND = "cc-by-nd", _("Creative Commons Attribution-NoDerivatives (CC BY-ND 4.0)")
    CC0 = "cc0", _("Public domain dedication (CC0)")
    PERMISSION = "permission", _("Used with permission")


class Occasion(models.TextChoices):
    VASILITSA = "vasilitsa", _("Vasilitsa (14 January)")
    BABINDEN = "babinden", _("Babinden (21 January)")
    ROMA_DAY = "roma-day", _("International Roma Day (8 April)")
    HERDELEZI = "herdelezi", _("Herdelezi (6 May)")
    HOLOCAUST = "holocaust", _("Roma Holocaust Memorial Day (2 August)")
    SCHOOL_START = "school-start", _("Start of the school year (15 September)")
    LANGUAGE_DAY = "language-day", _("International Day of the Romani Language (5 November)")
    CHRISTMAS = "christmas", _("Christmas and New Year")


# The day of each occasion (month, day), for the home page's "this month" calendar.
OCCASION_DAYS = {
    Occasion.VASILITSA: (1, 14),
    Occasion.BABINDEN: (1, 21),
    Occasion.ROMA_DAY: (4, 8),
    Occasion.HERDELEZI: (5, 6),
    Occasion.HOLOCAUST: (8, 2),
    Occasion.SCHOOL_START: (9, 15),
    Occasion.LANGUAGE_DAY: (11, 5),
    Occasion.CHRISTMAS: (12, 25),
}


class Genre(models.TextChoices):
    SONG = "song", _("Song")
    TALE = "tale", _("Tale")
    PROVERB = "proverb", _("Proverb")
    DANCE = "dance", _("Dance")
    HOLIDAY = "holiday", _("Holiday")
    CUSTOM = "custom", _("Custom")


class TeachingForm(models.TextChoices):
    COMPULSORY = "compulsory", _("Compulsory classes")
    ELECTIVE = "elective", _("Elective classes")
    INTEREST = "interest", _("Interest activity")
    FULL_DAY = "full-day", _("Full-day care")


class Supervision(models.TextChoices):
    NONE = "none", _("No special supervision")
    TEACHER_LED = "teacher-led", _("Teacher-led discussion only")
    PREPARED = "prepared", _("Prepare pupils and inform parents beforehand")
    SPECIALIST = "specialist", _("With a school psychologist or mediator present")


class ResourceKind(models.TextChoices):
    """What a lesson plan includes, and what kind of file a resource is."""

    SONG = "song", _("Song with recording")
    TALE = "tale", _("Tale")
    GALLERY = "gallery", _("Image gallery")
    VIDEO = "video", _("Video")
    WORKSHEET = "worksheet", _("Worksheet")
    IMAGE = "image", _("Image")
    DOCUMENT = "document", _("Document")
    AUDIO = "audio", _("Audio")


class DurationBand(models.TextChoices):
    ONE_PERIOD = "short", _("Up to one school period (≤ 45 min)")
    TWO_PERIODS = "double", _("Two periods (46–90 min)")
    LONGER = "long", _("Longer than 90 minutes")


DURATION_RANGES = {
    DurationBand.ONE_PERIOD: (0, 45),
    DurationBand.TWO_PERIODS: (46, 90),
    DurationBand.LONGER: (91, 100_000),
}


class Topic(index.Indexed, models.Model):
    """A subject area of the library. Authors keep the list (Snippets → Topics)."""

    name = models.CharField(_("name (Bulgarian)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("name_en")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        if (get_language() or "bg").startswith("en") and self.name_en:
            return self.name_en
        return self.name
