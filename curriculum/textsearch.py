"""Bulgarian text as the search index sees it: lower case, without stress marks.

Teachers type "Василица", "василица" or "ВАСИЛИЦА", and song texts mark stress ("Васи́лица").
Both the indexed text and the query go through `normalise`, so matching does not depend on the
database's collation (SQLite's FTS5 and PostgreSQL's tsvector treat Cyrillic case and combining
accents differently) — the same words match on both.
"""

import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

# Combining grave and acute accents mark stress in Bulgarian and Romani texts; "й" and "ѝ" keep
# their own letters because NFC composes them back.
STRESS_MARKS = {"\u0300", "\u0301"}
WORD = re.compile(r"\w+", re.UNICODE)


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    kept = "".join(c for c in decomposed if c not in STRESS_MARKS)
    return unicodedata.normalize("NFC", kept).casefold()


def normalise(text: str) -> str:
    return "".join(_fold_char(c) for c in unicodedata.normalize("NFD", text or "")) if text else ""


def normalise_query(query: str) -> str:
    """The words of a query, normalised, at most 12 (a longer query is not a search)."""
    return " ".join(WORD.findall(normalise(query))[:12])


def searchable(*parts) -> str:
    """Index text from several values (strings or rich text), normalised."""
    return normalise(" ".join(strip_tags(str(p)) for p in parts if p))


def highlight(text: str, query: str) -> SafeString:
    """`text` escaped, with every word of `query` wrapped in <mark>, ignoring case and stress."""
    terms = [t for t in WORD.findall(normalise(query)) if len(t) > 1]
    text = text or ""
    if not terms:
        return escape(text)
    # Normalise character by character, remembering where each folded character came from, so
    # that matches found in the folded text can be marked in the original.
    folded, origin = [], []
    position = 0
    for cluster in re.finditer(r".[\u0300-\u036f]*", text, re.DOTALL):
        piece = _fold_char(cluster.group())
        folded.append(piece)
        origin.extend([cluster.start()] * len(piece))
        position = cluster.end()
    folded_text = "".join(folded)
    origin.append(position)
    spans = []
    for term in sorted(set(terms), key=len, reverse=True):
        for match in re.finditer(re.escape(term), folded_text):
            start = origin[match.start()]
            end = origin[match.end()] if match.end() < len(origin) else len(text)
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped
