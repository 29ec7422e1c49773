"""Reading the school and teacher lists coordinators keep in Excel — no database, no writes.

Files come from many offices: UTF-8 with or without a BOM or Windows-1251; commas, semicolons
or tabs; headers in Bulgarian or English, in any order and case, with stray spaces; codes that
Excel turned into numbers. This module turns any of them into rows of clean values keyed by our
field names, with a message for every cell it cannot read. services.py decides what the rows
mean for the database.

XLSX is read with openpyxl (already installed with Wagtail) and CSV with the standard library's
csv module (its Sniffer finds the separator); what is left here is the Bulgarian-office knowledge
those libraries cannot have.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from schools.codes import normalise_code
from schools.geography import DISTRICTS
from schools.placenames import place_name, settlement_name

MAX_ROWS = 5000
XLSX_MAGIC = b"PK\x03\x04"


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, no header, missing columns)."""


# Header spellings seen in real files, normalised by _header_key(), for each field.
SCHOOL_HEADERS = {
    "code": ["code", "institution code", "neispuo", "neispuo code", "код", "код по неиспуо",
             "код неиспуо", "неиспуо", "код на институцията", "код на училището"],
    "name": ["name", "school", "school name", "institution", "име", "наименование",
             "училище", "институция", "име на училището", "наименование на институцията"],
    "kind": ["kind", "type", "вид", "тип", "вид на институцията"],
    "district": ["district", "province", "oblast", "област"],
    "municipality": ["municipality", "община"],
    "settlement": ["settlement", "town", "village", "city", "place", "населено място", "град/село",
                   "град", "селище", "нас. място", "нас.място"],
    "address": ["address", "адрес"],
    "network_member": ["network member", "network", "partner network", "member", "в мрежата",
                       "член на мрежата", "партньорска мрежа", "мрежа"],
    "active": ["active", "активно", "активна", "действащо", "действаща"],
}  # fmt: skip
SCHOOL_REQUIRED = ["code", "name", "district", "municipality", "settlement"]

TEACHER_HEADERS = {
    "email": ["email", "e-mail", "e-mail address", "email address", "mail", "имейл",
              "имейл адрес", "e-mail адрес", "ел. поща", "електронна поща", "е-mail"],
    "first_name": ["first name", "given name", "име", "собствено име"],
    "father_name": ["father's name", "fathers name", "middle name", "patronymic", "презиме"],
    "last_name": ["family name", "last name", "surname", "фамилия", "фамилно име"],
    "position": ["position", "role", "job", "длъжност", "позиция"],
    "school_code": ["school code", "institution code", "code", "neispuo", "school", "код",
                    "код на училището", "код по неиспуо", "училище (код)", "код на институцията"],
}  # fmt: skip
TEACHER_REQUIRED = ["email", "first_name", "last_name", "school_code"]

KINDS = {
    "school": ["school", "училище", "у", "оу", "су", "ну", "пг", "оу/су", "основно училище",
               "средно училище", "гимназия", "профилирана гимназия", "обединено училище"],
    "kindergarten": ["kindergarten", "детска градина", "дг", "градина", "цдг", "одз"],
    "other": ["other", "друго", "друга", "център", "цплр"],
}  # fmt: skip

POSITIONS = {
    "teacher": ["teacher", "учител", "учителка", "старши учител", "главен учител"],
    "mediator": ["mediator", "educational mediator", "образователен медиатор", "медиатор"],
    "principal": ["principal", "deputy principal", "director", "директор", "заместник-директор",
                  "зам.-директор", "зам. директор", "зам.директор", "директор или заместник"],
    "kindergarten_teacher": ["kindergarten teacher", "детски учител", "учител в детска градина",
                             "учител в дг", "учителка в детска градина"],
    "other": ["other", "друго", "друга"],
}  # fmt: skip

TRUE = {"да", "yes", "y", "true", "1", "x", "д", "✓", "истина"}
FALSE = {"не", "no", "n", "false", "0", "", "н", "лъжа"}


