"""GET /api/reports/<name>/?unit=<id>&from=&to= (or &as_of=): a report's figures as JSON.

Thin like the page: the unit is looked up in the user's scope (404 outside it, as if missing),
the dates are read by ptdv.reports.catalogue, and the answer is ptdv.reports.render.as_data of
the same builder the page and `ptdv report` call. The serializers below only describe the
answer for the OpenAPI schema.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import ValidationError as Refusal
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from ptdv import pickers
from ptdv.api.schema import INVALID, NOT_FOUND
from ptdv.reports import render
from ptdv.reports.catalogue import PERIOD, REPORTS, parse_query


class UnitRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()


class AmongSerializer(serializers.Serializer):
    farmers = serializers.IntegerField()
    youth_union = serializers.IntegerField()
    ethnic_minority = serializers.IntegerField()
    religious = serializers.IntegerField()
    women = serializers.IntegerField()
    aged_18_30 = serializers.IntegerField()
    by_education = serializers.DictField(child=serializers.IntegerField())


class ProgressRowSerializer(serializers.Serializer):
    unit = UnitRefSerializer()
    admitted = serializers.IntegerField()
    target = serializers.IntegerField(allow_null=True)
    percent = serializers.FloatField(allow_null=True)
    among = AmongSerializer()
    recognised = serializers.IntegerField()
    removed = serializers.IntegerField()
    below_target = serializers.BooleanField()


class ProgressSerializer(serializers.Serializer):
    unit = UnitRefSerializer()
    start = serializers.DateField()
    end = serializers.DateField()
    predecessors = serializers.BooleanField()
    admitted = serializers.IntegerField()
    target = serializers.IntegerField(allow_null=True)
    plan = serializers.CharField(help_text="Kế hoạch có chỉ tiêu, ví dụ Kế hoạch số 25/KH/HU")
    percent = serializers.FloatField(allow_null=True, help_text="106.25 = đạt 106,25% chỉ tiêu")
    among = AmongSerializer()
    sent_to_awareness_class = serializers.IntegerField()
    waiting_at_deciding_body = serializers.IntegerField()
    recognised = serializers.IntegerField()
    removed = serializers.IntegerField()
    rows = ProgressRowSerializer(many=True)
    below_target = UnitRefSerializer(many=True)
    admitted_nobody = UnitRefSerializer(many=True)


class BranchRowSerializer(serializers.Serializer):
    unit = UnitRefSerializer()
    branch_type = serializers.CharField()
    grassroots = serializers.CharField()
    official = serializers.IntegerField()
    probationary = serializers.IntegerField()
    villages = serializers.ListField(child=serializers.CharField())


class VillageRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    branch = serializers.CharField()
    shares_branch = serializers.BooleanField()
    official_members = serializers.IntegerField()
    members = serializers.IntegerField()
    open_cases = serializers.IntegerField()
    lacking = serializers.IntegerField()


class StructureSerializer(serializers.Serializer):
    unit = UnitRefSerializer()
    as_of = serializers.DateField()
    predecessors = serializers.BooleanField()
    few_members = serializers.IntegerField()
    grassroots_organisations = serializers.IntegerField()
    branches_by_type = serializers.DictField(child=serializers.IntegerField())
    branches = BranchRowSerializer(many=True)
    villages = VillageRowSerializer(many=True)
    merged_branches = BranchRowSerializer(many=True)
    villages_sharing_a_branch = serializers.ListField(child=serializers.CharField())
    villages_without_members = serializers.ListField(child=serializers.CharField())
    below_minimum = BranchRowSerializer(many=True)
    few_member_branches = BranchRowSerializer(many=True)
    could_form_a_branch = VillageRowSerializer(many=True)
    not_yet_able = VillageRowSerializer(many=True)


class CountSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    official = serializers.IntegerField()
    probationary = serializers.IntegerField()
    women = serializers.IntegerField()
    ethnic_minority = serializers.IntegerField()
    religious = serializers.IntegerField()
    youth_union = serializers.IntegerField()
    farmers = serializers.IntegerField()
    by_education = serializers.DictField(child=serializers.IntegerField())


class TotalsRowSerializer(serializers.Serializer):
    unit = UnitRefSerializer()
    count = CountSerializer()


class TotalsSerializer(serializers.Serializer):
    unit = UnitRefSerializer()
    as_of = serializers.DateField()
    predecessors = serializers.BooleanField()
    count = CountSerializer()
    rows = TotalsRowSerializer(many=True)


class ReviewSerializer(serializers.Serializer):
    unit = UnitRefSerializer()
    start = serializers.DateField()
    end = serializers.DateField()
    predecessors = serializers.BooleanField()
    period = serializers.CharField()
    sentences = serializers.ListField(child=serializers.CharField())
    progress = ProgressSerializer()
    totals = TotalsSerializer()


SCHEMAS = {
    "review": ReviewSerializer,
    "progress": ProgressSerializer,
    "structure": StructureSerializer,
    "totals": TotalsSerializer,
}


def _parameters(dated):
    unit = OpenApiParameter("unit", int, description="Đơn vị (mặc định: đơn vị của người dùng)")
    predecessors = OpenApiParameter(
        "predecessors", bool, description="Gồm số liệu đơn vị tiền thân (mặc định có)"
    )
    if dated == PERIOD:
        dates = [OpenApiParameter("from", str, description="yyyy-mm-dd"), OpenApiParameter("to", str)]
    else:
        dates = [OpenApiParameter("as_of", str, description="yyyy-mm-dd")]
    return [unit, *dates, predecessors]


def _unit(request):
    """The unit asked for in the user's scope (404 otherwise, exactly as a missing one)."""
    unit = pickers.within_unit(request.user, request.query_params.get("unit") or request.user.unit_id)
    if unit is None:  # a user bound to no unit (the national admin) has no report of their own
        raise Http404
    return unit


def endpoint(name):
    """The view of report `name`, with its own parameters and answer in the schema."""
    kind = REPORTS[name]

    @extend_schema(
        operation_id=f"reports_{name}",
        parameters=_parameters(kind.dated),
        responses={200: SCHEMAS[name], 400: INVALID, 404: NOT_FOUND},  # a bad period; a unit out of scope
        tags=["reports"],
    )
    @api_view(["GET"])
    @permission_classes([IsAuthenticated])
    def view(request):
        unit = _unit(request)
        try:
            query = parse_query(kind, request.query_params, timezone.localdate())
        except ValidationError as error:
            raise Refusal({"detail": error.messages[0]}) from error
        return Response(render.as_data(kind.build(unit, query)))

    view.__name__ = view.__qualname__ = f"report_{name}"
    return view
