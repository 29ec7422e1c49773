"""Place names as people write them, from official lists that come in UPPERCASE.

"АВРЕН" → "Аврен", "ГР.БУРГАС" → "гр. Бургас", "С. ДРЯНОВО" → "с. Дряново",
"ВЕЛИКО ТЪРНОВО" → "Велико Търново". Names someone already typed in mixed case are kept (only the
spacing after "гр."/"с." is tidied). Matching existing places stays case-insensitive (the import
compares lower-cased names), so "АВРЕН" and "Аврен" are one municipality.
"""

from __future__ import annotations

import re

#: settlement kinds written before the name, in lower case with a full stop
PREFIXES = ("гр", "с", "к", "м", "вс")
_PREFIX = re.compile(r"^\s*(" + "|".join(PREFIXES) + r")\s*\.\s*(.+)$", re.IGNORECASE)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _words(text: str) -> str:
    # str.title() would also capitalise after an apostrophe; split on spaces and hyphens only.
    return re.sub(
        r"[^\s-]+", lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), text.strip()
    )


def place_name(text: str) -> str:
    """A municipality's name: capitalised words if it came in capitals."""
    text = " ".join(text.split())
    return _words(text) if _is_upper(text) else text


def settlement_name(text: str) -> str:
    """A settlement with its kind: "гр. Бургас", "с. Дряново"."""
    text = " ".join(text.split())
    match = _PREFIX.match(text)
    if match is None:
        return place_name(text)
    prefix, name = match.groups()
    return f"{prefix.lower()}. {place_name(name)}"
