"""The demo's blended programme: Roma folklore in the elective hours, 16 academic hours in two
modules — one self-paced (two lessons), one seminar with a session in Sliven (held, attendance
taken) and one in Blagoevgrad (ahead, teachers booked). Its trainer is the demo trainer.

Idempotent: nothing is done once the course exists. Bookings are written directly (the demo
sends no e-mails); attendance goes through the trainer's service, which completes the course and
issues the certificates with the split of hours.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale

from schools import scoping
from schools.models import Region, User

from .. import services
from ..evaluation_blocks import questions
from ..models import (
    CourseEvaluation,
    CourseEvaluationPage,
    CourseIndexPage,
    CourseLessonPage,
    CoursePage,
    SeminarBooking,
    SeminarPage,
)
from ..models import SeminarSession as Session
from ..seminars.services import Mark, attendance_record

SLUG = "romski-folklor"
TRAINER = "trainer@drom.test"
DEMO_TEACHER = "teacher@drom.test"

COURSE = {
    "title": "Ромският фолклор в избираемите часове",
    "summary": "Одобрена програма от два модула: самостоятелна подготовка онлайн и семинар с "
    "обучител, на който учителите пеят, разказват и планират часове заедно.",
    "audience": "Учители в началния етап и прогимназията, които водят избираеми часове.",
    "academic_hours": 16,
    "estimated_duration": "6 седмици",
    "programme_name": "Ромски фолклор в избираемите учебни часове",
    "uin": "4000916",
    "credits": 1,
}
COURSE_EN = {
    "title": "Roma folklore in elective classes",
    "summary": "An approved programme in two modules: self-paced study online and a seminar "
    "with a trainer where teachers sing, tell stories and plan lessons together.",
}
LESSONS = [
    (
        "modul-1-prikazki-i-pesni",
        "Модул 1: Приказки и песни",
        "Прочетете три приказки и изслушайте две песни. Отбележете кои мотиви се повтарят и "
        "как бихте ги разказали на децата с думи, които те познават.",
    ),
    (
        "modul-1-praznitsi",
        "Модул 1: Празници през годината",
        "Василица, Хедерлез и Банго Васил: какво се прави, какво се пее и какво може да "
        "разкаже детето от своето семейство. Подгответе въпроси за родителите.",
    ),
]
SEMINAR = {
    "slug": "modul-2-seminar",
    "title": "Модул 2: Семинар „Фолклорът в класната стая“",
    "introduction": "<p>Осем академични часа с обучител: разказване, песни и игри, и по един "
    "план на урок от всеки участник. Изберете сесия в своя регион.</p>",
}
# (planning region, place, days from today, places)
SESSIONS = [
    ("BG34", "Сливен, Регионален център за подкрепа, зала 3", -12, 12),
    ("BG41", "Благоевград, Дом на културата, малка зала", 21, 15),
]


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _pages(log) -> tuple[CoursePage, list[CourseLessonPage], SeminarPage]:
    index = CourseIndexPage.objects.filter(locale__language_code="bg").first()
    course = CoursePage(slug=SLUG, **COURSE)
    index.add_child(instance=course)
    course.save_revision().publish()
    lessons = []
    for slug, title, text in LESSONS:
        lesson = CourseLessonPage(slug=slug, title=title, body=[("paragraph", f"<p>{text}</p>")])
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
        lessons.append(lesson)
    seminar = SeminarPage(mode=SeminarPage.Mode.IN_PERSON, **SEMINAR)
    course.add_child(instance=seminar)
    seminar.save_revision().publish()
    english = course.copy_for_translation(Locale.objects.get(language_code="en"))
    for field, value in COURSE_EN.items():
        setattr(english, field, value)
    english.save_revision().publish()
    log(f"course {SLUG} with a seminar")
    return course, lessons, seminar


def _teachers_of(region_code: str, count: int) -> list[User]:
    region = Region.objects.filter(code=region_code)
    return list(
        scoping.teachers()
        .filter(pk__in=scoping.teachers_in(region).values("pk"))
        .exclude(email=DEMO_TEACHER)
        .order_by("email")[:count]
    )


def load(log) -> None:
    if CoursePage.objects.filter(slug=SLUG).exists():
        return
    trainer = User.objects.get(email=TRAINER)
    course, lessons, seminar = _pages(log)
    demo_teacher = User.objects.get(email=DEMO_TEACHER)
    regions = {r.code: r for r in Region.objects.filter(code__in=[s[0] for s in SESSIONS])}
    held, ahead = (
        Session.objects.create(
            seminar=seminar,
            starts_at=_at(days, 9),
            ends_at=_at(days, 16),
            region=regions[code],
            place=place,
            trainer=trainer,
            capacity=capacity,
            academic_hours=8,
        )
        for code, place, days, capacity in SESSIONS
    )
    bookings = {}
    for session, teachers in (
        (held, [demo_teacher, *_teachers_of("BG34", 7)]),
        (ahead, _teachers_of("BG41", 6)),
    ):
        for number, teacher in enumerate(teachers):
            enrollment = services.enrollment_create(teacher=teacher, course=course)
            # Most did the self-paced module before the seminar; a few are still on it.
            for lesson in lessons[: 2 if number % 4 != 3 else 1]:
                services.lesson_complete(enrollment=enrollment, lesson=lesson)
            bookings[teacher.pk] = SeminarBooking.objects.create(
                session=session,
                seminar=seminar,
                enrollment=enrollment,
                teacher=teacher,
                status=SeminarBooking.Status.BOOKED,
            )
    # The Sliven register, as the trainer kept it: most present, one for six of eight hours,
    # one absent.
    marks = {}
    for number, booking in enumerate(b for b in bookings.values() if b.session_id == held.pk):
        attendance, hours = {5: ("partly", 6), 6: ("absent", 0)}.get(number, ("present", 0))
        marks[booking.pk] = Mark(attendance, hours)
    attendance_record(session=held, trainer=trainer, marks=marks)
    log(f"{len(bookings)} seminar bookings, attendance taken in Sliven")
    _evaluations(course)


EVALUATION = [
    {"type": "rating", "id": "polza", "value": {"text": "Доколко ще използвате наученото в час?"}},
    {
        "type": "rating",
        "id": "obuchitel",
        "value": {"text": "Как оценявате работата на обучителя?"},
    },
    {
        "type": "text",
        "id": "promyana",
        "value": {"text": "Какво бихте променили в обучението?", "required": False},
    },
]
COMMENTS = [
    "Повече време за песните — децата ги помнят най-добре.",
    "Бих искала примерни планове и за първи клас.",
    "Семинарът беше най-полезната част.",
    "",
    "Да има и онлайн среща след месец, за да споделим как е минало.",
    "Материалите за празниците ще ползвам още тази година.",
]


def _evaluations(course) -> None:
    """The form, added after the certificates above were issued, and the answers of those who
    filled it in (enough to show to coordinators: see reports' anonymity threshold)."""
    form = CourseEvaluationPage(
        slug="otsenka",
        title="Оценка на обучението",
        introduction="Пет минути, без име: отговорите помагат на авторите и обучителите.",
        questions=EVALUATION,
    )
    course.add_child(instance=form)
    form.save_revision().publish()
    completed = course.enrollments.filter(status="completed").order_by("pk")
    items = questions(form.questions)
    CourseEvaluation.objects.bulk_create(
        [
            CourseEvaluation(
                enrollment=enrollment,
                course=course,
                form=form,
                questions=items,
                answers={"polza": 5 - n % 2, "obuchitel": 4 + n % 2, "promyana": comment},
            )
            for n, (enrollment, comment) in enumerate(zip(completed, COMMENTS, strict=False))
        ]
    )
