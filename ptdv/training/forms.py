"""The class pages' forms: a class, the people to enrol, and one row of results per person."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ptdv.cases.models import Case
from ptdv.fields import DATE_INPUT
from ptdv.org.models import BRANCH_KINDS, Unit
from ptdv.text import NormalisedForm
from ptdv.training.models import AwarenessClass, Result


class ClassForm(NormalisedForm, forms.ModelForm):
    class Meta:
        model = AwarenessClass
        fields = ["unit", "organiser", "name", "starts_on", "ends_on", "place", "note"]
        widgets = {"starts_on": DATE_INPUT, "ends_on": DATE_INPUT, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Classes are opened above the branches: a commune committee, a district, a province.
        self.fields["unit"].queryset = (
            Unit.objects.visible_to(user).filter(valid_to__isnull=True).exclude(kind__in=BRANCH_KINDS)
        )

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Ngày bế giảng trước ngày khai giảng."))
        return data


class EnrolForm(NormalisedForm, forms.Form):
    """The ticked cases; any case the user may see, so the service names those that cannot join."""

    cases = forms.ModelMultipleChoiceField(
        queryset=Case.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Hãy chọn ít nhất một người.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].queryset = Case.objects.visible_to(user).select_related("person", "branch")


class FilterForm(forms.Form):
    """Narrows the list of people who may join: a name (diacritics ignored) and a branch."""

    q = forms.CharField(label=_("Tìm theo tên"), required=False, max_length=100)
    branch = forms.ModelChoiceField(
        label=_("Chi bộ"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, branches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = branches
        self.fields["branch"].empty_label = _("Tất cả chi bộ")


class ResultForm(NormalisedForm, forms.Form):
    """One enrolled person's result; a pass needs the certificate the regulation reads."""

    enrolment = forms.IntegerField(widget=forms.HiddenInput)
    result = forms.ChoiceField(
        label=_("Kết quả"),
        choices=[("", _("— chưa có —")), *Result.choices],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    cert_no = forms.CharField(
        label=_("Số giấy chứng nhận"),
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    cert_date = forms.DateField(
        label=_("Ngày cấp"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, starts_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.starts_on = starts_on

    def clean(self):
        data = super().clean()
        result, cert_no, cert_date = data.get("result"), data.get("cert_no"), data.get("cert_date")
        if result == Result.PASSED:
            if not cert_no:
                self.add_error("cert_no", _("Người đạt cần số giấy chứng nhận."))
            if not cert_date:
                self.add_error("cert_date", _("Người đạt cần ngày cấp giấy chứng nhận."))
        elif cert_no or cert_date:
            self.add_error("result", _("Chỉ người đạt mới có giấy chứng nhận."))
        if cert_date and self.starts_on and cert_date < self.starts_on:
            self.add_error("cert_date", _("Ngày cấp trước ngày khai giảng lớp."))
        if cert_date and cert_date > timezone.localdate():
            self.add_error("cert_date", _("Ngày cấp ở tương lai."))
        return data


ResultFormSet = forms.formset_factory(ResultForm, extra=0)
