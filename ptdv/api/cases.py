"""Case endpoints: scoped CRUD (no delete), transitions, findings as of a date, deadlines."""

from datetime import date

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from ptdv.api.serializers import NormalisedSerializer, ScopedRelatedField
from ptdv.api.versioning import VersionedSerializer, VersionedViewMixin, versioned_edits
from ptdv.api.views import EditorsWrite, ScopedViewSet
from ptdv.cases import transitions
from ptdv.cases.deadlines import due_items
from ptdv.cases.facts import facts_for, regulation_settings
from ptdv.cases.forms import STAGE_FORMS
from ptdv.cases.models import Case
from ptdv.org.models import Unit
from ptdv.people.models import PartyMember, Person
from ptdv.regulation import Stage, check


class CaseSerializer(NormalisedSerializer, VersionedSerializer):
    person = ScopedRelatedField(queryset=Person.objects.all())
    branch = ScopedRelatedField(queryset=Unit.objects.all())
    helper = ScopedRelatedField(queryset=PartyMember.objects.all(), required=False, allow_null=True)
    opened_on = serializers.DateField(default=timezone.localdate)

    class Meta:
        model = Case
        fields = [
            "id",
            "person",
            "branch",
            "stage",
            "opened_on",
            "source_organisation",
            "source_category",
            "helper",
            "member",
            "hardship_area",
            "fisherman",
            "respected_elder",
            "literate",
            "youth_union_exists",
            "former_member",
            "left_party_on",
            "cleared_conviction",
            "previously_readmitted",
            "barred_reason",
            "historical",
            "version",
        ]
        read_only_fields = ["stage", "member"]
        # Not DRF's generic "unique set" check from the constraint one_open_case_per_person:
        # transitions.open_case refuses with DUPLICATE_PERSON, also when it loses a race.
        validators = []

    def create(self, validated):
        data = dict(validated)
        return transitions.open_case(
            data.pop("person"),
            data.pop("branch"),
            data.pop("opened_on"),
            by=self.context["request"].user,
            **data,
        )

    def update(self, instance, validated):
        for field in ("person", "branch", "opened_on", "source_organisation", "source_category"):
            validated.pop(field, None)  # these are the case's identity; a new case is opened instead
        return super().update(instance, validated)


class FindingSerializer(serializers.Serializer):
    code = serializers.CharField()
    severity = serializers.CharField()
    message = serializers.CharField()
    citation = serializers.CharField()


class RefusalSerializer(serializers.Serializer):
    findings = FindingSerializer(many=True)


class TransitionSerializer(serializers.Serializer):
    """The common part; each stage adds its own record (see ptdv.cases.forms.STAGE_FORMS)."""

    stage = serializers.ChoiceField(choices=[s.value for s in STAGE_FORMS])
    date = serializers.DateField()
    version = serializers.IntegerField()
    reason = serializers.CharField(required=False)
    summoned = serializers.IntegerField(required=False)
    votes_for = serializers.IntegerField(required=False)
    decision_no = serializers.CharField(required=False)


@versioned_edits(CaseSerializer)
class CaseViewSet(
    VersionedViewMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ScopedViewSet,
):
    model = Case
    serializer_class = CaseSerializer
    permission_classes = [EditorsWrite]

    def get_queryset(self):
        cases = super().get_queryset().select_related("person", "branch")
        if self.request.query_params.get("stage"):
            cases = cases.filter(stage=self.request.query_params["stage"])
        return cases

    @extend_schema(request=TransitionSerializer, responses={201: CaseSerializer, 400: RefusalSerializer})
    @action(detail=True, methods=["post"])
    def transitions(self, request, pk=None):
        """Move the case with the stage's record; refused with the findings when an error applies."""
        case = self.get_object()
        stage = request.data.get("stage")
        if stage not in STAGE_FORMS:
            raise ValidationError({"stage": [f"Giai đoạn không hợp lệ: {stage}"]})
        form = STAGE_FORMS[Stage(stage)](data=request.data)
        if not form.is_valid():
            raise ValidationError(
                {
                    field: [e["message"] for e in errors]
                    for field, errors in form.errors.get_json_data().items()
                }
            )
        try:
            transitions.move(
                case,
                stage,
                form.cleaned_data["date"],
                form.stage_data(),
                by=request.user,
                version=form.cleaned_data["version"],
                reason=form.cleaned_data.get("reason", ""),
            )
        except transitions.TransitionRefused as refused:
            return Response(
                {"findings": [f.to_dict() for f in refused.findings]}, status=status.HTTP_400_BAD_REQUEST
            )
        case.refresh_from_db()
        return Response(
            CaseSerializer(case, context={"request": request}).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        parameters=[OpenApiParameter("as_of", date, description="YYYY-MM-DD; mặc định hôm nay")],
        responses=FindingSerializer(many=True),
    )
    @action(detail=True, methods=["get"])
    def findings(self, request, pk=None):
        case = self.get_object()
        try:
            as_of = date.fromisoformat(request.query_params.get("as_of") or timezone.localdate().isoformat())
        except ValueError as bad:
            raise ValidationError({"as_of": ["Ngày phải theo dạng YYYY-MM-DD."]}) from bad
        return Response([f.to_dict() for f in check(facts_for(case), as_of, regulation_settings())])


class DueItemSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    person = serializers.CharField()
    code = serializers.CharField()
    label = serializers.CharField()
    basis_date = serializers.DateField()
    due_date = serializers.DateField()
    status = serializers.CharField()


class DeadlineViewSet(ScopedViewSet):
    model = Case
    pagination_class = None

    @extend_schema(responses=DueItemSerializer(many=True))
    def list(self, request):
        items = due_items(self.get_queryset(), timezone.localdate())
        return Response(
            [
                {
                    "case": i.case.pk,
                    "person": i.case.person.full_name,
                    "code": i.deadline.code,
                    "label": i.deadline.label,
                    "basis_date": i.deadline.basis_date,
                    "due_date": i.deadline.due_date,
                    "status": i.status,
                }
                for i in items
            ]
        )
