"""API representations. Sensitive fields are dropped for roles not allowed to see them."""

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers

from ptdv.api.versioning import VersionedSerializer
from ptdv.org.models import BranchType, Unit, UnitKind, Village, VillageKind
from ptdv.people import citizen_ids, identity, membership, namesakes
from ptdv.people.membership import MOVEMENT_KINDS
from ptdv.people.models import MemberEvent, PartyMember, Person, clean_phone, validate_citizen_id
from ptdv.scope import SENSITIVE_PERSON_FIELDS, sees_sensitive
from ptdv.text import limit_length, normalise


class NormalisedSerializer(serializers.Serializer):
    """Text in a request body is normalised (ptdv.text) before the fields validate it."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            data = {key: self._normalised(key, value) for key, value in data.items()}
        return super().to_internal_value(data)

    def get_fields(self):
        """Every writable text field gets a length limit when it names none (ptdv.text)."""
        fields = super().get_fields()
        for field in fields.values():
            if isinstance(field, serializers.CharField) and not field.read_only:
                validator = limit_length(field.max_length, _multiline(field))
                if validator is not None:
                    field.max_length = validator.limit_value
                    field.validators.append(validator)
        return fields

    def _normalised(self, key, value):
        field = self.fields.get(key)
        keeps_spaces = isinstance(field, serializers.CharField) and not field.trim_whitespace
        if not isinstance(value, str) or keeps_spaces:
            return value
        return normalise(value, multiline=_multiline(field))


def _multiline(field) -> bool:
    return getattr(field, "style", {}).get("base_template") == "textarea.html"


class ScopedRelatedField(serializers.PrimaryKeyRelatedField):
    """A foreign key that only accepts ids from the requesting user's scope."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.context["request"].user)


class UnitSerializer(serializers.ModelSerializer):
    """A unit of the user's subtree; expects `parent_id` annotated (UnitQuerySet.with_parent_id)."""

    parent = serializers.SerializerMethodField()

    class Meta:
        model = Unit
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "branch_type",
            "deciding_body",
            "valid_from",
            "valid_to",
            "depth",
            "parent",
        ]

    def get_parent(self, unit) -> int | None:
        """Null for the user's own unit: its parent lies outside their scope, even as an id."""
        return unit.parent_id if unit.depth > self.context["request"].user.unit.depth else None


class UnitCreateSerializer(serializers.Serializer):
    """The body of a new unit (documents the page's ChildUnitForm, which validates it)."""

    parent = serializers.IntegerField(help_text="Đơn vị cấp trên, trong phạm vi.")
    name = serializers.CharField(max_length=200)
    code = serializers.CharField(max_length=60)
    kind = serializers.ChoiceField(choices=UnitKind.choices)
    branch_type = serializers.ChoiceField(choices=BranchType.choices, required=False, allow_blank=True)
    date = serializers.DateField(help_text="Ngày thành lập.")


class VillageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Village
        fields = ["id", "name", "kind", "branch"]
        read_only_fields = ["branch"]


class VillageCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=VillageKind.choices)
    branch = ScopedRelatedField(queryset=Unit.objects.all())
    date = serializers.DateField(default=timezone.localdate, help_text="Từ ngày sinh hoạt ở chi bộ này.")


class VillageAssignSerializer(serializers.Serializer):
    branch = ScopedRelatedField(queryset=Unit.objects.all())
    date = serializers.DateField(default=timezone.localdate)


class CitizenIdSerializerField(serializers.CharField):
    """Số CCCD with the spaces, dots or hyphens typed between groups dropped (ptdv.fields)."""

    def to_internal_value(self, data):
        return citizen_ids.without_separators(super().to_internal_value(data))


