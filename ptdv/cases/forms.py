"""The record each stage asks for, shared by the pages and the API so both refuse alike."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ptdv import pickers
from ptdv.cases.models import Case, DocumentKind, DossierDocument, Introduction, RelativeVerification
from ptdv.fields import DATE_INPUT, ActDateField
from ptdv.people.models import PartyMember
from ptdv.regulation import Stage
from ptdv.scope import VERIFICATION_ROLES
from ptdv.text import NormalisedForm


class StageForm(NormalisedForm, forms.Form):
    """The date of the act the step records; subclasses add the stage's own record."""

    date = ActDateField(label=_("Ngày"))
    version = forms.IntegerField(widget=forms.HiddenInput)

    def stage_data(self) -> dict:
        """What is stored on the event: JSON-ready, without the date, version and reason."""
        data = {}
        for name, value in self.cleaned_data.items():
            if name in ("date", "version", "reason"):
                continue
            data[name] = value.isoformat() if hasattr(value, "isoformat") else value
        return data


class AwarenessForm(StageForm):
    date = ActDateField(label=_("Ngày khai giảng lớp"))
    class_name = forms.CharField(label=_("Lớp bồi dưỡng nhận thức về Đảng"), max_length=200)
    cert_no = forms.CharField(label=_("Số giấy chứng nhận"), max_length=60, required=False)
    cert_date = forms.DateField(label=_("Ngày cấp giấy chứng nhận"), widget=DATE_INPUT, required=False)


class MeetingForm(StageForm):
    date = ActDateField(label=_("Ngày họp chi bộ"))
    summoned = forms.IntegerField(
        label=_("Số đảng viên chính thức được triệu tập"), min_value=0, max_value=10000
    )
    votes_for = forms.IntegerField(label=_("Số phiếu tán thành"), min_value=0, max_value=10000)


class CommitteeForm(StageForm):
    date = ActDateField(label=_("Ngày họp đảng ủy"))
    members = forms.IntegerField(label=_("Tổng số cấp ủy viên"), min_value=1, max_value=1000)
    votes_for = forms.IntegerField(label=_("Số phiếu tán thành"), min_value=0, max_value=1000)


