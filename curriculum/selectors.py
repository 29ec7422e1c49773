"""Reads for the library: filtered, searched, counted and paginated lesson plans and resources.

Every function makes a fixed number of queries whatever the number of plans or resources, so the
library costs the same with 1 plan or 1,000 (tests hold it to a budget).

The library's pages import this module, so it never imports them: they hand it their plans.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from .filters import FILE_KIND_LABELS, FILE_KINDS, PLAN_KINDS, SEPTEMBER_KIT, Filters
from .models.fields import contains
from .models.files import DromDocument, DromImage, DromMedia, DromRendition
from .models.saved import SavedLessonPlan
from .models.taxonomy import (
    DURATION_RANGES,
    OCCASION_DAYS,
    DurationBand,
    GradeBand,
    Language,
    Occasion,
    ResourceKind,
    Topic,
)
from .plansearch import search as plan_search
from .textsearch import normalise_query

PER_PAGE = 12
CARD_IMAGE = "fill-480x270|format-webp"


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[Option] = field(default_factory=list)


@dataclass
class Listing:
    page: PaginatorPage
    facets: list[Facet]
    total: int
    query: str
    suggestion: str = ""


def _search_ids(queryset, query: str) -> list[int]:
    """Primary keys matching `query` in rank order, through Wagtail's search backend."""
    words = normalise_query(query)
    if not words:
        return []
    return [obj.pk for obj in queryset.search(words, operator="and")]


def _paginate(items, number) -> PaginatorPage:
    return Paginator(items, PER_PAGE).get_page(number)


# --- Lesson plans


def _plan_filter(filters: Filters, skip: str = "") -> Q:
    q = Q()
    if filters.grade and skip != "grade":
        q &= Q(grade_bands__contains=contains(filters.grade))
    if filters.topic and skip != "topic":
        q &= Q(topics__slug=filters.topic)
    if filters.occasion and skip != "occasion":
        q &= Q(occasion=filters.occasion)
    if filters.duration and skip != "duration":
        low, high = DURATION_RANGES[DurationBand(filters.duration)]
        q &= Q(duration_minutes__gte=low, duration_minutes__lte=high)
    if filters.type and skip != "type":
        q &= Q(includes__contains=contains(filters.type))
    if filters.lang and skip != "lang":
        q &= Q(languages__contains=contains(filters.lang))
    return q


def _choice_counts(queryset, field_name: str, values) -> dict[str, int]:
    aggregates = {
        f"c{i}": Count("pk", filter=Q(**{f"{field_name}__contains": contains(v)}))
        for i, v in enumerate(values)
    }
    row = queryset.aggregate(**aggregates) if aggregates else {}
    return {v: row.get(f"c{i}", 0) for i, v in enumerate(values)}


def lesson_plan_listing(*, plans: QuerySet, filters: Filters, page_number=1) -> Listing:
    """`plans` (a LessonPlanPage queryset) filtered, searched, counted per facet and paginated."""
    base = plans
    ranked: list[int] = []
    suggestion = ""
    if filters.q:
        found = plan_search(base.values_list("pk", "title", "search_terms"), filters.q)
        ranked, suggestion = found.ids, found.suggestion
        base = base.filter(pk__in=ranked)

    def scoped(skip=""):
        return base.filter(_plan_filter(filters, skip)).distinct()

    facets = _plan_facets(filters, scoped)
    results = (
        scoped()
        .select_related("cover_image")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.all()),
            Prefetch(
                "cover_image__renditions",
                queryset=DromRendition.objects.filter(filter_spec=CARD_IMAGE),
            ),
        )
        .order_by("title")
    )
    if filters.q:
        position = {pk: i for i, pk in enumerate(ranked)}
        results = sorted(results, key=lambda p: position.get(p.pk, 0))
    page = _paginate(results, page_number)
    return Listing(
        page=page,
        facets=facets,
        total=page.paginator.count,
        query=filters.q,
        suggestion=suggestion,
    )


def _options(values_labels, counts, selected) -> list[Option]:
    return [
        Option(value=str(v), label=str(label), count=counts.get(v, 0), selected=str(v) == selected)
        for v, label in values_labels
    ]


