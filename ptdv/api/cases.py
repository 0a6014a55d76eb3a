"""Case endpoints: scoped CRUD (no delete), transitions, findings as of a date, deadlines."""

from datetime import date

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, PolymorphicProxySerializer, extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from ptdv.api.errors import ValidationErrors
from ptdv.api.formdata import as_form_data
from ptdv.api.pagination import Cursor
from ptdv.api.serializers import NormalisedSerializer, ScopedRelatedField
from ptdv.api.versioning import VersionedSerializer, VersionedViewMixin, versioned_edits
from ptdv.api.views import EditorsWrite, LogsSensitiveReads, ScopedViewSet
from ptdv.cases import corrections, transitions
from ptdv.cases.deadlines import STATUSES, deadline_rows, due_item, working_calendar
from ptdv.cases.facts import facts_for, regulation_settings
from ptdv.cases.forms import STAGE_FORMS
from ptdv.cases.models import Case
from ptdv.org.models import Unit
from ptdv.people.models import PartyMember, Person
from ptdv.regulation import Stage, check
from ptdv.regulation.deadlines import STATUS_LABELS


class CaseSerializer(NormalisedSerializer, VersionedSerializer):
    person = ScopedRelatedField(queryset=Person.objects.all())
    branch = ScopedRelatedField(queryset=Unit.objects.all())
    helper = ScopedRelatedField(queryset=PartyMember.objects.all(), required=False, allow_null=True)
    opened_on = serializers.DateField(default=timezone.localdate)
    # Why a closed case's facts are corrected (organizers only); kept in the case's history.
    reason = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=1000)

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
            "reason",
        ]
        read_only_fields = ["stage", "member"]
        # Not DRF's generic "unique set" check from the constraint one_open_case_per_person:
        # transitions.open_case refuses with DUPLICATE_PERSON, also when it loses a race.
        validators = []

    def create(self, validated):
        data = dict(validated)
        data.pop("reason", None)
        try:
            return transitions.open_case(
                data.pop("person"),
                data.pop("branch"),
                data.pop("opened_on"),
                by=self.context["request"].user,
                **data,
            )
        except transitions.TransitionRefused as refused:
            # The refusal shape of the transitions endpoint, so the rule code (DUPLICATE_PERSON) shows.
            raise ValidationError({"findings": [f.to_dict() for f in refused.findings]}) from refused

    def update(self, instance, validated):
        for field in ("person", "branch", "opened_on", "source_organisation", "source_category"):
            validated.pop(field, None)  # these are the case's identity; a new case is opened instead
        reason, version = validated.pop("reason", ""), validated.pop("version", None)
        return corrections.change_facts(
            instance, validated, by=self.context["request"].user, version=version, reason=reason
        )


class FindingSerializer(serializers.Serializer):
    code = serializers.CharField()
    severity = serializers.CharField()
    message = serializers.CharField()
    citation = serializers.CharField()


class RefusalSerializer(serializers.Serializer):
    findings = FindingSerializer(many=True)


# A transition answers 400 either with the regulation's findings or with invalid fields.
TRANSITION_REFUSAL = PolymorphicProxySerializer(
    component_name="TransitionRefusal",
    serializers=[RefusalSerializer, ValidationErrors],
    resource_type_field_name=None,
)


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
    LogsSensitiveReads,
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

    @extend_schema(parameters=[OpenApiParameter("stage", str, enum=[s.value for s in Stage])])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        cases = super().get_queryset().select_related("person", "branch")
        if self.request.query_params.get("stage"):
            cases = cases.filter(stage=self.request.query_params["stage"])
        return cases

    @extend_schema(request=TransitionSerializer, responses={201: CaseSerializer, 400: TRANSITION_REFUSAL})
    @action(detail=True, methods=["post"])
    def transitions(self, request, pk=None):
        """Move the case with the stage's record; refused with the findings when an error applies."""
        case = self.get_object()
        data = as_form_data(request.data)
        stage = data.get("stage")
        if stage not in STAGE_FORMS:
            raise ValidationError({"stage": [f"Giai đoạn không hợp lệ: {stage}"]})
        form = STAGE_FORMS[Stage(stage)](data=data)
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
        responses={200: FindingSerializer(many=True), 400: ValidationErrors},
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def findings(self, request, pk=None):
        case = self.get_object()
        try:
            as_of = date.fromisoformat(request.query_params.get("as_of") or timezone.localdate().isoformat())
        except ValueError as bad:
            raise ValidationError({"as_of": ["Ngày phải theo dạng YYYY-MM-DD."]}) from bad
        found = check(facts_for(case, viewer=request.user), as_of, regulation_settings())
        return Response([f.to_dict() for f in found])


