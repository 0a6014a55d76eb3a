"""Form fields shared by the pages and the API's stage records."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActDateField(forms.DateField):
    """The date of the act recorded (meeting, decision), defaulting to today."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Ngày hiệu lực"))
        kwargs.setdefault("widget", DATE_INPUT)
        kwargs.setdefault("initial", timezone.localdate)
        super().__init__(**kwargs)
