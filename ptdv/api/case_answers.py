"""What the case endpoints answer besides the case: its acts, the next step's checklist, and
the judgement of a previewed move."""

from drf_spectacular.utils import OpenApiExample
from rest_framework import serializers

from ptdv.cases.models import CaseEvent


class FindingSerializer(serializers.Serializer):
    code = serializers.CharField()
    severity = serializers.CharField()
    message = serializers.CharField()
    citation = serializers.CharField()


class ChecklistRowSerializer(serializers.Serializer):
    label = serializers.CharField()
    form_code = serializers.CharField(help_text="Mẫu biểu (…-KNĐ), nếu có.")
    status = serializers.ChoiceField(choices=["present", "missing", "wrong"])
    messages = serializers.ListField(child=serializers.CharField())
    codes = serializers.ListField(child=serializers.CharField())
    citation = serializers.CharField()


class ChecklistNoteSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    severity = serializers.CharField()
    messages = serializers.ListField(child=serializers.CharField())
    citation = serializers.CharField()


class ChecklistSerializer(serializers.Serializer):
    """The case page's "Cần có cho bước tiếp theo" (ptdv.cases.checklist), item by item."""

    stage = serializers.CharField(allow_null=True, help_text="Bước tiếp theo; null khi không còn bước nào.")
    on = serializers.DateField()
    blocked = serializers.BooleanField()
    citation = serializers.CharField()
    rows = ChecklistRowSerializer(many=True)
    notes = ChecklistNoteSerializer(many=True)


class PreviewSerializer(serializers.Serializer):
    allowed = serializers.BooleanField(help_text="Bước này có ghi được không (không có lỗi chặn).")
    blocking = FindingSerializer(many=True, help_text="Các lỗi sẽ chặn việc ghi, như khi ghi thật.")
    findings = FindingSerializer(many=True, help_text="Mọi nhận xét (lỗi và cảnh báo) cho bước này.")


PREVIEW_EXAMPLE = OpenApiExample(
    "Biểu quyết chưa đủ",
    request_only=False,
    response_only=True,
    value={
        "allowed": False,
        "blocking": [
            {
                "code": "BRANCH_VOTE_TWO_THIRDS",
                "severity": "error",
                "message": "Số phiếu tán thành chưa đạt 2/3 số đảng viên chính thức được triệu tập.",
                "citation": "Quy định 294-QĐ/TW",
            }
        ],
        "findings": [],
    },
)


class CaseEventSerializer(serializers.ModelSerializer):
    """One act of the case with its record as typed (ptdv.cases.forms), and what it undid."""

    recorded_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    undone = serializers.SerializerMethodField()

    class Meta:
        model = CaseEvent
        fields = ["id", "stage", "date", "data", "reason", "reverts", "undone", "recorded_by", "recorded_at"]

    def get_undone(self, event) -> bool:
        """Whether a later correction undid this act (it is no longer read by any rule)."""
        return hasattr(event, "reverted_by")
