"""Search of the lesson-plan library that understands Bulgarian: word forms, partial words, Latin
spellings and one-letter typos, with title and keywords ranked first.

Why not the database's full-text search: SQLite's FTS5 and PostgreSQL's tsvector tokenise, stem
and rank differently (neither has a Bulgarian stemmer, neither forgives a typo), so the same query
gave different plans on the two databases. Instead each plan stores its search terms when it is
saved (`LessonPlanPage.search_terms`, built by `build_index`), and a search reads the terms of the
plans in scope in ONE query and ranks them here, in Python — identical on both databases, and
cheap for a library of hundreds or a few thousand plans (bench/curriculum_library.py measures it).

A term is the key of a word (stemmed and folded, see curriculum/bulstem.py) and the whole word
spelled like a key, so "кючека", "kyuchek" and "кючек" meet, and "пес" is a prefix of "песни".
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from .bulstem import STOPWORDS, distance, key, near, whole
from .textsearch import normalise

WORD = re.compile(r"\w+", re.UNICODE)
# A word of a text as written, with its stress marks.
TOKEN = re.compile(r"[\w\u0300-\u036f]+", re.UNICODE)
# How much a match counts, by where it is: title, keywords (topics, occasion, vocabulary,
# community), summary and outcome, the rest of the plan.
TIERS = (("t", 10.0), ("k", 6.0), ("s", 3.0), ("b", 1.0))
EXACT, PREFIX, TYPO = 1.0, 0.7, 0.5
MIN_PREFIX = 3
MIN_TYPO = 4
MAX_WORDS = 12


def _words(text: str) -> list[str]:
    return WORD.findall(normalise(strip_tags(text or "")))


def terms_of(text: str) -> set[str]:
    terms = set()
    for word in _words(text):
        if word in STOPWORDS:
            continue
        terms.add(key(word))
        terms.add(whole(word))
    return terms


def build_index(*, title: str, keywords=(), summary=(), body=()) -> dict:
    """The stored search terms of one plan, by tier; "w" maps keys to words for "did you mean"."""
    parts = {"t": [title], "k": list(keywords), "s": list(summary), "b": list(body)}
    index: dict = {}
    seen: set[str] = set()
    for tier, _weight in TIERS:
        found = terms_of(" ".join(str(p) for p in parts[tier] if p)) - seen
        index[tier] = " ".join(sorted(found))
        seen |= found
    suggestions = {}
    for word in _words(" ".join(str(p) for p in [title, *keywords, *summary] if p)):
        if len(word) > 2 and word not in STOPWORDS and not word.isdigit():
            suggestions.setdefault(key(word), word)
    index["w"] = suggestions
    return index


@lru_cache(maxsize=20_000)
def _term_set(terms: str) -> frozenset[str]:
    """A tier's stored terms as a set; the same plans are searched again and again, so the sets
    are kept (by their text) between searches instead of being split every time."""
    return frozenset(terms.split())


@dataclass
class QueryWord:
    text: str
    key: str
    whole: str

    def quality(self, term: str) -> float:
        if term in (self.key, self.whole):
            return EXACT
        if len(self.whole) >= MIN_PREFIX and (
            term.startswith(self.whole) or term.startswith(self.key)
        ):
            return PREFIX
        if len(self.key) >= MIN_TYPO and (near(self.key, term) or near(self.whole, term)):
            return TYPO
        return 0.0


def parse(query: str) -> list[QueryWord]:
    words = _words(query)[:MAX_WORDS]
    meaningful = [w for w in words if w not in STOPWORDS] or words
    return [QueryWord(w, key(w), whole(w)) for w in dict.fromkeys(meaningful)]


@dataclass
class Result:
    ids: list[int] = field(default_factory=list)
    suggestion: str = ""


def search(rows, query: str) -> Result:
    """`rows` are (pk, title, index) of the plans in scope; the ids matching every word of
    `query`, best first (then by title), and a corrected query when nothing matched."""
    words = parse(query)
    if not words:
        return Result()
    rows = [(pk, title, index or {}) for pk, title, index in rows]
    tiers = {}
    vocabulary: set[str] = set()
    for pk, title, index in rows:
        sets = [_term_set(index.get(tier) or "") for tier, _w in TIERS]
        if not any(sets):  # saved before search terms existed: its title still counts
            sets[0] = frozenset(terms_of(title))
        tiers[pk] = sets
        vocabulary.update(*sets)
    matched = []
    for word in words:
        qualities = {}
        for term in vocabulary:
            quality = word.quality(term)
            if quality:
                qualities[term] = quality
        matched.append(qualities)
    scored = []
    for pk, title, _index in rows:
        total = 0.0
        for qualities in matched:
            best = 0.0
            for (_tier, weight), terms in zip(TIERS, tiers[pk], strict=True):
                for term in qualities.keys() & terms:
                    best = max(best, weight * qualities[term])
            if not best:
                break
            total += best
        else:
            scored.append((-total, title.casefold(), pk))
    scored.sort()
    result = Result(ids=[pk for _s, _t, pk in scored])
    if not result.ids:
        result.suggestion = _suggest(words, matched, rows)
    return result


def _suggest(words, matched, rows) -> str:
    """The query with each word that matched nothing replaced by the nearest word of the
    library's titles, keywords and summaries (two letters apart at most), or ""."""
    known: dict[str, str] = {}
    for _pk, _title, index in rows:
        for word_key, word in (index.get("w") or {}).items():
            known.setdefault(word_key, word)
    changed, out = False, []
    for word, qualities in zip(words, matched, strict=True):
        if qualities or len(word.key) < MIN_PREFIX:
            out.append(word.text)
            continue
        best = min(
            ((distance(word.key, k), w) for k, w in known.items()),
            default=(99, ""),
        )
        if best[0] <= 2:
            out.append(best[1])
            changed = True
        else:
            out.append(word.text)
    return " ".join(out) if changed else ""


def matches(word: str, query_words: list[QueryWord]) -> bool:
    """Whether a word of a text answers one of the query's words (for highlighting)."""
    if word in STOPWORDS:
        return False
    word_key, word_whole = key(word), whole(word)
    return any(
        max(q.quality(word_key), q.quality(word_whole)) for q in query_words if len(q.whole) > 1
    )


def highlight(text: str, query: str) -> SafeString:
    """`text` escaped, with each word that answers the query wrapped in <mark> — word forms,
    Latin spellings and stress marks included ("кючек" marks "кючека")."""
    text = text or ""
    words = parse(query)
    if not words:
        return escape(text)
    out, last = [], 0
    for token in TOKEN.finditer(text):
        if matches(normalise(token.group()), words):
            out.append(escape(text[last : token.start()]))
            out.append(f"<mark>{escape(token.group())}</mark>")
            last = token.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped
