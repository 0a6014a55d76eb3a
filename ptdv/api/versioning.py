"""Versions in the API (ptdv.versioning): ETag on answers, If-Match or `version` on edits.

A client reads a record (its answer carries the version in the body and as ``ETag: "3"``) and
sends the version back with its change, as ``If-Match: "3"`` or ``{"version": 3}``. Without
a version the edit is refused with 428; with a stale one with 412 (If-Match, as HTTP says)
or 409 (body), and nothing of it is written.
"""

from contextlib import contextmanager

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.exceptions import APIException, ParseError

from ptdv import versioning


class VersionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = versioning.REQUIRED_MESSAGE
    default_code = "version_required"


class StaleIfMatch(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = versioning.STALE_MESSAGE
    default_code = "stale"


class StaleBody(StaleIfMatch):
    status_code = status.HTTP_409_CONFLICT


class VersionedSerializer(serializers.ModelSerializer):
    """A record with a version: shown on reads, required on edits, ignored on creates."""

    version = serializers.IntegerField(
        min_value=0,
        required=False,
        help_text="Phiên bản của hồ sơ khi đọc; bắt buộc khi sửa (hoặc gửi tiêu đề If-Match).",
    )

    def to_internal_value(self, data):
        attrs = super().to_internal_value(data)
        if self.instance is None:
            attrs.pop("version", None)  # a new record starts at version 0
        return attrs

    def update(self, instance, validated_data):
        expected = validated_data.pop("version", None)
        for field, value in validated_data.items():
            setattr(instance, field, value)
        versioning.save(instance, expected)
        return instance


def if_match(request) -> int | None:
    """The version named by the If-Match header (``"3"``, ``W/"3"`` or ``3``), None without one."""
    header = request.headers.get("If-Match")
    if header is None:
        return None
    value = header.strip().removeprefix("W/").strip('"')
    if not value.isascii() or not value.isdigit():
        raise ParseError('Tiêu đề If-Match phải là phiên bản của hồ sơ, ví dụ "3".')
    return int(value)


def etag(version: int) -> str:
    return f'"{version}"'


IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    description='Phiên bản đã đọc (ETag), ví dụ "3"; hoặc gửi trường "version" trong nội dung.',
)


def versioned_edits(serializer_class):
    """Document the version statuses of a viewset's PUT and PATCH in the OpenAPI schema."""
    edit = extend_schema(
        parameters=[IF_MATCH],
        responses={
            200: serializer_class,
            400: OpenApiResponse(description="Dữ liệu không hợp lệ."),
            409: OpenApiResponse(description="Trường version đã cũ: không ghi gì."),
            412: OpenApiResponse(description="Phiên bản trong If-Match đã cũ: không ghi gì."),
            428: OpenApiResponse(description="Thiếu phiên bản (If-Match hoặc trường version)."),
        },
    )
    return extend_schema_view(update=edit, partial_update=edit)


@contextmanager
def version_refusals(by_header: bool):
    """The service's version refusals as HTTP says them: 428 without a version, 412 for a
    stale If-Match, 409 for a stale `version` in the body; nothing was written."""
    try:
        yield
    except versioning.VersionRequired as missing:
        raise VersionRequired() from missing
    except versioning.StaleVersion as stale:
        raise (StaleIfMatch() if by_header else StaleBody()) from stale


class VersionedViewMixin:
    """For viewsets of versioned records: ETag on single-record answers, checked edits."""

    def perform_update(self, serializer):
        expected = if_match(self.request)
        with version_refusals(by_header=expected is not None):
            if expected is None:
                serializer.save()
            else:
                serializer.save(version=expected)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        data = getattr(response, "data", None)
        if isinstance(data, dict) and "id" in data and isinstance(data.get("version"), int):
            response["ETag"] = etag(data["version"])
        return response