def _key(text) -> str:
    """Lower case, single spaces, no quotes, BOMs or trailing dots: how we compare labels."""
    text = str(text or "").replace("\ufeff", "").replace("\u00a0", " ").strip().lower()
    text = re.sub(r"[\"'„“”«»]", "", text)
    text = re.sub(r"\s+", " ", text).strip(" .:*")
    return text


@functools.cache
def _lookup_cached(frozen: tuple) -> dict[str, str]:
    return {_key(alias): name for name, spellings in frozen for alias in spellings}


def _lookup(aliases: dict[str, list[str]]) -> dict[str, str]:
    """{normalised spelling: field or choice name}, built once per table."""
    return _lookup_cached(tuple((name, tuple(spellings)) for name, spellings in aliases.items()))


_DISTRICT_KEYS: dict[str, str] = {}
for _code, _bg, _en, _region in DISTRICTS:
    for _alias in (_code, _bg, _en, f"област {_bg}", f"{_en} province", _code.replace("-", "")):
        _DISTRICT_KEYS[_key(_alias)] = _code
# The capital is written in many ways; the bare word "София" means the city in office files.
for _alias in ("София", "София-град", "София град", "гр. София", "Столична", "Sofia", "Sofia City"):
    _DISTRICT_KEYS[_key(_alias)] = "BG-22"
for _alias in ("София-област", "Софийска", "Софийска област", "Sofia Province", "Sofia region"):
    _DISTRICT_KEYS[_key(_alias)] = "BG-23"


def district_code(value) -> str | None:
    """The ISO code (BG-01 …) of a district written by name (bg/en) or code; None if unknown."""
    return _DISTRICT_KEYS.get(_key(value))


# ----------------------------------------------------------------------------- reading files


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Bulgarian Windows and Excel's "CSV" save in Windows-1251.
        return data.decode("cp1251")


def _csv_rows(text: str) -> list[list[str]]:
    sample = "\n".join(text.splitlines()[:20])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        first = text.splitlines()[0] if text else ""
        delimiter = max(",;\t", key=first.count)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_rows(data: bytes) -> list[list]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ImportFileError(_("The file is not a readable Excel (.xlsx) workbook.")) from error
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_table(data: bytes, filename: str = "") -> list[list]:
    """The file's rows as lists of cells (str from CSV, numbers kept as numbers from XLSX)."""
    if data.startswith(XLSX_MAGIC) or filename.lower().endswith(".xlsx"):
        return _xlsx_rows(data)
    if b"\x00" in data[:1024]:
        raise ImportFileError(_("The file is not a CSV or XLSX table."))
    return _csv_rows(_decode(data))


# ----------------------------------------------------------------------------- rows


@dataclass
class Row:
    line: int  # as the person sees it in Excel (the header is line 1)
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", str(value).replace("\u00a0", " ")).strip()


def _label(spellings: list[str]) -> str:
    """How to name a column to the person: its Bulgarian header, with the English one."""
    bulgarian = next((s for s in spellings if re.search("[а-я]", s)), spellings[0])
    return f"„{bulgarian.capitalize()}“ ({spellings[0]})"


def _columns(header: list, aliases: dict, required: list) -> dict[int, str]:
    lookup = _lookup(aliases)
    columns: dict[int, str] = {}
    for index, label in enumerate(header):
        name = lookup.get(_key(label))
        if name and name not in columns.values():
            columns[index] = name
    missing = [name for name in required if name not in columns.values()]
    if missing:
        raise ImportFileError(
            _("Columns missing from the header row: %(columns)s.")
            % {"columns": ", ".join(_label(aliases[name]) for name in missing)}
        )
    return columns


def _rows(table: list[list], aliases: dict, required: list) -> tuple[list[Row], list[str]]:
    """Finds the header (the first non-empty row), maps columns, skips blank lines."""
    start = next((i for i, row in enumerate(table) if any(_text(c) for c in row)), None)
    if start is None:
        raise ImportFileError(_("The file is empty."))
    columns = _columns(table[start], aliases, required)
    rows = []
    for offset, raw in enumerate(table[start + 1 :], start=start + 2):
        if not any(_text(cell) for cell in raw):
            continue
        values = {name: raw[i] if i < len(raw) else None for i, name in columns.items()}
        rows.append(Row(line=offset, values=values))
    if len(rows) > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(max)d rows; split it into smaller files.")
            % {"max": MAX_ROWS}
        )
    return rows, list(columns.values())


