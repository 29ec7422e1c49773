"""Bulgarian dates as Bulgarians write them: "30 ноември 2026 г., 6:37 ч.", a 24-hour clock.

Django's Bulgarian locale defines only some formats; the rest fell back to the English defaults
("Ноем. 30, 2026, 6:37 преди обяд" in the Wagtail admin). "E" is the month as it stands in a
date, in lower case: Django's "alt. month" names, given in i18n/wagtail/bg.
"""

DATE_FORMAT = "j E Y г."
TIME_FORMAT = "G:i ч."
DATETIME_FORMAT = "j E Y г., G:i ч."
YEAR_MONTH_FORMAT = "E Y г."
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y, G:i ч."
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%H:%M:%S.%f"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
NUMBER_GROUPING = 3
