"""The API's refusals: how they are produced and the shapes the OpenAPI schema documents.

Every refusal carries `errors`: a list of `{"code", "message", "field"}` — a machine-readable
code (the rule code of a finding, the Django/DRF error code of a field, e.g. "required",
"stale", "not_found"), the same Vietnamese message the page shows, and the field it is about
(null for the request or the record as a whole). Beside it stay the older keys a client may
already read: the messages per field for a 400, `detail` for 401/403/404/409/412/428,
`findings` for a refused move.

Django's ValidationError from the services becomes a 400 with its Vietnamese messages and its
codes, in the same shape as a serializer's own errors.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.extensions import OpenApiSerializerExtension
from rest_framework import exceptions, serializers
from rest_framework.exceptions import ErrorDetail as DrfErrorDetail
from rest_framework.views import exception_handler as drf_exception_handler

WHOLE = ("non_field_errors", NON_FIELD_ERRORS, "detail")


def _detail(error: DjangoValidationError) -> list[DrfErrorDetail]:
    return [DrfErrorDetail(message, code=e.code or "invalid") for e in error.error_list for message in e]


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            detail = {
                field: _detail(DjangoValidationError(errors)) for field, errors in exc.error_dict.items()
            }
        else:
            detail = {"non_field_errors": _detail(exc)}
        exc = exceptions.ValidationError(detail)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict):
        response.data["errors"] = listed(response.data)
    return response


def listed(data, field: str | None = None) -> list[dict]:
    """Every message of a DRF error body, flattened to `{"code", "message", "field"}`."""
    if isinstance(data, dict):
        if "findings" in data:
            return [{"code": f["code"], "message": f["message"], "field": None} for f in data["findings"]]
        found = []
        for name, value in data.items():
            inner = None if name in WHOLE else name if field is None else f"{field}.{name}"
            found.extend(listed(value, inner if name not in WHOLE else field))
        return found
    if isinstance(data, list):
        return [item for value in data for item in listed(value, field)]
    return [{"code": getattr(data, "code", None) or "invalid", "message": str(data), "field": field}]


class ErrorItem(serializers.Serializer):
    code = serializers.CharField(help_text="Mã lỗi cho máy đọc, ví dụ required, stale, BRANCH_VOTE.")
    message = serializers.CharField(help_text="Thông báo tiếng Việt, như trên trang.")
    field = serializers.CharField(allow_null=True, help_text="Trường bị lỗi; null: cả yêu cầu.")


class ErrorDetail(serializers.Serializer):
    """Not signed in (401), not allowed (403), not found or out of scope (404): one message."""

    detail = serializers.CharField()
    errors = ErrorItem(many=True)


class ValidationErrors(serializers.Serializer):
    """A 400: the messages per field, `non_field_errors` for the record as a whole, `detail`
    when the body itself could not be read, and `errors`. A serializer cannot say "any field
    name", so the schema is written out by ValidationErrorsSchema."""


class ValidationErrorsSchema(OpenApiSerializerExtension):
    target_class = ValidationErrors

    def map_serializer(self, auto_schema, direction):
        item = auto_schema._map_serializer(ErrorItem, direction)
        return {
            "type": "object",
            "description": "Thông báo lỗi theo từng trường; non_field_errors cho cả bản ghi; "
            "errors: danh sách {code, message, field}.",
            "properties": {"detail": {"type": "string"}, "errors": {"type": "array", "items": item}},
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        }
