"""Reading school and teacher files as Bulgarian offices write them (each case a real file)."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from schools.importing.parsing import ImportFileError, district_code, parse_schools, parse_teachers

FILES = Path(__file__).parent / "files"

EXPECTED_SCHOOLS = [
    ("1690101", "ОУ „Христо Ботев“", "school", "BG-20", "Сливен", "с. Дряново", True),
    ("2401777", "СУ „Св. Паисий Хилендарски“", "school", "BG-24", "Казанлък", "гр. Казанлък", True),
    ("2401778", "ДГ „Слънце“", "kindergarten", "BG-24", "Казанлък", "гр. Казанлък", False),
]


def summary(rows):
    keys = ["code", "name", "kind", "district", "municipality", "settlement", "network_member"]
    return [tuple(row.values[k] for k in keys) for row in rows]


def read(name):
    return (FILES / name).read_bytes()


@pytest.mark.parametrize(
    "name",
    [
        "schools_utf8_comma.csv",
        "schools_utf8_bom_semicolon.csv",
        "schools_tab_english.tsv",
    ],
)
def test_the_same_schools_from_every_format(name):
    rows = parse_schools(read(name), name)
    assert [row.errors for row in rows] == [[], [], []]
    assert summary(rows) == EXPECTED_SCHOOLS


def test_windows_1251_semicolon():
    rows = parse_schools(read("schools_cp1251_semicolon.csv"), "x.csv")
    assert [row.errors for row in rows] == [[], [], []]
    # Windows-1251 has no „“ quotes; the file uses straight ones.
    assert [row.values["name"] for row in rows] == [
        'ОУ "Христо Ботев"',
        'СУ "Св. Паисий Хилендарски"',
        'ДГ "Слънце"',
    ]
    assert [row.values["district"] for row in rows] == ["BG-20", "BG-24", "BG-24"]


def test_blank_lines_are_skipped_and_lines_numbered_as_in_excel():
    rows = parse_schools(read("schools_utf8_bom_semicolon.csv"), "x.csv")
    assert [row.line for row in rows] == [2, 3, 4]


@pytest.fixture
def schools_xlsx(tmp_path):
    """An XLSX as Excel leaves it: numeric codes, a blank first row, a title-cased header."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([])
    sheet.append(["КОД ПО НЕИСПУО ", "Наименование", "Вид", "Област", "Община", "Населено място"])
    sheet.append([1690101.0, " ОУ „Христо Ботев“", "училище", "Сливен", "Сливен", "с. Дряново"])
    sheet.append(
        [2401777, "СУ „Св. Паисий Хилендарски“", "СУ", "Стара Загора", "Казанлък", "гр. Казанлък"]
    )
    path = tmp_path / "schools.xlsx"
    workbook.save(path)
    return path


def test_xlsx_with_numeric_codes(schools_xlsx):
    rows = parse_schools(schools_xlsx.read_bytes(), schools_xlsx.name)
    assert [row.errors for row in rows] == [[], []]
    assert [row.values["code"] for row in rows] == ["1690101", "2401777"]
    assert rows[0].values["name"] == "ОУ „Христо Ботев“"
    assert [row.line for row in rows] == [3, 4]
    assert "network_member" not in rows[0].values  # absent column: leave the field alone


def test_per_row_errors():
    rows = parse_schools(read("schools_errors.csv"), "x.csv")
    errors = {row.line: " ".join(str(e) for e in row.errors) for row in rows}
    assert errors[2] == ""
    assert "Непозната област „Сливенска“" in errors[3]
    assert "Кодът 1690101 се среща два пъти" in errors[4]
    assert "Наименованието е празно" in errors[5]
    assert "Непознат вид институция „читалище“" in errors[6]
    assert errors[7] == ""  # Vidin is a known district; whether it is allowed is decided later


def test_missing_column_is_a_file_error():
    with pytest.raises(ImportFileError, match="„Населено място“ \\(settlement\\)"):
        parse_schools(read("schools_missing_column.csv"), "x.csv")


def test_not_a_table():
    with pytest.raises(ImportFileError):
        parse_schools(read("not_a_table.csv"), "not_a_table.csv")


def test_broken_xlsx():
    with pytest.raises(ImportFileError):
        parse_schools(b"PK\x03\x04broken", "x.xlsx")


@pytest.mark.parametrize("name", ["teachers_utf8_semicolon.csv", "teachers_cp1251.csv"])
def test_teachers(name):
    rows = parse_teachers(read(name), name)
    assert [row.errors for row in rows] == [[], [], []]
    assert [row.values["email"] for row in rows] == [
        "rumyana.ilieva@example.test",
        "s.mustafov@example.test",
        "d.koleva@example.test",
    ]
    assert [row.values["position"] for row in rows] == [
        "teacher",
        "mediator",
        "kindergarten_teacher",
    ]
    assert [row.values["school_code"] for row in rows] == ["1690101", "1690101", "2401778"]
    assert rows[2].values["father_name"] == ""


def test_teacher_errors():
    rows = parse_teachers(read("teachers_errors.csv"), "x.csv")
    errors = {row.line: " ".join(str(e) for e in row.errors) for row in rows}
    assert "не е валиден имейл адрес" in errors[2]
    assert errors[3] == ""
    assert "се среща два пъти" in errors[4]  # the same address in capitals
    assert "Непозната длъжност „космонавт“" in errors[7]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Сливен", "BG-20"),
        (" област  Сливен ", "BG-20"),
        ("BG-20", "BG-20"),
        ("Sliven", "BG-20"),
        ("София", "BG-22"),
        ("София-град", "BG-22"),
        ("Софийска област", "BG-23"),
        ("Kardzhali", "BG-09"),
        ("Нарния", None),
    ],
)
def test_district_names(written, code):
    assert district_code(written) == code