class DueItemSerializer(serializers.Serializer):
    case = serializers.IntegerField()
    person = serializers.CharField()
    code = serializers.CharField()
    label = serializers.CharField()
    basis_date = serializers.DateField()
    due_date = serializers.DateField()
    extended = serializers.BooleanField(help_text="đã gia hạn")
    met_on = serializers.DateField(allow_null=True, help_text="ngày đã thực hiện (null: chưa)")
    status = serializers.ChoiceField(
        choices=list(STATUS_LABELS.items()),
        help_text="done: đã thực hiện; overdue: quá hạn; due_today: đến hạn hôm nay; "
        "due_soon: sắp đến hạn (trong 10 ngày làm việc); pending: chưa đến hạn",
    )


class DeadlineCursor(Cursor):
    ordering = ("due_date", "case_id", "id")


def _day(request, name: str) -> date:
    try:
        return date.fromisoformat(request.query_params.get(name) or timezone.localdate().isoformat())
    except ValueError as bad:
        raise ValidationError({name: ["Ngày phải theo dạng YYYY-MM-DD."]}) from bad


def _id(request, name: str) -> int | None:
    value = request.query_params.get(name)
    if value in (None, ""):
        return None
    if not value.isdigit():
        raise ValidationError({name: ["Phải là một số."]})
    return int(value)


class DeadlineViewSet(ScopedViewSet):
    """The kept deadlines (ptdv.cases.derived) of the cases in scope: one query a page."""

    model = Case
    pagination_class = DeadlineCursor

    @extend_schema(
        parameters=[
            OpenApiParameter("case", int, description="chỉ thời hạn của hồ sơ này"),
            OpenApiParameter("unit", int, description="chỉ hồ sơ của đơn vị này và các đơn vị trực thuộc"),
            OpenApiParameter("as_of", date, description="YYYY-MM-DD; mặc định hôm nay"),
            OpenApiParameter(
                "status",
                str,
                enum=list(STATUSES),
                description="due: chưa thực hiện, chưa quá hạn; overdue: quá hạn; met: đã thực hiện "
                "(kèm ngày). Mặc định: mọi thời hạn chưa thực hiện của hồ sơ đang trong thời hạn.",
            ),
        ],
        responses={200: DueItemSerializer(many=True), 400: ValidationErrors},
    )
    def list(self, request):
        as_of = _day(request, "as_of")
        wanted = request.query_params.get("status") or None
        if wanted is not None and wanted not in STATUSES:
            raise ValidationError({"status": ["Trạng thái phải là due, overdue hoặc met."]})
        cases = self.get_queryset()
        if (case := _id(request, "case")) is not None:
            cases = cases.filter(pk=case)
        if (unit := _id(request, "unit")) is not None:
            # A unit outside the scope filters to nothing, exactly like a unit that does not exist.
            within = Unit.objects.visible_to(request.user).filter(pk=unit).first()
            cases = cases.filter(branch__path__startswith=within.path) if within else cases.none()
        page = self.paginate_queryset(deadline_rows(cases, as_of, wanted))
        calendar = working_calendar()
        items = [due_item(row, as_of, calendar) for row in page]
        return self.get_paginated_response(
            [
                {
                    "case": i.case.pk,
                    "person": i.case.person.full_name,
                    "code": i.deadline.code,
                    "label": i.deadline.label,
                    "basis_date": i.deadline.basis_date,
                    "due_date": i.deadline.due_date,
                    "extended": i.deadline.extended,
                    "met_on": i.deadline.done_date,
                    "status": i.status,
                }
                for i in items
            ]
        )