class PersonSerializer(NormalisedSerializer, VersionedSerializer):
    unit = ScopedRelatedField(queryset=Unit.objects.filter(valid_to__isnull=True))
    village = ScopedRelatedField(queryset=Village.objects.all(), allow_null=True, required=False)
    # Uniqueness is worded by ptdv.people.identity (validate_citizen_id), not DRF's validator.
    citizen_id = CitizenIdSerializerField(
        max_length=12, allow_null=True, allow_blank=True, required=False, validators=[validate_citizen_id]
    )
    warnings = serializers.SerializerMethodField(
        help_text="Cảnh báo không chặn việc lưu, ví dụ người cùng họ tên và ngày sinh trong phạm vi."
    )

    class Meta:
        model = Person
        fields = [
            "id",
            "full_name",
            "sex",
            "birth_date",
            "ethnicity",
            "religion",
            "education",
            "occupation",
            "youth_union",
            "village",
            "citizen_id",
            "home_town",
            "phone",
            "unit",
            "version",
            "warnings",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not sees_sensitive(self.context["request"].user):
            for field in SENSITIVE_PERSON_FIELDS:
                data.pop(field, None)
        return data

    def validate_phone(self, phone):
        return clean_phone(phone)

    def validate_citizen_id(self, citizen_id):
        citizen_id = citizen_id or None
        exclude_pk = self.instance.pk if self.instance else None
        refusal = identity.refusal(citizen_id, self.context["request"].user, exclude_pk=exclude_pk)
        if refusal is not None:
            raise serializers.ValidationError(refusal.messages, code="unique")
        return citizen_id

    def create(self, validated):
        person = Person(**validated)
        with identity.unique_citizen_id(person, self.context["request"].user):
            person.save()
        return person

    def update(self, instance, validated):
        with identity.unique_citizen_id(instance, self.context["request"].user):
            return super().update(instance, validated)

    def validate(self, attrs):
        """Run the model's own validation so the API and the forms refuse the same things."""
        if self.instance is not None:
            membership.check_person_unit(self.instance, attrs.get("unit"))
        instance = Person(pk=getattr(self.instance, "pk", None), **{**self._current(), **attrs})
        instance.full_clean(exclude=["search_name", "sort_key"], validate_unique=False)
        attrs["full_name"] = instance.full_name
        attrs["citizen_id"] = instance.citizen_id
        found = namesakes.namesakes(
            self.instance or instance, instance.full_name, instance.birth_date, self.context["request"].user
        )
        self._warnings = [namesakes.warning(found)] if found else []
        return attrs

    def get_warnings(self, person) -> list[str]:
        """Only the answer to a create or an edit warns; a read has nothing to warn about."""
        return getattr(self, "_warnings", [])

    def _current(self):
        if self.instance is None:
            return {}
        return {f: getattr(self.instance, f) for f in self.Meta.fields if f not in ("id", "warnings")}


class MemberEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = MemberEvent
        fields = ["id", "kind", "date", "branch", "status_after", "decision_no", "note", "recorded_at"]


class MemberEventCreateSerializer(NormalisedSerializer):
    kind = serializers.ChoiceField(choices=sorted(MOVEMENT_KINDS))
    date = serializers.DateField()
    branch = ScopedRelatedField(queryset=Unit.objects.all(), required=False, allow_null=True)
    decision_no = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    note = serializers.CharField(
        required=False, allow_blank=True, default="", style={"base_template": "textarea.html"}
    )


class MemberAdmitSerializer(serializers.Serializer):
    """The body of an admission (documents AdmitForm, which validates it)."""

    person = serializers.IntegerField(help_text="Người trong phạm vi, chưa là đảng viên.")
    branch = serializers.IntegerField(help_text="Chi bộ kết nạp.")
    date = serializers.DateField(help_text="Ngày lễ kết nạp.")
    decision_no = serializers.CharField(max_length=60, required=False, allow_blank=True)


def scoped(model, user, record_id: str, field: str):
    """The record named by id in a body if `user` sees it; refused as an invalid field
    otherwise (an id outside the scope reads exactly like one that does not exist)."""
    found = None
    if record_id.isascii() and record_id.isdigit():
        found = model.objects.visible_to(user).filter(pk=int(record_id)).first()
    if found is None:
        raise serializers.ValidationError({field: [_("Không tìm thấy bản ghi này trong phạm vi.")]})
    return found


class PartyMemberSerializer(NormalisedSerializer, VersionedSerializer):
    """A member as the events left them (read only), and the numbers they are filed by (editable)."""

    full_name = serializers.CharField(source="person.full_name", read_only=True)

    class Meta:
        model = PartyMember
        fields = [
            "id",
            "person",
            "full_name",
            "branch",
            "status",
            "admitted_on",
            "official_on",
            "left_on",
            "card_number",
            "dossier_number",
            "version",
        ]
        read_only_fields = ["id", "person", "branch", "status", "admitted_on", "official_on", "left_on"]
