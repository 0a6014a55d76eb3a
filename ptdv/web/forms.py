"""Forms of the web pages. Choices of units and villages come from the user's scope."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ptdv.fields import DATE_INPUT, ActDateField
from ptdv.org.models import BranchType, Unit, UnitKind, Village
from ptdv.people import identity
from ptdv.people.choices import MemberEventKind
from ptdv.people.membership import MEMBER_MOVES_WITH_MEMBERSHIP, MOVEMENT_KINDS
from ptdv.people.models import PartyMember, Person, clean_phone
from ptdv.text import NormalisedForm


class ScopedUnitField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{'— ' * (obj.depth - 1)}{obj.name}"


def person_url(person) -> str:
    return reverse("web:person", args=[person.pk])


def _units(user, **filters):
    return Unit.objects.visible_to(user).filter(valid_to__isnull=True, **filters)


class PersonForm(NormalisedForm, forms.ModelForm):
    """A person's record. An edit carries the version it was made on (ptdv.versioning)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

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

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if self.instance.pk is None:
            del self.fields["version"]
        else:
            self.fields["version"].initial = self.instance.version
        self.fields["unit"] = ScopedUnitField(queryset=_units(user), label=_("Đơn vị quản lý"))
        if self.instance.pk and PartyMember.objects.filter(person=self.instance).exists():
            # A member's person moves only with the membership (ptdv.people.membership).
            self.fields["unit"].disabled = True
            self.fields["unit"].help_text = MEMBER_MOVES_WITH_MEMBERSHIP
        self.fields["village"].queryset = Village.objects.visible_to(user).select_related("branch")
        self.fields["citizen_id"].widget.attrs.update(inputmode="numeric", maxlength=12)
        self.fields["phone"].widget.attrs.update(inputmode="tel", autocomplete="off")

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])

    def clean_citizen_id(self):
        citizen_id = self.cleaned_data["citizen_id"] or None
        refusal = identity.refusal(citizen_id, self.user, exclude_pk=self.instance.pk, link=person_url)
        if refusal is not None:
            raise refusal
        return citizen_id

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
    branch = ScopedUnitField(queryset=Unit.objects.none(), required=False, label=_("Chi bộ chuyển đến"))
    decision_no = forms.CharField(label=_("Số quyết định"), max_length=60, required=False)
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = _units(user).branches()


class AdmitForm(NormalisedForm, forms.Form):
    branch = ScopedUnitField(queryset=Unit.objects.none(), label=_("Chi bộ"))
    date = ActDateField(label=_("Ngày kết nạp (lễ kết nạp)"))
    decision_no = forms.CharField(label=_("Số quyết định kết nạp"), max_length=60, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branch"].queryset = _units(user).branches()


class RenameForm(NormalisedForm, forms.Form):
    name = forms.CharField(label=_("Tên mới"), max_length=200)
    date = ActDateField()


class MoveForm(NormalisedForm, forms.Form):
    parent = ScopedUnitField(queryset=Unit.objects.none(), label=_("Trực thuộc"))
    date = ActDateField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = _units(user).exclude(
            kind__in=[UnitKind.GRASSROOTS_BRANCH, UnitKind.BRANCH]
        )


class MergeForm(NormalisedForm, forms.Form):
    into = ScopedUnitField(queryset=Unit.objects.none(), label=_("Hợp nhất vào"))
    date = ActDateField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = _units(user)


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
    village = forms.ModelChoiceField(queryset=Village.objects.none(), label=_("Thôn, bản, tổ dân phố"))
    branch = ScopedUnitField(queryset=Unit.objects.none(), label=_("Sinh hoạt tại chi bộ"))
    date = ActDateField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = Village.objects.visible_to(user)
        self.fields["branch"].queryset = Unit.objects.visible_to(user).branches()
