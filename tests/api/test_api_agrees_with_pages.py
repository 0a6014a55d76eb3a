"""The API and the case page say the same of every demo case: the next step's checklist item
by item, and the rules' findings on the case as it stands."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from ptdv.accounts.models import ApiToken, User
from ptdv.cases import checklist as checklists
from ptdv.cases.models import Case
from tests.logins import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    """The demo loaded once for the module's one test (it takes seconds)."""
    settings.DATA_DIR = tmp_path
    call_command("demo")
    User.objects.update(must_change_password=False)  # they chose their own at first sign-in


def _token_client(user):
    client = APIClient()
    _, token = ApiToken.objects.create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def _as_api_shows(found: checklists.Checklist) -> dict:
    """The page's checklist object in the API's words, to compare field by field."""

    def strings(items):
        return [str(x) for x in items]

    return {
        "stage": found.stage.value if found.stage else None,
        "on": found.on.isoformat(),
        "blocked": found.blocked,
        "citation": found.citation,
        "rows": [
            {
                "label": str(r.label),
                "form_code": r.form_code,
                "status": r.status,
                "messages": strings(r.messages),
                "codes": list(r.codes),
                "citation": r.citation,
            }
            for r in found.rows
        ],
        "notes": [
            {
                "code": n.code,
                "label": str(n.label),
                "severity": str(n.severity),
                "messages": strings(n.messages),
                "citation": n.citation,
            }
            for n in found.notes
        ],
    }


def test_the_api_and_the_case_page_agree_on_every_demo_case(demo):
    compared = 0
    for username in ("tochuc.thainguyen", "tochuc.quangngai"):
        user = User.objects.get(username=username)
        page, api = log_in(APIClient(), user), _token_client(user)
        for pk in Case.objects.visible_to(user).values_list("pk", flat=True):
            shown = page.get(reverse("web:case", args=[pk]))
            assert shown.status_code == 200
            checklist = api.get(f"/api/cases/{pk}/checklist/").json()
            assert checklist == _as_api_shows(shown.context["checklist"]), pk
            findings = {f["code"] for f in api.get(f"/api/cases/{pk}/findings/").json()}
            if checklist["stage"] is None:  # closed: the page lists the rules' findings as notes
                assert findings == {n["code"] for n in checklist["notes"]}, pk
            compared += 1
    assert compared > 20
