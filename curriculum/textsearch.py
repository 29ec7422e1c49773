"""Bulgarian text as the search index sees it: lower case, without stress marks.

Teachers type "Василица", "василица" or "ВАСИЛИЦА", and song texts mark stress ("Васи́лица").
Both the indexed text and the query go through `normalise`, so matching does not depend on the
database's collation (SQLite's FTS5 and PostgreSQL's tsvector treat Cyrillic case and combining
accents differently) — the same words match on both.
"""

import re
import unicodedata

from django.utils.html import strip_tags

from .bulstem import STOPWORDS, key

# Combining grave and acute accents mark stress in Bulgarian and Romani texts; "й" and "ѝ" keep
# their own letters because NFC composes them back.
STRESS_MARKS = {"\u0300", "\u0301"}
WORD = re.compile(r"\w+", re.UNICODE)


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    kept = "".join(c for c in decomposed if c not in STRESS_MARKS)
    return unicodedata.normalize("NFC", kept).casefold()


def normalise(text: str) -> str:
    # Decompose, drop the stress marks, compose again: "й" keeps its breve and stays one letter.
    return _fold_char(text) if text else ""


def normalise_query(query: str) -> str:
    """The search keys of a query's words (stemmed, Latin spelled in Cyrillic), at most 12 (a
    longer query is not a search)."""
    words = WORD.findall(normalise(query))[:12]
    return " ".join(dict.fromkeys(key(w) for w in words if w not in STOPWORDS))


def searchable(*parts) -> str:
    """Index text from several values (strings or rich text), normalised, followed by the search
    keys of its words, so that the search backend finds word forms and Latin spellings."""
    text = normalise(" ".join(strip_tags(str(p)) for p in parts if p))
    return text + " " + " ".join(dict.fromkeys(key(w) for w in WORD.findall(text)))
