"""One case from the source to an official member through the API alone: a token, then only
HTTP requests (no page, no ORM for the steps), as a client of PTĐV would run it."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from ptdv.accounts.models import ApiToken
from tests.factories import person_form

pytestmark = pytest.mark.django_db


class Client:
    """A token client that checks each answer's status and hands back its JSON."""

    def __init__(self, user):
        self.http = APIClient()
        _, token = ApiToken.objects.create(user=user)
        self.http.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    def get(self, url, expect=200, **params):
        response = self.http.get(url, params)
        assert response.status_code == expect, response.content.decode()
        return response.json()

    def post(self, url, body, expect=201):
        response = self.http.post(url, body, format="json")
        assert response.status_code == expect, response.content.decode()
        return response.json()


def _official_member(api, world, name, birth, admitted):
    person = api.post("/api/persons/", person_form(world, full_name=name, birth_date=birth))
    member = api.post(
        "/api/members/",
        {"person": person["id"], "branch": world.phya_ma.pk, "date": admitted, "decision_no": "1-QĐ/HU"},
    )
    recognised = date.fromisoformat(admitted).replace(year=int(admitted[:4]) + 1).isoformat()
    api.post(f"/api/members/{member['id']}/events/", {"kind": "RECOGNISED", "date": recognised})
    return member["id"]


def _move(api, case_id, stage, on, expect=201, **record):
    version = api.get(f"/api/cases/{case_id}/")["version"]
    body = {"stage": stage, "date": on, "version": version, **record}
    return api.post(f"/api/cases/{case_id}/transitions/", body, expect=expect)


def _preview(api, case_id, stage, on, **record):
    version = api.get(f"/api/cases/{case_id}/")["version"]
    body = {"stage": stage, "date": on, "version": version, **record}
    return api.post(f"/api/cases/{case_id}/transitions/preview/", body, expect=200)


def test_a_case_goes_from_the_source_to_an_official_member_through_the_api_alone(world):
    api = Client(world.alice)
    introducers = [
        _official_member(api, world, "Lục Văn Kiên", "1980-04-01", "2005-01-01"),
        _official_member(api, world, "Ma Thị Nhung", "1982-06-01", "2008-01-01"),
    ]
    applicant = api.post(
        "/api/persons/", person_form(world, full_name="Nông Văn Pác", birth_date="1998-02-03")
    )
    case = api.post(
        "/api/cases/",
        {
            "person": applicant["id"],
            "branch": world.phya_ma.pk,
            "opened_on": "2024-03-01",
            "source_organisation": "YOUTH_UNION",
            "source_category": "YOUTH",
        },
    )
    cid = case["id"]
    assert case["stage"] == "SOURCE" and case["links"]["documents"] == f"/api/cases/{cid}/documents/"
    _move(
        api,
        cid,
        "AWARENESS",
        "2024-05-01",
        class_name="Lớp NTVĐ 5/2024",
        cert_no="CN-01",
        cert_date="2024-05-10",
    )
    _move(api, cid, "DOSSIER", "2024-06-01")
    for kind, day in [
        ("APPLICATION", "2024-06-02"),
        ("HISTORY", "2024-06-03"),
        ("VERIFICATION_RESULTS", "2024-09-01"),
        ("HISTORY_CERTIFIED", "2024-09-05"),
        ("COMMENTS_MASS_ORG", "2024-12-01"),
        ("COMMENTS_RESIDENCE", "2024-12-02"),
    ]:
        api.post(f"/api/cases/{cid}/documents/", {"kind": kind, "date": day})
    for relation, name, verified in [
        ("SELF", "Nông Văn Pác", "2024-09-01"),
        ("FATHER", "Nông Văn Tư", "2024-09-01"),
        ("MOTHER", "Lò Thị Mến", "2024-09-01"),
    ]:
        api.post(
            f"/api/cases/{cid}/verifications/", {"relation": relation, "name": name, "verified_on": verified}
        )
    for introducer in introducers:
        api.post(
            f"/api/cases/{cid}/introductions/",
            {"introducer": introducer, "date": "2024-12-15", "months_together": 24},
        )

    # One vote in favour of three summoned: the preview says the vote would be refused, and why.
    refused = _preview(api, cid, "BRANCH_RESOLVED", "2025-02-03", summoned=3, votes_for=1)
    assert refused["allowed"] is False
    codes = {f["code"] for f in refused["blocking"]}
    assert codes and codes <= {f["code"] for f in refused["findings"]}
    assert api.get(f"/api/cases/{cid}/")["stage"] == "DOSSIER"  # a preview writes nothing
    tried = _move(api, cid, "BRANCH_RESOLVED", "2025-02-03", expect=400, summoned=3, votes_for=1)
    assert {f["code"] for f in tried["findings"]} == codes
    # Corrected: the preview now allows it, and the vote is recorded.
    assert _preview(api, cid, "BRANCH_RESOLVED", "2025-02-03", summoned=3, votes_for=3)["allowed"] is True
    _move(api, cid, "BRANCH_RESOLVED", "2025-02-03", summoned=3, votes_for=3)

    _move(api, cid, "COMMITTEE_RESOLVED", "2025-02-10", members=9, votes_for=8)
    _move(api, cid, "SUBMITTED", "2025-02-12", receiving_body="Ban Thường vụ Huyện ủy")
    _move(api, cid, "DECIDED", "2025-03-01", decision_no="123-QĐ/HU", received_on="2025-03-05")
    _move(api, cid, "PROBATION", "2025-03-15")
    _move(api, cid, "RECOGNITION_PROPOSED", "2026-03-20", summoned=3, votes_for=3)
    done = _move(api, cid, "OFFICIAL", "2026-06-01", decision_no="45-QĐ/HU")

    assert done["stage"] == "OFFICIAL"
    member = api.get(f"/api/members/{done['member']}/")
    assert member["status"] == "OFFICIAL" and member["official_on"] == "2026-03-15"
    events = api.get(f"/api/cases/{cid}/events/")
    assert [e["stage"] for e in events][-3:] == ["PROBATION", "RECOGNITION_PROPOSED", "OFFICIAL"]
    decided = next(e for e in events if e["stage"] == "DECIDED")
    assert decided["data"] == {"decision_no": "123-QĐ/HU", "received_on": "2025-03-05"}
