"""A model field that stores several choices in one column.

Grade bands and languages are short, fixed lists; a join table for each would cost a query per
listing for no gain. Values are stored as "|a|b|" so that one band can be matched exactly with
`__contains="|a|"` on SQLite and PostgreSQL alike.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


def encode(values) -> str:
    values = [v for v in values if v]
    return f"|{'|'.join(values)}|" if values else ""


def contains(value: str) -> str:
    """The `__contains` argument that matches rows holding `value`."""
    return f"|{value}|"


class MultipleChoiceField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return list(value)
        return [v for v in value.split("|") if v]

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            return encode(value)
        return value or ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        valid = {str(key) for key, _label in self.flatchoices}
        for item in value or []:
            if item not in valid:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def run_validators(self, value):
        # CharField's max_length validator would measure the list, not the stored string.
        super().run_validators(self.get_prep_value(value))

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
            "coerce": str,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        defaults.pop("choices_form_class", None)
        defaults.pop("max_length", None)
        defaults.pop("empty_value", None)
        return form_class(**defaults)

    def labels(self, obj) -> list[str]:
        names = dict(self.flatchoices)
        return [str(names.get(v, v)) for v in self.value_from_object(obj)]
