"""Bulgarian → Latin under the Transliteration Act (Закон за транслитерацията, ДВ бр. 19/2009).

The Act's table (чл. 3, ал. 1) with its exceptions (чл. 4): "ия" at the end of a word is "ia"
(София → Sofia), and България is Bulgaria. Names and places on an English document are written
this way, the same as in a Bulgarian passport. Pure functions, no I/O.
"""

import re

TABLE = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sht",
    "ъ": "a",
    "ь": "y",
    "ю": "yu",
    "я": "ya",
}

# Written as the Act says (чл. 4, ал. 2), not letter by letter.
EXCEPTIONS = {"българия": "bulgaria"}

# Typographic quotes become English ones on an English document.
QUOTES = {"„": "“", "“": "”", "«": "“", "»": "”"}

_WORD = re.compile(r"[А-Яа-яЀ-ѝ]+")


def _word(word: str) -> str:
    lower = word.lower()
    ending = ""
    if lower in EXCEPTIONS:
        lower, ending = "", EXCEPTIONS[lower]
    elif lower.endswith("ия"):
        lower, ending = lower[:-2], "ia"
    latin = "".join(TABLE.get(letter, letter) for letter in lower) + ending
    if len(word) > 1 and word.isupper():
        return latin.upper()
    if word[:1].isupper():
        return latin[:1].upper() + latin[1:]
    return latin


def transliterate(text: str) -> str:
    """`text` with every Cyrillic word in Latin letters; everything else is left as it is."""
    latin = _WORD.sub(lambda match: _word(match.group()), text or "")
    return "".join(QUOTES.get(char, char) for char in latin)
