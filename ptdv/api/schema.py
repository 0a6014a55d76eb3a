"""The OpenAPI schema documents every refusal an operation can answer, not only its success.

schemathesis (tests/schemathesis/run.py, in CI) holds the API to this schema: any status code
or body shape not written here fails the run.
"""

from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS

from ptdv.api.errors import ErrorDetail, ValidationErrors
from ptdv.api.examples import example_for, request_example

NOT_SIGNED_IN = OpenApiResponse(ErrorDetail, "Chưa đăng nhập, hoặc khóa API sai hay đã hết hạn.")
INVALID = OpenApiResponse(ValidationErrors, "Dữ liệu không hợp lệ; không có gì được ghi.")
FORBIDDEN = OpenApiResponse(ErrorDetail, "Vai trò của người dùng không được làm việc này.")
NOT_FOUND = OpenApiResponse(ErrorDetail, "Không có bản ghi này trong phạm vi của người dùng.")
BAD_CURSOR = OpenApiResponse(ErrorDetail, "Con trỏ trang (cursor) không hợp lệ.")


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema plus the refusals of ptdv.api: every endpoint needs a signed-in
    user (401); writes are validated (400) and reserved to some roles (403); an id outside the
    user's scope is 404, and so is a cursor that does not come from a previous page."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, response in self._refusals().items():
            if code not in responses:
                responses[code] = self._get_response_for_code(response, code, direction=direction)
        return responses

    def _get_examples(self, serializer, direction, media_type, status_code=None, extras=None):
        """The examples written on the view, or else one built from the serializer
        (ptdv.api.examples) for a JSON request body or success response."""
        examples = super()._get_examples(serializer, direction, media_type, status_code, extras)
        success = direction == "request" or str(status_code).startswith("2")
        if examples or not success or media_type != "application/json":
            return examples
        if isinstance(serializer, serializers.ListSerializer) and self._is_list_view(serializer):
            serializer = serializer.child  # drf-spectacular lists (and pages) the example itself
        value = request_example(serializer) if direction == "request" else example_for(serializer)
        if value is None:
            return examples
        extras = [*(extras or []), OpenApiExample("Ví dụ", value=value)]
        return super()._get_examples(serializer, direction, media_type, status_code, extras)

    def _refusals(self) -> dict[str, OpenApiResponse]:
        refusals = {"401": NOT_SIGNED_IN}
        if self.method not in SAFE_METHODS:
            refusals.update({"400": INVALID, "403": FORBIDDEN})
        if "{" in self.path:
            refusals["404"] = NOT_FOUND
        elif self._is_list_view() and self._get_paginator():
            refusals["404"] = BAD_CURSOR
        return refusals
