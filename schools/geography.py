"""Bulgaria's six planning regions (NUTS-2) and 28 districts (ISO 3166-2:BG).

Kept as plain data so that the migration that loads it and the importers that recognise district
names read the same list.
"""

REGIONS = [
    ("BG31", "Северозападен", "Northwestern"),
    ("BG32", "Северен централен", "North Central"),
    ("BG33", "Североизточен", "Northeastern"),
    ("BG34", "Югоизточен", "Southeastern"),
    ("BG41", "Югозападен", "Southwestern"),
    ("BG42", "Южен централен", "South Central"),
]

# (ISO code, Bulgarian name, English name, planning region)
DISTRICTS = [
    ("BG-01", "Благоевград", "Blagoevgrad", "BG41"),
    ("BG-02", "Бургас", "Burgas", "BG34"),
    ("BG-03", "Варна", "Varna", "BG33"),
    ("BG-04", "Велико Търново", "Veliko Tarnovo", "BG32"),
    ("BG-05", "Видин", "Vidin", "BG31"),
    ("BG-06", "Враца", "Vratsa", "BG31"),
    ("BG-07", "Габрово", "Gabrovo", "BG32"),
    ("BG-08", "Добрич", "Dobrich", "BG33"),
    ("BG-09", "Кърджали", "Kardzhali", "BG42"),
    ("BG-10", "Кюстендил", "Kyustendil", "BG41"),
    ("BG-11", "Ловеч", "Lovech", "BG31"),
    ("BG-12", "Монтана", "Montana", "BG31"),
    ("BG-13", "Пазарджик", "Pazardzhik", "BG42"),
    ("BG-14", "Перник", "Pernik", "BG41"),
    ("BG-15", "Плевен", "Pleven", "BG31"),
    ("BG-16", "Пловдив", "Plovdiv", "BG42"),
    ("BG-17", "Разград", "Razgrad", "BG32"),
    ("BG-18", "Русе", "Ruse", "BG32"),
    ("BG-19", "Силистра", "Silistra", "BG32"),
    ("BG-20", "Сливен", "Sliven", "BG34"),
    ("BG-21", "Смолян", "Smolyan", "BG42"),
    ("BG-22", "София (столица)", "Sofia (city)", "BG41"),
    ("BG-23", "София (област)", "Sofia (province)", "BG41"),
    ("BG-24", "Стара Загора", "Stara Zagora", "BG34"),
    ("BG-25", "Търговище", "Targovishte", "BG33"),
    ("BG-26", "Хасково", "Haskovo", "BG42"),
    ("BG-27", "Шумен", "Shumen", "BG33"),
    ("BG-28", "Ямбол", "Yambol", "BG34"),
]
