"""API representations. Sensitive fields are dropped for roles not allowed to see them."""

from django.utils import timezone
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from ptdv.org.models import Unit, Village
from ptdv.people import membership
from ptdv.people.membership import MOVEMENT_KINDS
from ptdv.people.models import MemberEvent, PartyMember, Person, validate_citizen_id
from ptdv.scope import sees_sensitive

SENSITIVE_PERSON_FIELDS = ("ethnicity", "religion", "citizen_id")


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


class UnitMoveSerializer(serializers.Serializer):
    parent = ScopedRelatedField(queryset=Unit.objects.all())
    date = serializers.DateField(default=timezone.localdate)


class VillageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Village
        fields = ["id", "name", "kind", "branch"]
        read_only_fields = ["branch"]


class VillageAssignSerializer(serializers.Serializer):
    branch = ScopedRelatedField(queryset=Unit.objects.all())
    date = serializers.DateField(default=timezone.localdate)


class PersonSerializer(serializers.ModelSerializer):
    unit = ScopedRelatedField(queryset=Unit.objects.filter(valid_to__isnull=True))
    village = ScopedRelatedField(queryset=Village.objects.all(), allow_null=True, required=False)

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
            "unit",
        ]
        extra_kwargs = {
            "citizen_id": {
                "validators": [
                    validate_citizen_id,
                    UniqueValidator(
                        Person.objects.all(),
                        message=Person._meta.get_field("citizen_id").error_messages["unique"],
                    ),
                ]
            }
        }

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not sees_sensitive(self.context["request"].user):
            for field in SENSITIVE_PERSON_FIELDS:
                data.pop(field, None)
        return data

    def validate(self, attrs):
        """Run the model's own validation so the API and the forms refuse the same things."""
        if self.instance is not None:
            membership.check_person_unit(self.instance, attrs.get("unit"))
        instance = Person(**{**self._current(), **attrs})
        instance.full_clean(exclude=["search_name", "sort_key"], validate_unique=False)
        attrs["full_name"] = instance.full_name
        attrs["citizen_id"] = instance.citizen_id
        return attrs

    def _current(self):
        if self.instance is None:
            return {}
        return {f: getattr(self.instance, f) for f in self.Meta.fields if f != "id"}


class MemberEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = MemberEvent
        fields = ["id", "kind", "date", "branch", "status_after", "decision_no", "note", "recorded_at"]


class MemberEventCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=sorted(MOVEMENT_KINDS))
    date = serializers.DateField()
    branch = ScopedRelatedField(queryset=Unit.objects.all(), required=False, allow_null=True)
    decision_no = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class PartyMemberSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(source="person.full_name", read_only=True)

    class Meta:
        model = PartyMember
        fields = ["id", "person", "full_name", "branch", "status", "admitted_on", "official_on", "left_on"]
        read_only_fields = fields
