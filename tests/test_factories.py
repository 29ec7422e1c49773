"""Every model and page type has a factory, and what it builds passes the model's validation."""

import factory
import pytest
from django.apps import apps

import tests.factories as factories

PROJECT_APPS = ("cms", "schools", "curriculum", "courses", "reports")


def project_models():
    return sorted(
        (
            model
            for app in PROJECT_APPS
            for model in apps.get_app_config(app).get_models()
            if not model._meta.proxy
        ),
        key=lambda model: model._meta.label,
    )


def factories_by_model():
    found = {}
    for name in factories.__all__:
        candidate = getattr(factories, name)
        if isinstance(candidate, type) and issubclass(candidate, factory.Factory):
            found.setdefault(candidate._meta.model, candidate)
    return found


def test_every_model_and_page_type_has_a_factory():
    missing = [m._meta.label for m in project_models() if m not in factories_by_model()]
    assert missing == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", project_models(), ids=lambda m: m._meta.label)
def test_factory_builds_a_valid_saved_instance(model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    instance = factories_by_model()[model]()
    assert instance.pk is not None
    instance.full_clean()
    assert model._default_manager.filter(pk=instance.pk).exists()
