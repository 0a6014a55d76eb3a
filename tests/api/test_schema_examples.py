"""Every operation in /api/schema/ shows a client an example of what to send and what comes back."""

import pytest
from rest_framework.test import APIClient

from tests.logins import log_in

pytestmark = pytest.mark.django_db

WRITES = {"post", "put", "patch"}


def _schema(world):
    return log_in(APIClient(), world.alice).get("/api/schema/", {"format": "json"}).json()


def _missing_examples(schema) -> list[str]:
    missing = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if method in WRITES and body is not None and not body.get("examples"):
                missing.append(f"{method.upper()} {path} request")
            successes = {code: r for code, r in operation["responses"].items() if code.startswith("2")}
            for code, response in successes.items():
                answer = response.get("content", {}).get("application/json")
                if answer is not None and not answer.get("examples"):
                    missing.append(f"{method.upper()} {path} {code}")
    return missing


def _first_example(body) -> dict:
    return next(iter(body["content"]["application/json"]["examples"].values()))["value"]


def test_every_request_body_and_success_answer_has_an_example(world):
    assert _missing_examples(_schema(world)) == []


def test_an_example_written_on_the_view_is_kept(world):
    preview = _schema(world)["paths"]["/api/cases/{id}/transitions/preview/"]["post"]
    examples = preview["responses"]["200"]["content"]["application/json"]["examples"]
    assert [e["summary"] for e in examples.values()] == ["Biểu quyết chưa đủ"]


def test_a_request_example_sends_only_writable_fields(world):
    create = _schema(world)["paths"]["/api/persons/"]["post"]
    sent = _first_example(create["requestBody"])
    answered = _first_example(create["responses"]["201"])
    assert "id" not in sent and answered["id"] and sent["full_name"] == answered["full_name"]
