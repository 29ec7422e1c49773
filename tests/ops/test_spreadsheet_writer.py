"""ops.spreadsheets writes .xlsx files itself, row by row into a zip stream: what a coordinator
opens must hold the right types, formats and names, and a big export must start at once."""

import datetime as dt
import io
import zipfile
from decimal import Decimal

from django.utils import timezone
from openpyxl import load_workbook

from ops import spreadsheets


def read(sheets):
    data = b"".join(spreadsheets.xlsx_chunks(sheets))
    return load_workbook(io.BytesIO(data))


def test_cells_keep_their_types_and_bulgarian_formats(settings):
    settings.TIME_ZONE = "Europe/Sofia"
    moment = timezone.make_aware(dt.datetime(2026, 11, 30, 12, 5, 42), dt.UTC)
    row = [
        "Мария Иванова",
        " с интервал ",
        '=HYPERLINK("http://x.test","x")',
        "табулация\x01 и нулев\x00 знак",
        7,
        2.5,
        Decimal("12.50"),
        True,
        False,
        None,
        moment,
        dt.date(2027, 3, 15),
    ]
    headers = [f"Колона {n}" for n in range(len(row))]
    workbook = read([("Учители", headers, [row])])
    sheet = workbook["Учители"]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == headers
    assert all(c.font.b for c in sheet[1])
    cells = sheet[2]
    values = [c.value for c in cells]
    assert values[:4] == [
        "Мария Иванова",
        " с интервал ",
        '\'=HYPERLINK("http://x.test","x")',
        "табулация и нулев знак",
    ]
    assert all(c.data_type != "f" for c in cells)
    assert values[4:9] == [7, 2.5, 12.5, "да", "не"]
    assert values[9] is None
    # Bulgarian time (UTC+2), to the minute, as a real date cell.
    assert values[10] == dt.datetime(2026, 11, 30, 14, 5)
    assert cells[10].number_format == "dd.mm.yyyy hh:mm" and cells[10].is_date
    assert values[11].date() == dt.date(2027, 3, 15)
    assert cells[11].number_format == "dd.mm.yyyy"


def test_many_columns_sheets_and_awkward_titles():
    wide = list(range(60))
    workbook = read(
        [
            ("Райони/области: [всички]?", ["x"] * 60, [wide, wide]),
            ("Райони/области: [всички]?", ["y"], []),
            ("Много дълго име на лист, което Excel не би приел", ["z"], [["a"]]),
        ]
    )
    first, second, third = workbook.worksheets
    assert first.title == "Райони-области- -всички--"
    assert second.title == "Райони-области- -всички-- 2"
    assert len(third.title) <= 31
    assert [c.value for c in first[3]] == wide
    assert first.cell(row=2, column=60).column_letter == "BH"
    assert second.max_row == 1 and third["A2"].value == "a"


def test_a_workbook_without_sheets_still_opens():
    assert len(read([]).worksheets) == 1


def test_the_file_is_sent_while_its_rows_are_still_being_read():
    """Flat memory for a national export: the first bytes leave before the last row is read."""
    read_rows = []

    def rows():
        for n in range(40_000):
            read_rows.append(n)
            yield [f"Учител {n * 7919 % 100_003}", n, f"{n}@example.test", dt.date(2026, 1, 1)]

    chunks = spreadsheets.xlsx_chunks([("Учители", ["Име", "№", "Поща", "Дата"], rows())])
    first = next(chunks)
    assert first.startswith(b"PK") and len(read_rows) < 40_000
    data = first + b"".join(chunks)
    assert len(read_rows) == 40_000
    sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    assert sum(1 for _ in sheet.iter_rows()) == 40_001
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


def test_the_response_streams_a_named_attachment(rf):
    response = spreadsheets.xlsx_response(
        filename="отчет-курс", sheets=lambda: [("Лист", ["a"], [[1]])]
    )
    assert response.streaming
    assert response["Content-Type"] == spreadsheets.XLSX_TYPE
    assert "attachment" in response["Content-Disposition"]
    assert "xlsx" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook["Лист"]["A2"].value == 1
