"""Official UPPERCASE place names become the usual form; existing places still match."""

import pytest

from schools.importing.parsing import parse_schools
from schools.importing.services import schools_import_apply, schools_import_plan
from schools.models import Municipality, Region, School
from schools.placenames import place_name, settlement_name


@pytest.mark.parametrize(
    ("official", "usual"),
    [
        ("АВРЕН", "Аврен"),
        ("ВЕЛИКО ТЪРНОВО", "Велико Търново"),
        ("  ГЕНЕРАЛ-ТОШЕВО ", "Генерал-Тошево"),
        ("Долни чифлик", "Долни чифлик"),  # typed by a person: kept
    ],
)
def test_place_name(official, usual):
    assert place_name(official) == usual


@pytest.mark.parametrize(
    ("official", "usual"),
    [
        ("ГР.БУРГАС", "гр. Бургас"),
        ("С.ДРЯНОВО", "с. Дряново"),
        ("с. ДРЯНОВО", "с. Дряново"),
        ("ГР. ВЕЛИКО ТЪРНОВО", "гр. Велико Търново"),
        ("гр.Сливен", "гр. Сливен"),
        ("СЛИВЕН", "Сливен"),
    ],
)
def test_settlement_name(official, usual):
    assert settlement_name(official) == usual


HEADER = "Код по НЕИСПУО,Наименование,Вид,Област,Община,Населено място,Адрес,В мрежата\n"


def plan(text):
    rows = parse_schools((HEADER + text).encode(), "official.csv")
    return schools_import_plan(rows=rows, regions=Region.objects.all())


@pytest.mark.django_db
def test_uppercase_import_matches_existing_places_and_reads_as_usual():
    schools_import_apply(
        plan=plan("1690101,ОУ „Христо Ботев“,училище,Сливен,Сливен,с. Дряново,,да\n")
    )
    official = plan(
        "1690101,ОУ „Христо Ботев“,училище,СЛИВЕН,СЛИВЕН,С.ДРЯНОВО,,да\n"
        "200101,ОУ „Васил Левски“,училище,БУРГАС,АЙТОС,ГР.АЙТОС,,да\n"
    )
    assert official.counts == {"create": 1, "update": 0, "unchanged": 1, "error": 0}
    schools_import_apply(plan=official)
    # (SQLite's iexact folds ASCII only: compare in Python.)
    assert [m.name for m in Municipality.objects.all() if m.name.lower() == "сливен"] == ["Сливен"]
    assert School.objects.get(code="200101").municipality.name == "Айтос"
    assert School.objects.get(code="200101").settlement == "гр. Айтос"


@pytest.mark.django_db
def test_a_municipality_left_in_capitals_takes_the_usual_name():
    schools_import_apply(plan=plan("200101,ОУ,училище,Бургас,Айтос,гр. Айтос,,да\n"))
    Municipality.objects.filter(name="Айтос").update(name="АЙТОС")
    schools_import_apply(plan=plan("200102,СУ,училище,Бургас,АЙТОС,ГР.АЙТОС,,да\n"))
    assert [m.name for m in Municipality.objects.all() if m.name.lower() == "айтос"] == ["Айтос"]
