"""The regulation versions (ptdv.regulation.versions) as the API reads them: what each text is
called, when it was in force, and the numbers its rules and deadlines use."""

import dataclasses
from datetime import date

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from ptdv.api.errors import ErrorDetail, ValidationErrors
from ptdv.regulation.versions import VERSIONS, version_on


class RegulationVersionSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(
        allow_null=True, help_text="Ngày cuối còn hiệu lực; null: đang hiệu lực."
    )
    settings = serializers.DictField(help_text="Các thông số của văn bản (tháng, ngày làm việc, tỉ lệ).")


def as_dict(version) -> dict:
    """The version's fields; a fraction (the two-thirds vote) as text, e.g. "2/3"."""
    settings = {
        f.name: str(getattr(version, f.name)) if f.name == "vote_fraction" else getattr(version, f.name)
        for f in dataclasses.fields(version)
        if f.name not in ("code", "title", "valid_from", "valid_to")
    }
    return {
        "code": version.code,
        "title": version.title,
        "valid_from": version.valid_from,
        "valid_to": version.valid_to,
        "settings": settings,
    }


class RegulationVersionViewSet(viewsets.ViewSet):
    """Not scoped data (the texts are the same for everyone); signed-in users only."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[OpenApiParameter("on", date, description="YYYY-MM-DD: chỉ văn bản có hiệu lực ngày đó")],
        responses={
            200: RegulationVersionSerializer(many=True),
            400: OpenApiResponse(ValidationErrors, "Ngày không đúng dạng YYYY-MM-DD."),
            404: OpenApiResponse(ErrorDetail, "Không có văn bản nào có hiệu lực ngày đó."),
        },
    )
    def list(self, request):
        on = request.query_params.get("on")
        if not on:
            return Response(RegulationVersionSerializer([as_dict(v) for v in VERSIONS], many=True).data)
        try:
            day = date.fromisoformat(on)
        except ValueError as bad:
            raise ValidationError({"on": [_("Ngày phải theo dạng YYYY-MM-DD.")]}) from bad
        version = version_on(day)
        if version is None:
            raise NotFound(
                _("Không có văn bản quy định nào có hiệu lực ngày %(d)s.") % {"d": day.strftime("%d/%m/%Y")}
            )
        return Response(RegulationVersionSerializer([as_dict(version)], many=True).data)
