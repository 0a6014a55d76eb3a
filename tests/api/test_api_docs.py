"""The API's reference at /api/docs/: Swagger UI from vendored files, under the site's CSP."""

import pytest
from django.contrib.staticfiles import finders
from rest_framework.test import APIClient

from tests.logins import log_in

pytestmark = pytest.mark.django_db


def test_the_reference_opens_from_vendored_files_without_inline_code(world):
    response = log_in(APIClient(), world.victor).get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    for path in (
        "vendor/swagger-ui/swagger-ui-bundle.js",
        "vendor/swagger-ui/swagger-ui.css",
        "ptdv/api-docs.js",
    ):
        assert path in page and finders.find(path), path
    assert "<script>" not in page and "style=" not in page and "//cdn" not in page
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_the_reference_is_for_signed_in_users(world):
    assert APIClient().get("/api/docs/").status_code == 401


def test_every_operation_has_a_response_schema(world):
    schema = log_in(APIClient(), world.alice).get("/api/schema/", {"format": "json"}).json()
    for path in (
        "/api/cases/{id}/transitions/preview/",
        "/api/cases/{id}/events/",
        "/api/cases/{id}/undo/",
        "/api/cases/{case_pk}/documents/{id}/void/",
        "/api/cases/{case_pk}/consents/",
        "/api/cases/{case_pk}/verifications/{id}/history/",
        "/api/regulation/versions/",
        "/api/units/{id}/merge/",
    ):
        assert path in schema["paths"], path
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method in ("post", "patch", "put"):
                assert "requestBody" in operation, (method, path)
            assert any("content" in r for code, r in operation["responses"].items() if code < "300"), (
                method,
                path,
            )
