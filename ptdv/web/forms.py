"""Forms of the web pages. Units and villages are chosen by searchable pickers over the
user's scope (ptdv.pickers), which also validate the submitted id against it."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ptdv import pickers
from ptdv.fields import DATE_INPUT, ActDateField, CitizenIdField
from ptdv.org.models import BranchType, UnitKind
from ptdv.people import identity, namesakes, record_on
from ptdv.people.choices import MemberEventKind
from ptdv.people.membership import MEMBER_MOVES_WITH_MEMBERSHIP, MOVEMENT_KINDS
from ptdv.people.models import PartyMember, Person, clean_phone
from ptdv.text import NormalisedForm


def person_url(person) -> str:
    return reverse("web:person", args=[person.pk])


class PersonForm(NormalisedForm, forms.ModelForm):
    """A person's record. An edit carries the version it was made on (ptdv.versioning)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    # Shown as a checkbox only after a namesake warning (ptdv.people.namesakes).
    namesake_confirmed = forms.BooleanField(
        label=_("Đây là người khác, vẫn lưu"), required=False, widget=forms.HiddenInput
    )
    # An edit changes the record from now on; a correction also what it said in the past
    # (admission figures count the person as they were when admitted: ptdv.people.record_on).
    correction = forms.BooleanField(label=record_on.CORRECTION_LABEL, required=False)

    class Meta:
        model = Person
        fields = [
            "full_name",
            "sex",
            "birth_date",
            "citizen_id",
            "ethnicity",
            "religion",
            "education",
            "occupation",
            "youth_union",
            "village",
            "home_town",
            "phone",
            "unit",
        ]
        widgets = {"birth_date": DATE_INPUT}
        field_classes = {"citizen_id": CitizenIdField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk is None:
            del self.fields["version"]
            del self.fields["correction"]
        else:
            self.fields["version"].initial = self.instance.version
        pickers.use_picker(self, "unit", pickers.UNITS, user)
        if self.instance.pk and PartyMember.objects.filter(person=self.instance).exists():
            # A member's person moves only with the membership (ptdv.people.membership).
            self.fields["unit"].disabled = True
            self.fields["unit"].help_text = MEMBER_MOVES_WITH_MEMBERSHIP
        pickers.use_picker(self, "village", pickers.VILLAGES, user)
        self.fields["phone"].widget.attrs.update(inputmode="tel", autocomplete="off")

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])

    def clean_citizen_id(self):
        citizen_id = self.cleaned_data["citizen_id"] or None
        refusal = identity.refusal(citizen_id, self.user, exclude_pk=self.instance.pk, link=person_url)
        if refusal is not None:
            raise refusal
        return citizen_id

    def clean(self):
        data = super().clean()
        if data.get("full_name") and data.get("birth_date") and not data.get("namesake_confirmed"):
            found = namesakes.namesakes(self.instance, data["full_name"], data["birth_date"], self.user)
            if found:
                self.fields["namesake_confirmed"].widget = forms.CheckboxInput()
                self.add_error(None, namesakes.warning(found))
        return data

    def validate_unique(self):
        """The citizen ID, Person's only unique field, is checked by clean_citizen_id with a
        message that depends on the user's scope (ptdv.people.identity), then by the database."""


class MemberRecordForm(NormalisedForm, forms.ModelForm):
    """The numbers a member is filed by; an edit carries the version it was made on."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = PartyMember
        fields = ["card_number", "dossier_number"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version


class MemberEventForm(NormalisedForm, forms.Form):
    kind = forms.ChoiceField(
        label=_("Sự kiện"),
        choices=[
            ("", "— chọn sự kiện —"),
            *[(k.value, k.label) for k in MemberEventKind if k in MOVEMENT_KINDS],
        ],
    )
    date = ActDateField(label=_("Ngày"))
    branch = forms.Field(required=False, label=_("Chi bộ chuyển đến"))
    decision_no = forms.CharField(label=_("Số quyết định"), max_length=60, required=False)
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        pickers.use_picker(self, "branch", pickers.BRANCHES, user)


class AdmitForm(NormalisedForm, forms.Form):
    branch = forms.Field(label=_("Chi bộ"))
    date = ActDateField(label=_("Ngày kết nạp (lễ kết nạp)"))
    decision_no = forms.CharField(label=_("Số quyết định kết nạp"), max_length=60, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        pickers.use_picker(self, "branch", pickers.BRANCHES, user)


class RenameForm(NormalisedForm, forms.Form):
    name = forms.CharField(label=_("Tên mới"), max_length=200)
    date = ActDateField()


class MoveForm(NormalisedForm, forms.Form):
    parent = forms.Field(label=_("Trực thuộc"))
    date = ActDateField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        pickers.use_picker(self, "parent", pickers.PARENTS, user)


class MergeForm(NormalisedForm, forms.Form):
    into = forms.Field(label=_("Hợp nhất vào"))
    date = ActDateField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        pickers.use_picker(self, "into", pickers.UNITS, user)


class DissolveForm(NormalisedForm, forms.Form):
    date = ActDateField()
    note = forms.CharField(label=_("Lý do"), required=False, max_length=500)


class PtdvSinceForm(NormalisedForm, forms.Form):
    ptdv_since = forms.DateField(
        label=_("Bắt đầu dùng PTĐV từ ngày"),
        widget=DATE_INPUT,
        help_text=_(
            "Việc làm trên giấy trước ngày này được Ban Tổ chức nhập là dữ liệu lịch sử; "
            "từ ngày này mọi bước đều được kiểm tra theo quy định. "
            "Các đơn vị trực thuộc chưa có ngày riêng dùng ngày này."
        ),
    )


class ChildUnitForm(NormalisedForm, forms.Form):
    name = forms.CharField(label=_("Tên"), max_length=200)
    code = forms.CharField(label=_("Mã"), max_length=60)
    kind = forms.ChoiceField(label=_("Loại"), choices=UnitKind.choices)
    branch_type = forms.ChoiceField(
        label=_("Loại chi bộ"), choices=[("", "—"), *BranchType.choices], required=False
    )
    date = ActDateField(label=_("Ngày thành lập"))


class VillageAssignForm(NormalisedForm, forms.Form):
    village = forms.Field(label=_("Thôn, bản, tổ dân phố"))
    branch = forms.Field(label=_("Sinh hoạt tại chi bộ"))
    date = ActDateField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        pickers.use_picker(self, "village", pickers.VILLAGES, user)
        pickers.use_picker(self, "branch", pickers.BRANCHES, user)
