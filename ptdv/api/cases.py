"""Case endpoints: scoped CRUD (no delete), transitions, findings as of a date, deadlines."""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    PolymorphicProxySerializer,
    extend_schema,
)
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from ptdv.api.case_answers import (
    PREVIEW_EXAMPLE,
    CaseEventSerializer,
    ChecklistSerializer,
    FindingSerializer,
    PreviewSerializer,
)
from ptdv.api.errors import ErrorItem, ValidationErrors, listed
from ptdv.api.formdata import as_form_data, body_of, submit
from ptdv.api.pagination import Cursor
from ptdv.api.serializers import NormalisedSerializer, ScopedRelatedField
from ptdv.api.versioning import VersionedSerializer, VersionedViewMixin, versioned_edits
from ptdv.api.views import EditorsWrite, LogsSensitiveReads, ScopedViewSet
from ptdv.cases import checklist as checklists
from ptdv.cases import corrections, transitions
from ptdv.cases.deadlines import STATUSES, deadline_rows, due_item, working_calendar
from ptdv.cases.facts import facts_for, regulation_settings
from ptdv.cases.forms import STAGE_FORMS, UndoForm
from ptdv.cases.models import Case
from ptdv.org.models import Unit
from ptdv.people.models import PartyMember, Person
from ptdv.regulation import Stage, blocking, check
from ptdv.regulation.deadlines import STATUS_LABELS


class CaseSerializer(NormalisedSerializer, VersionedSerializer):
    person = ScopedRelatedField(queryset=Person.objects.all())
    branch = ScopedRelatedField(queryset=Unit.objects.all())
    helper = ScopedRelatedField(queryset=PartyMember.objects.all(), required=False, allow_null=True)
    opened_on = serializers.DateField(default=timezone.localdate)
    # Why a closed case's facts are corrected (organizers only); kept in the case's history.
    reason = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=1000)
    stage_label = serializers.CharField(source="get_stage_display", read_only=True)
    links = serializers.SerializerMethodField(help_text="Địa chỉ các phần của hồ sơ trong API.")

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
            "stage_label",
            "links",
        ]
        read_only_fields = ["stage", "member"]
        # Not DRF's generic "unique set" check from the constraint one_open_case_per_person:
        # transitions.open_case refuses with DUPLICATE_PERSON, also when it loses a race.
        validators = []

    def get_links(self, case) -> dict[str, str]:
        base = f"/api/cases/{case.pk}/"
        parts = ("events", "findings", "documents", "verifications", "introductions", "consents")
        return {"self": base, **{part: f"{base}{part}/" for part in parts}}

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


class RefusalSerializer(serializers.Serializer):
    findings = FindingSerializer(many=True)
    errors = ErrorItem(many=True, help_text="Các lỗi chặn: mã quy tắc (code) và thông báo.")


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


AS_OF = OpenApiParameter("as_of", date, description="YYYY-MM-DD; mặc định hôm nay")


def _as_of(request) -> date:
    try:
        return date.fromisoformat(request.query_params.get("as_of") or timezone.localdate().isoformat())
    except ValueError as bad:
        raise ValidationError({"as_of": [_("Ngày phải theo dạng YYYY-MM-DD.")]}) from bad


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

    def _stage_form(self, request):
        """The move's record, validated by the stage's own form (the case page's)."""
        data = as_form_data(request.data)
        stage = data.get("stage")
        if stage not in STAGE_FORMS:
            raise ValidationError({"stage": [_("Giai đoạn không hợp lệ: %(s)s") % {"s": stage}]})
        form = STAGE_FORMS[Stage(stage)](data=data)
        return stage, submit(form, lambda cleaned: form)

    @extend_schema(request=TransitionSerializer, responses={201: CaseSerializer, 400: TRANSITION_REFUSAL})
    @action(detail=True, methods=["post"])
    def transitions(self, request, pk=None):
        """Move the case with the stage's record; refused with the findings when an error applies."""
        case = self.get_object()
        stage, form = self._stage_form(request)
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
            found = {"findings": [f.to_dict() for f in refused.findings]}
            return Response({**found, "errors": listed(found)}, status=status.HTTP_400_BAD_REQUEST)
        case.refresh_from_db()
        return Response(
            CaseSerializer(case, context={"request": request}).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=TransitionSerializer,
        responses={200: PreviewSerializer},
        examples=[PREVIEW_EXAMPLE],
    )
    @action(detail=True, methods=["post"], url_path="transitions/preview")
    def preview(self, request, pk=None):
        """What the same move would be judged to: every finding, and whether it would be
        refused — judged by transitions.judge_move like the move itself, writing nothing."""
        case = self.get_object()
        stage, form = self._stage_form(request)
        on, reason = form.cleaned_data["date"], form.cleaned_data.get("reason", "")
        transitions.check_preconditions(case, Stage(stage), on, by=request.user, reason=reason)
        found = transitions.findings_for_move(case, Stage(stage), on, form.stage_data(), by=request.user)
        blockers = blocking(found, Stage(stage))
        return Response(
            {
                "allowed": not blockers,
                "blocking": [f.to_dict() for f in blockers],
                "findings": [f.to_dict() for f in found],
            }
        )

    @extend_schema(
        parameters=[AS_OF],
        responses={200: ChecklistSerializer, 400: ValidationErrors},
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def checklist(self, request, pk=None):
        """The next step's checklist, exactly as the case page shows it (same function)."""
        case = self.get_object()
        found = checklists.for_case(case, _as_of(request), by=request.user)
        return Response(
            ChecklistSerializer(
                {
                    "stage": found.stage.value if found.stage else None,
                    "on": found.on,
                    "blocked": found.blocked,
                    "citation": found.citation,
                    "rows": found.rows,
                    "notes": found.notes,
                }
            ).data
        )

    @extend_schema(responses=CaseEventSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None)
    def events(self, request, pk=None):
        """Every act of the case with its record (class, votes, decision…), undone ones marked."""
        case = self.get_object()
        return Response(
            CaseEventSerializer(
                case.events.select_related("reverted_by", "recorded_by").order_by("date", "id"), many=True
            ).data
        )

    @extend_schema(request=body_of(UndoForm, name="UndoBody"), responses={200: CaseSerializer})
    @action(detail=True, methods=["post"])
    def undo(self, request, pk=None):
        """Undo the last move, recorded by mistake, with a reason (transitions.undo, as the page)."""
        case = self.get_object()
        form = UndoForm(as_form_data(request.data))
        submit(form, lambda d: transitions.undo(case, d["reason"], by=request.user, version=d["version"]))
        case.refresh_from_db()
        return Response(CaseSerializer(case, context={"request": request}).data)

    @extend_schema(parameters=[AS_OF], responses={200: FindingSerializer(many=True), 400: ValidationErrors})
    @action(detail=True, methods=["get"], pagination_class=None)
    def findings(self, request, pk=None):
        case = self.get_object()
        found = check(facts_for(case, viewer=request.user), _as_of(request), regulation_settings())
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
