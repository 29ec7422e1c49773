"""The roles people have in Drom, as Django groups (created by migration, never by hand)."""

TEACHERS = "Учители"
AUTHORS = "Автори на учебно съдържание"
METHODOLOGISTS = "Методисти"
COMMUNITY_REVIEWERS = "Рецензенти от ромската общност"
REGIONAL_COORDINATORS = "Регионални координатори"
NATIONAL_COORDINATORS = "Национални координатори"
# Lead seminars and take attendance; see only their own sessions (schools.scoping).
TRAINERS = "Обучители"

ALL = [
    TEACHERS,
    AUTHORS,
    METHODOLOGISTS,
    COMMUNITY_REVIEWERS,
    REGIONAL_COORDINATORS,
    NATIONAL_COORDINATORS,
    TRAINERS,
]
