"""Demo people: one account for every role, with the logins `make run` prints."""

from django.contrib.auth.models import Group

from . import roles
from .models import District, Municipality, Region, School, User

DEMO_PASSWORD = "drom-demo-2026"  # noqa: S105 - a published demo login, not a secret

DEMO_SCHOOL = {
    "code": "1690101",
    "name": "ОУ „Христо Ботев“",
    "kind": School.Kind.SCHOOL,
    "settlement": "с. Дряново",
    "municipality": "Сливен",
    "district": "BG-20",
}

# (e-mail, first, father's, family name, position, group, staff?, superuser?, regions)
ACCOUNTS = [
    (
        "teacher@drom.test",
        "Мария",
        "Иванова",
        "Петрова",
        User.Position.TEACHER,
        roles.TEACHERS,
        False,
        False,
        [],
    ),
    ("author@drom.test", "Асен", "Георгиев", "Маринов", "", roles.AUTHORS, True, False, []),
    (
        "methodologist@drom.test",
        "Елена",
        "Стоянова",
        "Димитрова",
        "",
        roles.METHODOLOGISTS,
        True,
        False,
        [],
    ),
    (
        "reviewer@drom.test",
        "Сашо",
        "Адемов",
        "Юсеинов",
        "",
        roles.COMMUNITY_REVIEWERS,
        True,
        False,
        [],
    ),
    (
        "coordinator@drom.test",
        "Гергана",
        "Николова",
        "Атанасова",
        "",
        roles.REGIONAL_COORDINATORS,
        True,
        False,
        ["BG34", "BG42"],
    ),
    (
        "national@drom.test",
        "Деян",
        "Петров",
        "Колев",
        "",
        roles.NATIONAL_COORDINATORS,
        True,
        False,
        [],
    ),
    ("admin@drom.test", "Администратор", "", "Дром", "", None, True, True, []),
]


def demo_school() -> School:
    district = District.objects.get(code=DEMO_SCHOOL["district"])
    municipality, _ = Municipality.objects.get_or_create(
        district=district, name=DEMO_SCHOOL["municipality"]
    )
    school, _ = School.objects.get_or_create(
        code=DEMO_SCHOOL["code"],
        defaults={
            "name": DEMO_SCHOOL["name"],
            "kind": DEMO_SCHOOL["kind"],
            "settlement": DEMO_SCHOOL["settlement"],
            "municipality": municipality,
        },
    )
    return school


def load(log) -> None:
    school = demo_school()
    for email, first, father, last, position, group, staff, superuser, region_codes in ACCOUNTS:
        if User.objects.filter(email__iexact=email).exists():
            continue
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            first_name=first,
            father_name=father,
            last_name=last,
            position=position,
            school=school if group == roles.TEACHERS else None,
            is_staff=staff,
            is_superuser=superuser,
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        if region_codes:
            user.regions.set(Region.objects.filter(code__in=region_codes))
        log(f"user {email}")


def logins() -> list[tuple[str, str]]:
    """(role, e-mail) pairs for the demo accounts, for `make run` to print."""
    return [(group or "superuser", email) for (email, *_, group, _s, _u, _r) in ACCOUNTS]