def _plan_facets(filters: Filters, scoped) -> list[Facet]:
    grade_counts = _choice_counts(scoped("grade"), "grade_bands", GradeBand.values)
    lang_counts = _choice_counts(scoped("lang"), "languages", Language.values)
    type_counts = _choice_counts(scoped("type"), "includes", [str(k) for k in PLAN_KINDS])
    occasion_counts = dict(
        scoped("occasion")
        .exclude(occasion="")
        .order_by()
        .values_list("occasion")
        .annotate(n=Count("pk"))
    )
    duration_counts = scoped("duration").aggregate(
        **{
            band.value: Count("pk", filter=Q(duration_minutes__gte=lo, duration_minutes__lte=hi))
            for band, (lo, hi) in DURATION_RANGES.items()
        }
    )
    return [
        Facet("grade", _("Grade band"), _options(GradeBand.choices, grade_counts, filters.grade)),
        _topic_facet(
            scoped("topic").order_by().values_list("topics").annotate(n=Count("pk")),
            filters,
            hide_empty_kit=True,
        ),
        Facet(
            "occasion",
            _("Occasion"),
            _options(Occasion.choices, occasion_counts, filters.occasion),
        ),
        Facet(
            "duration",
            _("Duration"),
            _options(DurationBand.choices, duration_counts, filters.duration),
        ),
        Facet(
            "type",
            _("Includes"),
            _options([(k.value, k.label) for k in PLAN_KINDS], type_counts, filters.type),
        ),
        Facet("lang", _("Language"), _options(Language.choices, lang_counts, filters.lang)),
    ]


def _topic_facet(pairs, filters: Filters, *, hide_empty_kit: bool = False) -> Facet:
    counts = {topic_id: n for topic_id, n in pairs if topic_id is not None}
    options = [
        Option(t.slug, t.label, counts.get(t.pk, 0), t.slug == filters.topic)
        for t in Topic.objects.all()
        # The September kit is documents: among lesson plans it read "(0)" and looked empty;
        # the library links to it in the resource library instead.
        if not (hide_empty_kit and t.slug == SEPTEMBER_KIT and not counts.get(t.pk))
        or t.slug == filters.topic
    ]
    return Facet("topic", _("Topic"), options)


def untranslated_plans(*, index, plans: QuerySet) -> QuerySet:
    """Live `plans` of the library's other-language versions that have no version in this one."""
    within = Q(pk__in=[])
    for other in index.get_translations().live().only("path", "depth"):
        within |= Q(path__startswith=other.path, depth=other.depth + 1)
    translated = plans.filter(locale_id=index.locale_id).values("translation_key")
    return (
        plans.live()
        .public()
        .filter(within)
        .exclude(translation_key__in=translated)
        .select_related("locale")
        .order_by("title")
    )


# --- Resources (images, documents, audio, video)


def _resource_filter(filters: Filters, skip: str = "") -> Q:
    q = Q()
    if filters.grade and skip != "grade":
        q &= Q(grade_bands__contains=contains(filters.grade))
    if filters.topic and skip != "topic":
        q &= Q(topics__slug=filters.topic)
    if filters.lang and skip != "lang":
        q &= Q(languages__contains=contains(filters.lang))
    return q


RESOURCE_SOURCES = [
    (ResourceKind.IMAGE, DromImage, {}),
    (ResourceKind.DOCUMENT, DromDocument, {}),
    (ResourceKind.AUDIO, DromMedia, {"type": "audio"}),
    (ResourceKind.VIDEO, DromMedia, {"type": "video"}),
]


def resource_listing(*, filters: Filters, page_number=1) -> Listing:
    scopes = {}
    for kind, model, extra in RESOURCE_SOURCES:
        base = model.objects.filter(**extra)
        if filters.q:
            base = base.filter(pk__in=_search_ids(model.objects.all(), filters.q))
        scopes[kind] = base

    def scoped(kind, skip=""):
        return scopes[kind].filter(_resource_filter(filters, skip)).distinct()

    selected = [k for k, _m, _e in RESOURCE_SOURCES if not filters.type or k == filters.type]
    rows = []
    for kind in selected:
        rows += [
            (title.casefold(), kind, pk) for pk, title in scoped(kind).values_list("pk", "title")
        ]
    rows.sort()
    page = _paginate(rows, page_number)
    page.object_list = _load_resources(list(page.object_list))
    return Listing(
        page=page,
        facets=_resource_facets(filters, scoped),
        total=page.paginator.count,
        query=filters.q,
    )


