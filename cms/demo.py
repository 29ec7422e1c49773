"""Demo pages of the site itself: the "About Drom" and "Contact" pages in Bulgarian and English."""

from wagtail.models import Locale

from .models import HomePage, StandardPage

PAGES = [
    {
        "slug": "about",
        "show_in_menus": False,
        "bg": {
            "title": "За Дром",
            "introduction": "Дром означава „път“ на романи. Това е нашият общ път към училище, "
            "в което всяко дете се чувства у дома си.",
            "body": [
                ("heading", {"text": "За кого е Дром"}),
                (
                    "paragraph",
                    "<p>Дром е библиотека и учебна платформа за учители, образователни медиатори "
                    "и директори от мрежата от училища и детски градини, които работят за "
                    "образователна интеграция на ромските деца.</p><ul><li>Готови планове на "
                    "уроци по ромски фолклор за избираемите часове.</li><li>Песни, танци, "
                    "приказки и работни листове за класната стая.</li><li>Обучения по "
                    "интеркултурно образование със сертификат за квалификационни кредити."
                    "</li></ul>",
                ),
                (
                    "callout",
                    {
                        "title": "Безплатно и отворено",
                        "text": "<p>Библиотеката с уроци е отворена за всички, без регистрация."
                        "</p>",
                    },
                ),
            ],
        },
        "en": {
            "title": "About Drom",
            "introduction": "Drom means “road” in Romani: our shared road to a school where every "
            "child feels at home.",
            "body": [
                ("heading", {"text": "Who Drom is for"}),
                (
                    "paragraph",
                    "<p>Drom is a library and learning platform for the teachers, educational "
                    "mediators and principals of a network of schools and kindergartens working "
                    "to keep Roma children in education.</p><ul><li>Ready-to-teach Roma "
                    "folklore lesson plans for the elective class.</li><li>Songs, dances, tales "
                    "and worksheets for the classroom.</li><li>Intercultural education courses "
                    "with certificates for qualification credits.</li></ul>",
                ),
                (
                    "callout",
                    {
                        "title": "Free and open",
                        "text": "<p>The lesson library is open to everyone, no account needed.</p>",
                    },
                ),
            ],
        },
    },
    {
        "slug": "contact",
        "show_in_menus": False,
        "bg": {
            "title": "Контакти",
            "introduction": "Пишете ни, ако имате въпрос за уроците, обученията или профила си.",
            "body": [
                (
                    "paragraph",
                    "<p>Регионалният координатор за вашата област ще ви помогне с регистрацията и "
                    "с обученията. Въпроси за съдържанието на библиотеката изпращайте до екипа на "
                    "методистите.</p>",
                )
            ],
        },
        "en": {
            "title": "Contact",
            "introduction": "Write to us with any question about lessons, courses or your account.",
            "body": [
                (
                    "paragraph",
                    "<p>The regional coordinator for your district helps with sign-up and "
                    "courses. Questions about the library's content go to the methodologists' "
                    "team.</p>",
                )
            ],
        },
    },
]


def load(log) -> None:
    home_bg = HomePage.objects.get(locale__language_code="bg")
    en = Locale.objects.get(language_code="en")
    for spec in PAGES:
        page = StandardPage.objects.child_of(home_bg).filter(slug=spec["slug"]).first()
        if page is None:
            page = StandardPage(
                slug=spec["slug"], show_in_menus=spec["show_in_menus"], **spec["bg"]
            )
            home_bg.add_child(instance=page)
            page.save_revision().publish()
            log(f"page /{spec['slug']}/")
        if not page.has_translation(en):
            translation = page.copy_for_translation(en)
            for field, value in spec["en"].items():
                setattr(translation, field, value)
            translation.save_revision().publish()
            log(f"page /en/{spec['slug']}/")


SECTION_DESCRIPTIONS = {
    "LessonPlanIndexPage": {
        "bg": "Готови планове на уроци по ромски фолклор с песни, танци, приказки и работни "
        "листове — свободни за всеки учител, без регистрация.",
        "en": "Ready-to-teach Roma folklore lesson plans with songs, dances, tales and worksheets "
        "— free for every teacher, no account needed.",
    },
    "CourseIndexPage": {
        "bg": "Обучения по интеркултурно образование в удобно за вас време, с удостоверение за "
        "академични часове и квалификационни кредити.",
        "en": "Intercultural education courses at your own pace, with a certificate of academic "
        "hours and qualification credits.",
    },
}


def describe_sections(log) -> None:
    """Give the main sections the short descriptions the home page shows on their cards.

    Runs after the other apps' loaders, which create those sections.
    """
    for home in HomePage.objects.select_related("locale"):
        language = home.locale.language_code
        for page in home.get_children().live().in_menu().specific():
            text = SECTION_DESCRIPTIONS.get(type(page).__name__, {}).get(language)
            if text and not page.search_description:
                page.search_description = text
                page.save_revision().publish()
                log(f"description of {page.url_path}")
