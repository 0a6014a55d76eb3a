"""The API and the case page say the same of the demo's cases at every stage: the next step's
checklist item by item, and the rules' findings on the case as it stands."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from ptdv.accounts.models import ApiToken, User
from ptdv.cases import checklist as checklists
from ptdv.cases.models import Case
from tests.demo_loaded import demo_loaded
from tests.logins import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_loaded(django_db_blocker, tmp_path_factory.mktemp("demo")):
        with django_db_blocker.unblock():
            User.objects.update(must_change_password=False)  # they chose their own at first sign-in
        yield


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


def _cases_at_every_stage(user, per_stage: int = 3) -> list[int]:
    """The first few cases of each stage the user sees: every kind of checklist and finding the
    demo holds, without walking all of its cases through both ways in (that took 40 s)."""
    chosen: dict[str, list[int]] = {}
    for pk, stage in Case.objects.visible_to(user).order_by("pk").values_list("pk", "stage"):
        if len(chosen.setdefault(stage, [])) < per_stage:
            chosen[stage].append(pk)
    return [pk for pks in chosen.values() for pk in pks]


def test_the_api_and_the_case_page_agree_at_every_stage_of_the_demo(demo):
    compared, stages = 0, set()
    for username in ("tochuc.thainguyen", "tochuc.quangngai"):
        user = User.objects.get(username=username)
        page, api = log_in(APIClient(), user), _token_client(user)
        for pk in _cases_at_every_stage(user):
            shown = page.get(reverse("web:case", args=[pk]))
            assert shown.status_code == 200
            checklist = api.get(f"/api/cases/{pk}/checklist/").json()
            assert checklist == _as_api_shows(shown.context["checklist"]), pk
            findings = {f["code"] for f in api.get(f"/api/cases/{pk}/findings/").json()}
            if checklist["stage"] is None:  # closed: the page lists the rules' findings as notes
                assert findings == {n["code"] for n in checklist["notes"]}, pk
            compared += 1
            stages.add(Case.objects.get(pk=pk).stage)
    assert compared > 20 and len(stages) >= 8, (compared, stages)
