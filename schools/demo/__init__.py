"""Demo people: one account for every role, with the logins `make run` prints."""

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from schools import roles
from schools.models import District, Municipality, Region, School, SchoolChange, User

from . import network

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
    (
        "coordinator.north@drom.test",
        "Пламен",
        "Веселинов",
        "Русев",
        "",
        roles.REGIONAL_COORDINATORS,
        True,
        False,
        ["BG31", "BG32"],
    ),
    (
        "coordinator.east@drom.test",
        "Зюмбюла",
        "Али",
        "Хасанова",
        "",
        roles.REGIONAL_COORDINATORS,
        True,
        False,
        ["BG33", "BG41"],
    ),
    ("author2@drom.test", "Теодора", "Ивова", "Станева", "", roles.AUTHORS, True, False, []),
    # Leads the folklore seminars and takes their attendance on the site (not staff).
    ("trainer@drom.test", "Васил", "Асенов", "Демиров", "", roles.TRAINERS, False, False, []),
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
    load_network(log)


def load_network(log) -> None:
    """About 40 schools over all 28 districts and 150 teachers, in a handful of bulk queries."""
    districts = {d.code: d for d in District.objects.all()}
    municipalities = {(m.district_id, m.name): m for m in Municipality.objects.all()}
    missing = {(districts[d].pk, m) for d, m, *_ in network.SCHOOLS} - municipalities.keys()
    Municipality.objects.bulk_create(
        [Municipality(district_id=d, name=m) for d, m in sorted(missing)]
    )
    municipalities = {(m.district_id, m.name): m for m in Municipality.objects.all()}

    codes = [network.school_code(i) for i in range(len(network.SCHOOLS))]
    existing = set(School.objects.filter(code__in=codes).values_list("code", flat=True))
    new_schools = [
        School(
            code=code,
            name=name,
            kind=kind,
            settlement=settlement,
            municipality=municipalities[(districts[district].pk, municipality)],
            network_member=index % 7 != 3,  # a few schools outside the partner network
        )
        for index, (code, (district, municipality, settlement, name, kind)) in enumerate(
            zip(codes, network.SCHOOLS, strict=True)
        )
        if code not in existing
    ]
    School.objects.bulk_create(new_schools)
    for school in new_schools:
        log(f"school {school.code} {school.name}")
    schools = {s.code: s for s in School.objects.filter(code__in=codes)}

    rows = network.teachers()
    taken = set(User.objects.filter(email__in=[r[0] for r in rows]).values_list("email", flat=True))
    if len(taken) == len(rows):
        return  # all there: not even the one password hash (seconds on a busy machine)
    # One hash for all: hashing 150 passwords one by one would take most of a minute.
    password = make_password(DEMO_PASSWORD)
    new_users = [
        User(
            email=email,
            first_name=first,
            father_name=father,
            last_name=last,
            position=position,
            school=schools[codes[school_index]],
            password=password,
        )
        for email, first, father, last, position, school_index in rows
        if email not in taken
    ]
    User.objects.bulk_create(new_users)
    created = User.objects.filter(email__in=[u.email for u in new_users])
    teachers = Group.objects.get(name=roles.TEACHERS)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=u.pk, group_id=teachers.pk) for u in created]
    )
    SchoolChange.objects.bulk_create(
        [SchoolChange(user_id=u.pk, from_school=None, to_school_id=u.school_id) for u in created]
    )
    for user in new_users:
        log(f"teacher {user.email}")


def logins() -> list[tuple[str, str]]:
    """(role, e-mail) pairs for the demo accounts, for `make run` to print."""
    return [(group or "superuser", email) for (email, *_, group, _s, _u, _r) in ACCOUNTS]
