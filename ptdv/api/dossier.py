"""A case's dossier in the API: documents, verifications, introductions and province consents.

Each is entered, corrected and withdrawn with the case page's own forms (ptdv.cases.forms)
and services (ptdv.cases.records), so the API refuses exactly what the page refuses. A record
is never deleted: `void` withdraws it with a reason and its history stays readable. The case
comes from the user's scope first, so a case outside it is 404 like a missing one, and so is
a record of another case.
"""

from django.forms.models import model_to_dict
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from ptdv import changes
from ptdv.api.formdata import as_form_data, body_of, submit
from ptdv.api.versioning import IF_MATCH, if_match, version_refusals
from ptdv.api.views import EditorsWrite, LogsSensitiveReads, ScopedViewSet
from ptdv.cases import records
from ptdv.cases.forms import DocumentForm, IntroductionForm, RelativeForm, VoidForm
from ptdv.cases.models import Case, DocumentKind, DossierDocument, Introduction, RelativeVerification
from ptdv.scope import sees_field

VOIDED = ["voided_at", "void_reason", "version"]


class RecordSerializer(serializers.ModelSerializer):
    """A checklist record; the fields the user may not read (ptdv.scope.sees_field) left out."""

    voided = serializers.BooleanField(read_only=True)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        user = self.context["request"].user
        return {name: value for name, value in data.items() if sees_field(user, name)}


class DocumentSerializer(RecordSerializer):
    class Meta:
        model = DossierDocument
        fields = ["id", "kind", "purpose", "date", "number", "voided", *VOIDED]


class VerificationSerializer(RecordSerializer):
    class Meta:
        model = RelativeVerification
        fields = ["id", "relation", "name", "is_party_member", "verified_on", "conclusion", "voided", *VOIDED]
        extra_kwargs = {"conclusion": {"help_text": "Chỉ Ban Tổ chức và đảng ủy cơ sở đọc được."}}


class IntroductionSerializer(RecordSerializer):
    class Meta:
        model = Introduction
        fields = [
            "id",
            "introducer",
            "date",
            "relationship",
            "months_together",
            "replacement",
            "voided",
            *VOIDED,
        ]


class ChangeSerializer(serializers.Serializer):
    label = serializers.CharField()
    old = serializers.CharField()
    new = serializers.CharField()


class HistoryEntrySerializer(serializers.Serializer):
    """One version of the record, as the page's "Lịch sử thay đổi" shows it."""

    date = serializers.DateTimeField(source="record.history_date")
    user = serializers.CharField(source="record.history_user.username", default=None, allow_null=True)
    type = serializers.CharField(source="record.history_type", help_text="+ tạo, ~ sửa")
    reason = serializers.CharField(source="record.history_change_reason", default=None, allow_null=True)
    changes = ChangeSerializer(many=True)


def _documented(serializer, form_class, name):
    """The OpenAPI description of a record endpoint: the page's form is its body."""
    body = body_of(form_class, name=name)
    edit_refusals = {
        409: OpenApiResponse(description="Trường version đã cũ: không ghi gì."),
        412: OpenApiResponse(description="Phiên bản trong If-Match đã cũ: không ghi gì."),
        428: OpenApiResponse(description="Thiếu phiên bản (If-Match hoặc trường version)."),
    }
    return extend_schema_view(
        list=extend_schema(responses=serializer(many=True)),
        retrieve=extend_schema(responses=serializer),
        create=extend_schema(request=body, responses={201: serializer}),
        partial_update=extend_schema(
            request=body, parameters=[IF_MATCH], responses={200: serializer, **edit_refusals}
        ),
        void=extend_schema(
            request=body_of(VoidForm, name="VoidBody"),
            parameters=[IF_MATCH],
            responses={200: serializer, **edit_refusals},
        ),
        history=extend_schema(responses=HistoryEntrySerializer(many=True)),
    )


