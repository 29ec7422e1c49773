"""Institution codes (NEISPUO) as people and spreadsheets actually write them.

Excel turns a code column into numbers: 1690101 comes back as 1690101.0 or 1.690101E+06, and a
code with a leading zero loses it. Typists add spaces. Every code is stored and compared in one
canonical form — digits only, without leading zeros — so all of these name the same school.
"""

from decimal import Decimal, InvalidOperation

_SPACES = str.maketrans("", "", " \u00a0\u202f\t")


def normalise_code(value) -> str:
    """The canonical text of an institution code; "" for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return str(value)
    text = str(value).translate(_SPACES).strip()
    if not text:
        return ""
    if text.isdigit():
        return text.lstrip("0") or "0"
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return text.upper()
    if number == number.to_integral_value() and number >= 0:
        return str(int(number))
    return text.upper()
