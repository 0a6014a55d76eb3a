"""Example payloads for /api/schema/: one made-up but plausible Vietnamese value per field name.

Every operation's request body and success response gets an example built from its own
serializer (ptdv.api.schema.AutoSchema calls `example_for`), so an example can never name a
field the serializer does not have — a sensitive field (ethnicity, religion, CCCD, verification
conclusion) appears only where the serializer itself carries it — and a new endpoint is
documented with no extra code. An example written by hand on a view (extend_schema examples,
e.g. the transition preview) wins over this one. All names are invented; none is a real person.
"""

import typing
from datetime import date, datetime

from rest_framework import serializers

# A value is used only if it fits the field's type; "Serializer.field" wins over "field".
SCOPED: dict[str, object] = {
    "UnitSerializer.code": "QN-TG-AV-01",
    "UnitRefSerializer.code": "QN-TG-AV-01",
    "UnitCreateSerializer.code": "QN-TG-AV-01",
    "RegulationVersionSerializer.code": "QD294-2025",
    "VerificationSerializer.name": "Hồ Văn Mười",
    "VillageSerializer.name": "Thôn Ta Lang",
    "VillageCreateSerializer.name": "Thôn Ta Lang",
    "VillageRowSerializer.name": "Thôn Ta Lang",
    "ChecklistSerializer.stage": "BRANCH_VOTE",
    "HistoryEntrySerializer.type": "Sửa",
}

# A value is used only if it fits the field's type; otherwise the field's type decides (below).
VALUES: dict[str, object] = {
    "full_name": "Hồ Văn Thử",
    "name": "Chi bộ thôn Ta Lang",
    "home_town": "xã A Vương, huyện Tây Giang, tỉnh Quảng Nam",
    "occupation": "farmer",
    "phone": "0905 123 456",
    "citizen_id": "049095001234",
    "card_number": "49.012345",
    "dossier_number": "HS-2025/017",
    "decision_no": "125-QĐ/HU",
    "number": "125-QĐ/HU",
    "title": "Quy định 294-QĐ/TW",
    "citation": "Quy định 294-QĐ/TW",
    "code": "BRANCH_VOTE_TWO_THIRDS",
    "message": "Số phiếu tán thành chưa đạt 2/3 số đảng viên chính thức được triệu tập.",
    "label": "Đơn xin vào Đảng",
    "note": "Đã đối chiếu với bản gốc tại chi bộ.",
    "reason": "Ghi nhầm ngày, sửa theo biên bản họp chi bộ.",
    "void_reason": "Ghi trùng với bản đã nộp trước đó.",
    "relationship": "Cha đẻ",
    "conclusion": "Lý lịch rõ ràng, không có vấn đề chính trị.",
    "recorded_by": "bithu.talang",
    "user": "bithu.talang",
    "grassroots": "Đảng bộ xã A Vương",
    "period": "2025",
    "plan": "Kết nạp 2 quần chúng trong quý III.",
    "stage_label": "Chi bộ biểu quyết",
    "old": "Chi bộ thôn Ta Lang",
    "new": "Chi bộ thôn Ta Lang - Bhơ Hôồng",
    "form_code": "Mẫu 2-KNĐ",
    "votes_for": 9,
    "summoned": 12,
    "months_together": 14,
    "version": 1,
    "birth_date": "1998-04-12",
    "admitted_on": "2024-11-20",
    "official_on": "2025-11-20",
    "opened_on": "2024-03-05",
    "percent": 106.25,
    "severity": "error",
    "detail": "Không có bản ghi này trong phạm vi của người dùng.",
    "field": "votes_for",
    "messages": "Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng.",
    "warnings": "Người được giới thiệu dưới 18 tuổi vào ngày dự kiến kết nạp.",
    "codes": "AWARENESS_CERTIFICATE",
    "sentences": "Năm 2025 kết nạp 17 đảng viên, đạt 106,25% chỉ tiêu.",
    "villages": "Thôn Ta Lang",
    "branch": "Chi bộ thôn Ta Lang",
    "parent": "Đảng bộ xã A Vương",
    "person": "Hồ Văn Thử",
    "branch_type": "VILLAGE",
    "relation": "FATHER",
    "kind": "BRANCH",
}

