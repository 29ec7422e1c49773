"""A light inflectional stemmer for Bulgarian, and Latin ↔ Cyrillic folding for search keys.

The stemmer is the rule-based light stemmer of Savoy ("Searching strategies for the Bulgarian
language", the one Lucene and Snowball-style engines ship): it strips the definite article and
the plural, then a final vowel, so "песента", "песни" and "песен" all become "песн", "кючека"
and "кючекът" become "кючек". BulStem proper needs a rules file learnt from a large
morphological dictionary; the only PyPI package (bulstem, last released 2020) downloads that file
at run time, which this project cannot do, so we keep these few rules instead — they cover the
inflections teachers type (articles, plurals, feminine -а/-я) and are tested word by word.

Teachers on phones often type in Latin letters ("vasilica", "herdelezi", "kyuchek"), and Romani
words are often written in Latin script. `to_cyrillic` reads both the official Bulgarian
transliteration (zh, ts, ch, sh, sht, yu, ya) and common Romani spellings (c, č, š, ž, dž, j,
x, w). The search key then folds the letters that the two scripts confuse (ъ/a, й/и, ю/iu, я/ia,
щ/sht), so "balgarski", "bulgarski"-like spellings and the Cyrillic word meet in one key.
"""

import re

# Longest spellings first, so that "sht" wins over "sh" and "dzh" over "zh".
_LATIN = [
    ("sht", "щ"),
    ("dzh", "дж"),
    ("dž", "дж"),
    ("dj", "дж"),
    ("zh", "ж"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("ju", "ю"),
    ("ja", "я"),
    ("č", "ч"),
    ("ć", "ч"),
    ("š", "ш"),
    ("ž", "ж"),
    ("a", "а"),
    ("b", "б"),
    ("c", "ц"),
    ("d", "д"),
    ("e", "е"),
    ("f", "ф"),
    ("g", "г"),
    ("h", "х"),
    ("i", "и"),
    ("j", "й"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("q", "к"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("v", "в"),
    ("w", "в"),
    ("x", "х"),
    ("y", "й"),
    ("z", "з"),
    ("ä", "а"),
    ("ö", "о"),
    ("ü", "у"),
]
_LATIN_RE = re.compile("|".join(re.escape(latin) for latin, _ in _LATIN))
_LATIN_MAP = dict(_LATIN)
_HAS_LATIN = re.compile(r"[a-zčćšžäöü]")
# After stemming: letters the two scripts (and hurried typing) confuse, folded to one spelling.
_FOLD = str.maketrans({"ъ": "а", "ь": "", "й": "и", "ѝ": "и", "ю": "иу", "я": "иа", "щ": "шт"})

# Words too common to narrow a search; a query of only these still searches for them.
STOPWORDS = frozenset(
    [
        "и",
        "а",
        "в",
        "във",
        "с",
        "със",
        "за",
        "на",
        "от",
        "до",
        "по",
        "при",
        "към",
        "за",
        "да",
        "се",
        "не",
        "ли",
        "ще",
        "че",
        "как",
        "как",
        "какво",
        "кой",
        "коя",
        "кое",
        "кои",
        "the",
        "of",
        "and",
        "in",
        "on",
        "for",
        "to",
        "with",
        "a",
        "an",
    ]
)


def to_cyrillic(word: str) -> str:
    """A lower-case word in Latin letters spelled in Cyrillic; Cyrillic letters stay as they are."""
    if not _HAS_LATIN.search(word):
        return word
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]  # an English plural in the English library: "songs" → "song"
    return _LATIN_RE.sub(lambda m: _LATIN_MAP[m.group()], word)


def _remove_article(w: str) -> str:
    n = len(w)
    if n > 6 and w.endswith("ият"):
        return w[:-3]
    if n > 5 and w.endswith(("ът", "то", "те", "та", "ия")):
        return w[:-2]
    if n > 4 and w.endswith("ят"):
        return w[:-2]
    return w


def _remove_plural(w: str) -> str:
    n = len(w)
    if n > 6:
        if w.endswith("овци"):
            return w[:-3]
        if w.endswith("ове"):
            return w[:-3]
        if w.endswith("еве"):
            return w[:-3] + "й"
    if n > 5:
        if w.endswith("ища"):
            return w[:-3]
        if w.endswith("та"):
            return w[:-2]
        if w.endswith("ци"):
            return w[:-2] + "к"
        if w.endswith("зи"):
            return w[:-2] + "г"
        if w[-3] == "е" and w[-1] == "и":
            return w[:-3] + "я" + w[-2]
    if n > 4:
        if w.endswith("си"):
            return w[:-2] + "х"
        if w.endswith("и"):
            return w[:-1]
    return w


def stem(word: str) -> str:
    """The stem of a lower-case Bulgarian word ("песента" → "песн", "кючека" → "кючек")."""
    if len(word) < 4:
        return word
    if len(word) > 5 and word.endswith("ища"):
        return word[:-3]
    word = _remove_plural(_remove_article(word))
    if len(word) > 3:
        if word.endswith("я"):
            word = word[:-1]
        if word.endswith(("а", "о", "е")):
            word = word[:-1]
    if len(word) > 4 and word.endswith("ен"):
        word = word[:-2] + "н"
    if len(word) > 5 and word[-2] == "ъ":
        word = word[:-2] + word[-1]
    return word


def key(word: str) -> str:
    """The search key of one normalised (lower-case, unstressed) word, Latin or Cyrillic."""
    return stem(to_cyrillic(word)).translate(_FOLD)


def whole(word: str) -> str:
    """The word unstemmed but spelled like a key, for prefixes: "херделези" → "херделези"."""
    return to_cyrillic(word).translate(_FOLD)


def near(a: str, b: str) -> bool:
    """At most one letter apart: one letter wrong, missing, extra, or two letters swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and (a[diff[1]] == b[diff[0]])
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, or `limit + 1` as soon as it is known to be larger than `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
