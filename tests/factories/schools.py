"""The network and its people. Regions and districts come from a migration: their factories look
the real ones up by code (a second Sliven district would be a lie)."""

import factory
from django.contrib.auth.models import Group

from schools import roles
from schools.models import District, Municipality, Region, School, SchoolChange, User


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = "BG34"
    name = "Югоизточен"
    name_en = "Southeastern"


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("code",)

    code = "BG-20"
    name = "Сливен"
    name_en = "Sliven"
    region = factory.SubFactory(RegionFactory)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("district", "name")

    name = factory.Sequence(lambda n: f"Община {n}")
    district = factory.LazyFunction(lambda: District.objects.order_by("?").first())


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    name = factory.Sequence(lambda n: f"ОУ „Васил Левски“ №{n}")
    code = factory.Sequence(lambda n: f"{2000000 + n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    settlement = factory.Sequence(lambda n: f"с. Село {n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a usable password; ``groups=[roles.X]`` gives roles by name."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.test")
    first_name = "Мария"
    father_name = "Иванова"
    last_name = "Петрова"
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get(name=name))
        if create:
            self.save()


class TeacherFactory(UserFactory):
    """A teacher at a school (a new one unless given), in the teachers' group."""

    school = factory.SubFactory(SchoolFactory)
    position = User.Position.TEACHER

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        UserFactory.groups.function(self, create, extracted or [roles.TEACHERS], **kwargs)


class TrainerFactory(UserFactory):
    """A seminar trainer (no school, not staff: trainers use the site, not the admin)."""

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        UserFactory.groups.function(self, create, extracted or [roles.TRAINERS], **kwargs)


class SchoolChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolChange

    user = factory.SubFactory(TeacherFactory)
    from_school = None
    to_school = factory.SelfAttribute("user.school")


def make_user(email=None, group=None, **kwargs) -> User:
    """A person, in the role ``group`` if given (a role name from schools.roles)."""
    if email:
        kwargs["email"] = email
    if group:
        kwargs["groups"] = [group]
    return UserFactory(**kwargs)


def make_teacher(school=None, **kwargs) -> User:
    """A teacher at ``school`` (a new school in a random district if not given)."""
    if school is not None:
        kwargs["school"] = school
    return TeacherFactory(**kwargs)


def make_school(district_code, *, municipality="Община", **kwargs) -> School:
    """A school in the district with this ISO code, in a municipality named after it."""
    district = District.objects.get(code=district_code)
    town = MunicipalityFactory(name=f"{municipality} {district_code}", district=district)
    return SchoolFactory(municipality=town, **kwargs)