def _load_resources(rows) -> list:
    wanted: dict[str, list[int]] = {}
    for _title, kind, pk in rows:
        wanted.setdefault(kind, []).append(pk)
    loaded = {}
    if wanted.get(ResourceKind.IMAGE):
        images = DromImage.objects.filter(pk__in=wanted[ResourceKind.IMAGE]).prefetch_related(
            Prefetch("renditions", queryset=DromRendition.objects.filter(filter_spec=CARD_IMAGE))
        )
        loaded.update({(ResourceKind.IMAGE, o.pk): o for o in images})
    if wanted.get(ResourceKind.DOCUMENT):
        documents = DromDocument.objects.filter(pk__in=wanted[ResourceKind.DOCUMENT])
        loaded.update({(ResourceKind.DOCUMENT, o.pk): o for o in documents})
    media_ids = wanted.get(ResourceKind.AUDIO, []) + wanted.get(ResourceKind.VIDEO, [])
    if media_ids:
        for o in DromMedia.objects.filter(pk__in=media_ids):
            loaded[(ResourceKind(o.kind), o.pk)] = o
    return [loaded[(kind, pk)] for _t, kind, pk in rows if (kind, pk) in loaded]


def _resource_facets(filters: Filters, scoped) -> list[Facet]:
    def summed(counter):
        total: dict = {}
        for kind, _m, _e in RESOURCE_SOURCES:
            for key, n in counter(kind).items():
                total[key] = total.get(key, 0) + n
        return total

    grade_counts = summed(
        lambda k: _choice_counts(scoped(k, "grade"), "grade_bands", GradeBand.values)
    )
    lang_counts = summed(lambda k: _choice_counts(scoped(k, "lang"), "languages", Language.values))
    topic_pairs = summed(
        lambda k: dict(scoped(k, "topic").order_by().values_list("topics").annotate(n=Count("pk")))
    )
    type_counts = {kind: scoped(kind).count() for kind, _m, _e in RESOURCE_SOURCES}
    return [
        Facet("grade", _("Grade band"), _options(GradeBand.choices, grade_counts, filters.grade)),
        _topic_facet(topic_pairs.items(), filters),
        Facet(
            "type",
            _("Resource type"),
            _options([(k, FILE_KIND_LABELS[k]) for k in FILE_KINDS], type_counts, filters.type),
        ),
        Facet("lang", _("Language"), _options(Language.choices, lang_counts, filters.lang)),
    ]


def resource_get(*, kind: str, pk: int):
    """One resource by kind and id, or None (the caller answers 404)."""
    for source_kind, model, extra in RESOURCE_SOURCES:
        if source_kind == kind:
            return model.objects.filter(pk=pk, **extra).prefetch_related("topics").first()
    return None


def saved_plans(*, user) -> QuerySet:
    return (
        SavedLessonPlan.objects.filter(user=user, page__live=True)
        .select_related("page")
        .order_by("-created_at")
    )


# --- The home page's calendar


@dataclass
class CalendarDay:
    code: str
    label: str
    day: date
    plans: list = field(default_factory=list)


def upcoming_occasions(*, plans: QuerySet, today: date, weeks: int = 6, at_least: int = 2) -> list:
    """The occasions of the coming `weeks` (at least the next `at_least`), each with its live
    lesson plans from `plans`, in one query."""
    coming = []
    for code, (month, day) in OCCASION_DAYS.items():
        when = date(today.year, month, day)
        if when < today:
            when = date(today.year + 1, month, day)
        coming.append(CalendarDay(str(code), str(Occasion(code).label), when))
    coming.sort(key=lambda o: o.day)
    horizon = today + timedelta(weeks=weeks)
    shown = [o for o in coming if o.day <= horizon] or []
    if len(shown) < at_least:
        shown = coming[:at_least]
    by_code = {o.code: o for o in shown}
    for plan in (
        plans.live()
        .public()
        .filter(occasion__in=list(by_code))
        .only("id", "title", "url_path", "occasion", "locale_id")
        .order_by("title")
    ):
        by_code[plan.occasion].plans.append(plan)
    return shown
