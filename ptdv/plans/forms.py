"""The plan pages' forms: a plan, its correction or withdrawal, and the one table of quotas."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ptdv import pickers
from ptdv.fields import DATE_INPUT
from ptdv.plans.models import CATEGORIES, Plan
from ptdv.plans.services import QUOTA_FIELDS
from ptdv.text import NormalisedForm

TARGET_FIELDS = list(QUOTA_FIELDS)


class PlanForm(NormalisedForm, forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["unit", "number", "issued_on", "title", "starts_on", "ends_on", *TARGET_FIELDS, "note"]
        widgets = {
            "issued_on": DATE_INPUT,
            "starts_on": DATE_INPUT,
            "ends_on": DATE_INPUT,
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        pickers.use_picker(self, "unit", pickers.UNITS, user)
        if self.instance.pk:
            # A plan stays the document of its unit; a plan entered for the wrong unit is withdrawn.
            self.fields["unit"].disabled = True

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Ngày kết thúc trước ngày bắt đầu."))
        return data


class CorrectionForm(PlanForm):
    """A correction of a plan: the same fields, the version it was made on, and why."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Lý do sửa"), max_length=300)


class WithdrawForm(NormalisedForm, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Lý do thu hồi"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )


def _count(label):
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=100_000,
        required=False,
        widget=forms.NumberInput(
            attrs={"class": "form-control form-control-sm quota-input", "inputmode": "numeric"}
        ),
    )


class QuotaRowForm(forms.Form):
    """One child unit's row: its quota and sub-targets; an empty target means no quota."""

    unit = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"] = _count(_("Chỉ tiêu"))
        for name, label in CATEGORIES.items():
            self.fields[name] = _count(label)

    def clean(self):
        data = super().clean()
        if data.get("target") is None and any(data.get(name) is not None for name in CATEGORIES):
            self.add_error("target", _("Hãy ghi chỉ tiêu chung trước khi ghi chỉ tiêu theo đối tượng."))
        return data

    def values(self) -> dict | None:
        """The quota this row hands out (QUOTA_FIELDS), or None for none."""
        if self.cleaned_data.get("target") is None:
            return None
        return {name: self.cleaned_data.get(name) for name in QUOTA_FIELDS}


QuotaFormSet = forms.formset_factory(QuotaRowForm, extra=0)


class QuotaHeadForm(NormalisedForm, forms.Form):
    """What the quota table names once: the plan's version and, for changed quotas, why."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Lý do điều chỉnh (khi sửa chỉ tiêu đã giao)"), max_length=300, required=False
    )