class ExtensionMixin(forms.Form):
    """A deadline DOMAIN.md lets extend by 30 working days, always with a reason."""

    extended = forms.BooleanField(label=_("Gia hạn thêm 30 ngày làm việc"), required=False)
    extension_reason = forms.CharField(label=_("Lý do gia hạn"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("extended") and not data.get("extension_reason", "").strip():
            self.add_error("extension_reason", _("Gia hạn phải có lý do."))
        return data


class SubmittedForm(ExtensionMixin, StageForm):
    date = ActDateField(label=_("Ngày trình"))
    receiving_body = forms.CharField(label=_("Cấp nhận hồ sơ"), max_length=200)


class DecidedForm(StageForm):
    date = ActDateField(label=_("Ngày quyết định kết nạp"))
    decision_no = forms.CharField(label=_("Số quyết định"), max_length=60)
    received_on = forms.DateField(label=_("Ngày chi bộ nhận quyết định"), widget=DATE_INPUT, required=False)

    def clean(self):
        data = super().clean()
        if data.get("received_on") and data.get("date") and data["received_on"] < data["date"]:
            self.add_error("received_on", _("Ngày nhận trước ngày quyết định."))
        return data


class CeremonyForm(StageForm):
    date = ActDateField(label=_("Ngày lễ kết nạp"))


class RecognitionForm(ExtensionMixin, MeetingForm):
    pass


class OfficialForm(StageForm):
    date = ActDateField(label=_("Ngày quyết định công nhận"))
    decision_no = forms.CharField(label=_("Số quyết định"), max_length=60)


class ClosingForm(StageForm):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)


STAGE_FORMS: dict[Stage, type[StageForm]] = {
    Stage.AWARENESS: AwarenessForm,
    Stage.DOSSIER: StageForm,
    Stage.BRANCH_RESOLVED: MeetingForm,
    Stage.COMMITTEE_RESOLVED: CommitteeForm,
    Stage.SUBMITTED: SubmittedForm,
    Stage.DECIDED: DecidedForm,
    Stage.PROBATION: CeremonyForm,
    Stage.RECOGNITION_PROPOSED: RecognitionForm,
    Stage.OFFICIAL: OfficialForm,
    Stage.WITHDRAWN: ClosingForm,
    Stage.NOT_ADMITTED: ClosingForm,
    Stage.REMOVED: ClosingForm,
}


class CaseOpenForm(NormalisedForm, forms.ModelForm):
    date = ActDateField(label=_("Ngày đưa vào nguồn"))

    class Meta:
        model = Case
        fields = [
            "person",
            "branch",
            "source_organisation",
            "source_category",
            "helper",
            "hardship_area",
            "youth_union_exists",
            "historical",
        ]
        help_texts = {
            "historical": _(
                "Chỉ Ban Tổ chức đánh dấu, cho việc đã làm trên giấy trước ngày đơn vị bắt đầu dùng PTĐV."
            )
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        pickers.use_picker(self, "person", pickers.CANDIDATES, user)
        pickers.use_picker(self, "branch", pickers.BRANCHES, user)
        pickers.use_picker(self, "helper", pickers.MEMBERS, user)


class RecordForm(NormalisedForm, forms.ModelForm):
    """A checklist record, entered or corrected: a correction names the version it was made on
    (ptdv.versioning), kept in a hidden field of the page."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user=None, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["version"] = self.instance.version


class DocumentForm(RecordForm):
    class Meta:
        model = DossierDocument
        fields = ["kind", "purpose", "date", "number"]
        widgets = {"date": DATE_INPUT}
        help_texts = {"purpose": _("Chỉ cho ý kiến đồng ý của Ban Thường vụ Tỉnh ủy.")}

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == DocumentKind.PROVINCE_CONSENT and not data.get("purpose"):
            self.add_error("purpose", _("Hãy chọn ý kiến của Tỉnh ủy được cho về việc gì."))
        elif kind != DocumentKind.PROVINCE_CONSENT and data.get("purpose"):
            self.add_error("purpose", _("Mục đích chỉ ghi cho ý kiến đồng ý của Ban Thường vụ Tỉnh ủy."))
        if kind == DocumentKind.AWARENESS_CERT and not data.get("number"):
            self.add_error("number", _("Hãy ghi số giấy chứng nhận."))
        return data


class RelativeForm(RecordForm):
    class Meta:
        model = RelativeVerification
        fields = ["relation", "name", "is_party_member", "verified_on", "conclusion"]
        widgets = {"verified_on": DATE_INPUT, "conclusion": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user=None, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.role not in VERIFICATION_ROLES:
            del self.fields["conclusion"]  # sensitive: organizers and committees only


class IntroductionForm(RecordForm):
    class Meta:
        model = Introduction
        fields = ["introducer", "date", "relationship", "months_together", "replacement"]
        widgets = {"date": DATE_INPUT}

    def __init__(self, *args, user, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Introducers worked or lived with the applicant: members of the same grassroots
        # organisation, which the picker proposes and the field accepts.
        home = (case.branch.grassroots() or case.branch) if case is not None else None
        members = pickers.MEMBERS.offered(user, within=home)
        if self.instance.pk:
            # The introducer as entered stays choosable, even if they have since moved away.
            members = members | PartyMember.objects.visible_to(user).filter(pk=self.instance.introducer_id)
        pickers.use_picker(self, "introducer", pickers.MEMBERS, user, queryset=members, within=home)


class VoidForm(NormalisedForm, forms.Form):
    """Withdrawing a checklist record: always with a reason, kept with it."""

    reason = forms.CharField(label=_("Lý do hủy"), max_length=300)
    version = forms.IntegerField(widget=forms.HiddenInput)


class UndoForm(NormalisedForm, forms.Form):
    """Undoing the last move, recorded by mistake: always with a reason."""

    reason = forms.CharField(label=_("Lý do hủy bước"), max_length=300)
    version = forms.IntegerField(widget=forms.HiddenInput)