def _choice(value, table: dict[str, list[str]]) -> str | None:
    return _lookup(table).get(_key(value))


def _flag(value) -> bool | None:
    key = _key(value)
    if key in TRUE:
        return True
    if key in FALSE:
        return False
    return None


def parse_schools(data: bytes, filename: str = "") -> list[Row]:
    """Rows of school values: code, name, kind, district (ISO code), municipality, …"""
    rows, present = _rows(read_table(data, filename), SCHOOL_HEADERS, SCHOOL_REQUIRED)
    for row in rows:
        raw, clean = row.values, {}
        clean["code"] = normalise_code(raw.get("code"))
        if not clean["code"]:
            row.errors.append(_("The institution code is empty."))
        elif not clean["code"].isdigit():
            row.errors.append(
                _("The institution code “%(code)s” is not a number.") % {"code": clean["code"]}
            )
        for name in ("name", "municipality", "settlement"):
            clean[name] = _text(raw.get(name))
        clean["municipality"] = place_name(clean["municipality"])
        clean["settlement"] = settlement_name(clean["settlement"])
        if not clean["name"]:
            row.errors.append(_("The name is empty."))
        if not clean["municipality"]:
            row.errors.append(_("The municipality is empty."))
        if not clean["settlement"]:
            row.errors.append(_("The settlement is empty."))
        clean["district"] = district_code(raw.get("district"))
        if clean["district"] is None:
            row.errors.append(
                _("Unknown district “%(value)s”.") % {"value": _text(raw.get("district"))}
            )
        if "address" in present and _text(raw.get("address")):
            clean["address"] = _text(raw.get("address"))
        if "kind" in present and _text(raw.get("kind")):
            clean["kind"] = _choice(raw.get("kind"), KINDS)
            if clean["kind"] is None:
                row.errors.append(
                    _("Unknown kind of institution “%(value)s”.") % {"value": _text(raw["kind"])}
                )
        for name in ("network_member", "active"):
            if name in present and _text(raw.get(name)):
                clean[name] = _flag(raw.get(name))
                if clean[name] is None:
                    row.errors.append(
                        _("“%(value)s” is not yes or no.") % {"value": _text(raw.get(name))}
                    )
        row.values = clean
    _mark_duplicates(rows, "code", _("The code %(value)s appears twice in the file."))
    return rows


def parse_teachers(data: bytes, filename: str = "") -> list[Row]:
    """Rows of teacher values: email (lower case), names, position, school_code."""
    rows, present = _rows(read_table(data, filename), TEACHER_HEADERS, TEACHER_REQUIRED)
    for row in rows:
        raw, clean = row.values, {}
        clean["email"] = _text(raw.get("email")).lower()
        try:
            validate_email(clean["email"])
        except ValidationError:
            row.errors.append(
                _("“%(value)s” is not a valid e-mail address.") % {"value": clean["email"]}
            )
        for name in ("first_name", "father_name", "last_name"):
            clean[name] = _text(raw.get(name))
        if not clean["first_name"] or not clean["last_name"]:
            row.errors.append(_("The first name and the family name are required."))
        if "position" in present and _text(raw.get("position")):
            clean["position"] = _choice(raw.get("position"), POSITIONS)
            if clean["position"] is None:
                row.errors.append(
                    _("Unknown position “%(value)s”.") % {"value": _text(raw["position"])}
                )
        clean["school_code"] = normalise_code(raw.get("school_code"))
        if not clean["school_code"]:
            row.errors.append(_("The school's institution code is empty."))
        row.values = clean
    _mark_duplicates(rows, "email", _("The e-mail address %(value)s appears twice in the file."))
    return rows


def _mark_duplicates(rows: list[Row], name: str, message) -> None:
    seen: dict[str, int] = {}
    for row in rows:
        value = row.values.get(name)
        if not value:
            continue
        if value in seen:
            row.errors.append(message % {"value": value})
        else:
            seen[value] = row.line
