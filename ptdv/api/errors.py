"""The API's refusals: how they are produced and the shapes the OpenAPI schema documents.

Django's ValidationError from the services becomes a 400 with its Vietnamese messages, in
the same shape as a serializer's own errors, so a client reads every 400 the same way.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.extensions import OpenApiSerializerExtension
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail)
    return drf_exception_handler(exc, context)


class ErrorDetail(serializers.Serializer):
    """Not signed in (401), not allowed (403), not found or out of scope (404): one message."""

    detail = serializers.CharField()


class ValidationErrors(serializers.Serializer):
    """A 400: the messages per field, `non_field_errors` for the record as a whole, `detail`
    when the body itself could not be read. A serializer cannot say "any field name", so the
    schema is written out by ValidationErrorsSchema."""


class ValidationErrorsSchema(OpenApiSerializerExtension):
    target_class = ValidationErrors

    def map_serializer(self, auto_schema, direction):
        return {
            "type": "object",
            "description": "Thông báo lỗi theo từng trường; non_field_errors cho cả bản ghi.",
            "properties": {"detail": {"type": "string"}},
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        }
