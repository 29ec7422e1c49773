"""The library's filters, read from GET parameters. Unknown values are ignored, never an error:
a stale or hand-edited link still shows a sensible list."""

from dataclasses import asdict, dataclass, replace

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .models.taxonomy import DurationBand, GradeBand, Language, Occasion, ResourceKind

PLAN_KINDS = [
    ResourceKind.SONG,
    ResourceKind.TALE,
    ResourceKind.GALLERY,
    ResourceKind.VIDEO,
    ResourceKind.WORKSHEET,
]
FILE_KINDS = [ResourceKind.IMAGE, ResourceKind.DOCUMENT, ResourceKind.AUDIO, ResourceKind.VIDEO]
FILE_KIND_LABELS = {
    ResourceKind.IMAGE: _("Images"),
    ResourceKind.DOCUMENT: _("Documents"),
    ResourceKind.AUDIO: _("Audio"),
    ResourceKind.VIDEO: _("Video"),
}
MAX_QUERY_LENGTH = 200
# The topic of the documents a teacher needs in September (application forms, the annual plan):
# made by migration 0004; a kit of documents, not of lesson plans.
SEPTEMBER_KIT = "september-kit"


@dataclass(frozen=True)
class Filters:
    grade: str = ""
    topic: str = ""
    occasion: str = ""
    duration: str = ""
    type: str = ""
    lang: str = ""
    q: str = ""

    def without(self, name: str) -> "Filters":
        return replace(self, **{name: ""})

    @property
    def active(self) -> bool:
        return any(asdict(self).values())

    def querystring(self, **changes) -> str:
        params = QueryDict(mutable=True)
        for key, value in {**asdict(self), **changes}.items():
            if value:
                params[key] = value
        return params.urlencode()


def parse_filters(params, *, kinds=PLAN_KINDS, topic_slugs=None) -> Filters:
    def pick(name, allowed):
        value = (params.get(name) or "").strip()
        return value if value in allowed else ""

    topic = (params.get("topic") or "").strip()[:100]
    if topic_slugs is not None and topic not in topic_slugs:
        topic = ""
    return Filters(
        grade=pick("grade", GradeBand.values),
        topic=topic,
        occasion=pick("occasion", Occasion.values),
        duration=pick("duration", DurationBand.values),
        type=pick("type", [str(k) for k in kinds]),
        lang=pick("lang", Language.values),
        q=" ".join((params.get("q") or "").split())[:MAX_QUERY_LENGTH],
    )
