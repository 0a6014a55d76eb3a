"""Form fields shared by the pages and the API's stage records."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ptdv.people import citizen_ids

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActDateField(forms.DateField):
    """The date of the act recorded (meeting, decision), defaulting to today."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Ngày hiệu lực"))
        kwargs.setdefault("widget", DATE_INPUT)
        kwargs.setdefault("initial", timezone.localdate)
        super().__init__(**kwargs)


class CitizenIdField(forms.CharField):
    """Số CCCD as people type it from a card: spaces, dots and hyphens between groups are
    dropped before the 12-digit check, so '006 090 000 123' is saved as 006090000123."""

    def to_python(self, value):
        value = super().to_python(value)
        return citizen_ids.without_separators(value) if value else value

    def widget_attrs(self, widget):
        # The browser must let the separators be typed; the 12 digits are checked after cleaning.
        return {**super().widget_attrs(widget), "maxlength": "20", "inputmode": "numeric"}
