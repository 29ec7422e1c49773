"""factory_boy factories for the models every suite needs. App suites add their own next to them."""

import factory
from django.contrib.auth.models import Group

from schools.models import District, Municipality, School, User


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
