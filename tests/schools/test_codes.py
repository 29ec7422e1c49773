"""Institution codes as they arrive from Excel and typists."""

import pytest

from schools.codes import normalise_code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1690101", "1690101"),
        (" 1690101 ", "1690101"),
        ("1690101.0", "1690101"),
        ("1,690101E+06", "1690101"),
        ("1.690101E6", "1690101"),
        (1690101, "1690101"),
        (1690101.0, "1690101"),
        ("0101001", "101001"),
        ("101001", "101001"),
        ("1 690 101", "1690101"),
        ("", ""),
        (None, ""),
        ("abc-1", "ABC-1"),
    ],
)
def test_normalise_code(raw, expected):
    assert normalise_code(raw) == expected
