"""A JSON body handed to a Django form (the stage forms the pages also use).

Django's form fields expect what a browser sends: strings. A JSON list, object or number
reached them as is and some raised TypeError or AttributeError (a 500); a body that was a
JSON array had no `.get` at all. Here nested values are refused by name and scalars become
the strings a form would have received.
"""

from collections.abc import Mapping

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError


def as_form_data(data) -> dict[str, str]:
    if not isinstance(data, Mapping):
        raise ValidationError({"non_field_errors": [_("Nội dung gửi lên phải là một đối tượng JSON.")]})
    nested = sorted(name for name, value in data.items() if isinstance(value, list | dict))
    if nested:
        raise ValidationError(
            {name: [_("Phải là một giá trị đơn, không phải danh sách hay đối tượng.")] for name in nested}
        )
    return {name: "" if value is None else str(value) for name, value in data.items()}