class CaseRecordViewSet(LogsSensitiveReads, ScopedViewSet):
    """list, create, retrieve, PATCH (correct), void, history of one kind of record."""

    model = Case
    form_class = None
    related = ""  # the case's related name for these records
    permission_classes = [EditorsWrite]
    pagination_class = None
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "patch", "head", "options"]
    read_actions = frozenset({"list", "retrieve"})

    def person_of(self, row) -> int:
        return self.case.person_id

    @property
    def case(self) -> Case:
        if not hasattr(self, "_case"):
            cases = Case.objects.visible_to(self.request.user).select_related("person", "branch")
            self._case = get_object_or_404(cases, pk=self.kwargs["case_pk"])
        return self._case

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema is drawn without a request's case
            return self.form_class._meta.model.objects.none()
        return getattr(self.case, self.related).order_by("id")

    def body(self, request) -> dict:
        return as_form_data(request.data)

    def _form(self, data, instance=None):
        return self.form_class(data, instance=instance, user=self.request.user, case=self.case)

    def list(self, request, case_pk=None):
        return Response(self.get_serializer(self.get_queryset(), many=True).data)

    def retrieve(self, request, case_pk=None, pk=None):
        return self._answer(self.get_object())

    def create(self, request, case_pk=None):
        form = self._form(self.body(request))
        item = submit(form, lambda data: records.add(self.case, self.related, data, by=request.user))
        return self._answer(item, status.HTTP_201_CREATED)

    def partial_update(self, request, case_pk=None, pk=None):
        """Correct the record: the fields sent replace those read, on the version read."""
        item = self.get_object()
        fields = list(self.form_class._meta.fields)
        form = self._form({**model_to_dict(item, fields=fields), **self.body(request)}, instance=item)
        header = if_match(request)

        def correct(data):
            version = header if header is not None else data.get("version")
            edits = {name: value for name, value in data.items() if name != "version"}
            records.correct(item, edits, version, by=request.user)

        with version_refusals(by_header=header is not None):
            submit(form, correct)
        return self._answer(self.get_object())

    @action(detail=True, methods=["post"])
    def void(self, request, case_pk=None, pk=None):
        """Withdraw the record with a reason; it stays, read by no rule, in the history."""
        item = self.get_object()
        header = if_match(request)
        body = self.body(request)
        if header is not None:
            body["version"] = str(header)
        form = VoidForm(body)
        with version_refusals(by_header=header is not None):
            submit(form, lambda d: records.void(item, d["reason"], d["version"], by=request.user))
        return self._answer(self.get_object())

    @action(detail=True, methods=["get"])
    def history(self, request, case_pk=None, pk=None):
        item = self.get_object()
        return Response(HistoryEntrySerializer(changes.versions(request.user, item.history), many=True).data)

    def _answer(self, item, code=status.HTTP_200_OK):
        response = Response(self.get_serializer(item).data, status=code)
        response["ETag"] = f'"{item.version}"'
        return response


@_documented(DocumentSerializer, DocumentForm, "DocumentBody")
class DocumentViewSet(CaseRecordViewSet):
    form_class = DocumentForm
    serializer_class = DocumentSerializer
    related = "documents"


@_documented(DocumentSerializer, DocumentForm, "ConsentBody")
class ConsentViewSet(DocumentViewSet):
    """The province's consents (ý kiến đồng ý của Ban Thường vụ Tỉnh ủy): documents of that kind,
    each with the purpose it serves (ConsentPurpose), which alone it satisfies."""

    def get_queryset(self):
        return super().get_queryset().filter(kind=DocumentKind.PROVINCE_CONSENT)

    def body(self, request) -> dict:
        return {**super().body(request), "kind": DocumentKind.PROVINCE_CONSENT}


@_documented(VerificationSerializer, RelativeForm, "VerificationBody")
class VerificationViewSet(CaseRecordViewSet):
    form_class = RelativeForm
    serializer_class = VerificationSerializer
    related = "relatives"


@_documented(IntroductionSerializer, IntroductionForm, "IntroductionBody")
class IntroductionViewSet(CaseRecordViewSet):
    form_class = IntroductionForm
    serializer_class = IntroductionSerializer
    related = "introductions"
