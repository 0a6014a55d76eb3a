"""A JSON body handed to a Django form (the stage forms the pages also use).

Django's form fields expect what a browser sends: strings. A JSON list, object or number
reached them as is and some raised TypeError or AttributeError (a 500); a body that was a
JSON array had no `.get` at all. Here nested values are refused by name and scalars become
the strings a form would have received.
"""

from collections.abc import Mapping

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail, ValidationError


def as_form_data(data) -> dict[str, str]:
    if not isinstance(data, Mapping):
        raise ValidationError({"non_field_errors": [_("Nội dung gửi lên phải là một đối tượng JSON.")]})
    nested = sorted(name for name, value in data.items() if isinstance(value, list | dict))
    if nested:
        raise ValidationError(
            {name: [_("Phải là một giá trị đơn, không phải danh sách hay đối tượng.")] for name in nested}
        )
    return {name: "" if value is None else str(value) for name, value in data.items()}


def submit(form, action):
    """Validate `form` (a page's own form, bound to `as_form_data(request.data)`) and run
    `action(cleaned_data)`: the page's refusals, in the API's 400 shape, and nothing written
    when either the form or the service refuses (services raise before they write)."""
    if not form.is_valid():
        raise ValidationError(
            {
                "non_field_errors" if field == NON_FIELD_ERRORS else field: [
                    ErrorDetail(e["message"], code=e["code"] or "invalid") for e in errors
                ]
                for field, errors in form.errors.get_json_data().items()
            }
        )
    return action(form.cleaned_data)


_BODIES: dict[type, type] = {}


def body_of(form_class, *, name: str | None = None) -> type:
    """A serializer describing `form_class`'s body for the OpenAPI schema (never used to
    validate: the form does). A record chosen by a picker is sent as its id."""
    if form_class not in _BODIES:
        fields = {n: _schema_field(f) for n, f in form_class.base_fields.items()}
        _BODIES[form_class] = type(name or f"{form_class.__name__}Body", (serializers.Serializer,), fields)
    return _BODIES[form_class]


def _schema_field(field):
    options = {"required": field.required, "help_text": str(field.label or "") or None}
    if isinstance(field, forms.BooleanField):
        return serializers.BooleanField(**{**options, "required": False})
    if isinstance(field, forms.DateField):
        return serializers.DateField(**options)
    if isinstance(field, forms.IntegerField):
        return serializers.IntegerField(**options)
    if isinstance(field, forms.ModelChoiceField) or type(field) is forms.Field:
        return serializers.IntegerField(**options)
    if isinstance(field, forms.ChoiceField):
        choices = [(value, str(label)) for value, label in field.choices if value != ""]
        return serializers.ChoiceField(choices=choices, allow_blank=not field.required, **options)
    return serializers.CharField(max_length=getattr(field, "max_length", None), allow_blank=True, **options)