_DAY = date(2025, 6, 16).isoformat()
_MOMENT = datetime(2025, 6, 16, 9, 30).isoformat() + "+07:00"


def example_for(serializer) -> object | None:
    """The example value of `serializer` (an instance or class) as sent or answered, or None
    when it is not a DRF serializer (then drf-spectacular documents it without an example)."""
    if isinstance(serializer, type) and issubclass(serializer, serializers.BaseSerializer):
        serializer = serializer()
    if isinstance(serializer, serializers.ListSerializer):
        return [_object(serializer.child)]
    if isinstance(serializer, serializers.Serializer):
        return _object(serializer)
    return None


def request_example(serializer) -> dict | None:
    """The body a client sends: the writable fields only."""
    value = example_for(serializer)
    return _writable(serializer, value) if isinstance(value, dict) else value


def _writable(serializer, value: dict) -> dict:
    if isinstance(serializer, type):
        serializer = serializer()
    return {name: v for name, v in value.items() if not serializer.fields[name].read_only}


def _object(serializer) -> dict:
    scope = type(serializer).__name__
    return {
        name: _value(name, field, SCOPED.get(f"{scope}.{name}", VALUES.get(name)))
        for name, field in serializer.fields.items()
        if not field.write_only
    }


def _value(name: str, field, value) -> object:
    if isinstance(field, serializers.ListSerializer):
        return [_object(field.child)] if isinstance(field.child, serializers.Serializer) else []
    if isinstance(field, serializers.Serializer):
        return _object(field)
    if isinstance(field, serializers.ManyRelatedField):
        return [1]
    if isinstance(field, serializers.ListField):
        return [_value(name, field.child, value)] if field.child is not None else []
    if isinstance(field, serializers.ChoiceField):
        choices = list(field.choices)
        return value if value in choices else (choices[0] if choices else "")
    return _typed(value, field)


def _typed(value, field) -> object:
    """`value` when it fits the field's type, else a plain value of that type."""
    if isinstance(field, (serializers.SlugRelatedField, serializers.StringRelatedField)):
        return value if isinstance(value, str) else "Thôn Ta Lang"
    if isinstance(field, serializers.SerializerMethodField):
        returns = _returns(field)
        if typing.get_origin(returns) is list:
            return [_typed(value, _RETURNS.get(typing.get_args(returns)[0], serializers.CharField()))]
        return _typed(value, _RETURNS.get(returns, serializers.CharField()))
    kinds = [
        (serializers.BooleanField, bool, False),
        (serializers.IntegerField, int, 1),
        (serializers.FloatField, (int, float), 1.0),
        (serializers.DecimalField, (int, float), "1.00"),
        (serializers.DateTimeField, str, _MOMENT),
        (serializers.DateField, str, _DAY),
        (serializers.RelatedField, int, 1),
        (serializers.DictField, dict, {}),
        (serializers.JSONField, dict, {}),
    ]
    for kind, python_type, fallback in kinds:
        if isinstance(field, kind):
            fits = isinstance(value, python_type) and not (python_type is int and isinstance(value, bool))
            return value if fits else fallback
    return value if isinstance(value, str) else "Thôn Ta Lang"


_RETURNS = {
    bool: serializers.BooleanField(),
    int: serializers.IntegerField(),
    float: serializers.FloatField(),
    dict: serializers.DictField(),
}


def _returns(field) -> object:
    """The return annotation of a SerializerMethodField's method (its type in the schema)."""
    method = getattr(field.parent, field.method_name, None)
    try:
        return typing.get_type_hints(method).get("return") if method else None
    except (NameError, TypeError):
        return None
