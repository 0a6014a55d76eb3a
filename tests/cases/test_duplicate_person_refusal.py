"""Issue 6, point 6: the duplicate-person refusal says only what the user may know.

A person has at most one open case or membership (DUPLICATE_PERSON). The refusal names the
other case's branch, and links to it on the page, only when it is within the user's scope;
otherwise it names nothing, so nobody learns where a record they may not see is kept.
"""

from datetime import date

import pytest
from rest_framework.test import APIClient

from ptdv.cases import transitions
from ptdv.cases.models import Case
from ptdv.org import adoption
from tests.factories import person

pytestmark = pytest.mark.django_db

ELSEWHERE = "Người này đã có hồ sơ hoặc đang là đảng viên ở đơn vị khác — hãy liên hệ Ban Tổ chức cấp trên."


@pytest.fixture
def other_case(world):
    """A Phya Mạ resident whose case alice (Pác Nặm) opened in Nà Pài, outside carol's branch."""
    resident = person(world.phya_ma, "Lường Văn Tiến", birth=date(2001, 4, 4))
    return transitions.open_case(
        resident,
        world.na_pai,
        date(2024, 5, 1),
        by=world.alice,
        source_organisation="FARMERS",
        source_category="FARMER",
    )


def _open(case, by, branch):
    return transitions.open_case(
        case.person,
        branch,
        date(2024, 6, 1),
        by=by,
        source_organisation="YOUTH_UNION",
        source_category="YOUTH",
    )


def _body(case, branch):
    return {
        "person": case.person.pk,
        "branch": branch.pk,
        "source_organisation": "YOUTH_UNION",
        "source_category": "YOUTH",
        "youth_union_exists": "on",
        "date": "2024-06-01",
    }


def test_a_branch_secretary_is_not_told_which_branch_holds_the_other_case(world, other_case):
    with pytest.raises(transitions.TransitionRefused) as refused:
        _open(other_case, world.carol, world.phya_ma)
    [finding] = refused.value.findings
    assert finding.code == "DUPLICATE_PERSON" and finding.message == ELSEWHERE
    assert "Nà Pài" not in str(refused.value) and "căn cước" not in str(refused.value)


def test_an_organizer_is_told_where_the_other_case_is_when_it_is_in_scope(world, other_case):
    with pytest.raises(transitions.TransitionRefused) as refused:
        _open(other_case, world.alice, world.phya_ma)
    [finding] = refused.value.findings
    assert finding.message == "Lường Văn Tiến đang có hồ sơ mở ở Chi bộ thôn Nà Pài."


def test_the_api_keeps_the_rule_code_and_names_nothing_out_of_scope(world, other_case):
    client = APIClient()
    client.force_authenticate(world.carol)
    body = {
        "person": other_case.person.pk,
        "branch": world.phya_ma.pk,
        "opened_on": "2024-06-01",
        "source_organisation": "YOUTH_UNION",
        "source_category": "YOUTH",
    }
    response = client.post("/api/cases/", body, format="json")
    assert response.status_code == 400
    [finding] = response.json()["findings"]
    assert finding["code"] == "DUPLICATE_PERSON" and finding["message"] == ELSEWHERE
    assert "Nà Pài" not in response.content.decode()


def test_the_new_case_page_links_to_the_other_case_only_within_scope(world, other_case, client_for):
    link = f'href="/ho-so/{other_case.pk}/"'
    carol = client_for(world.carol).post("/ho-so/moi/", _body(other_case, world.phya_ma))
    page = carol.content.decode()
    assert carol.status_code == 400 and ELSEWHERE in page
    assert "Nà Pài" not in page and link not in page
    alice = client_for(world.alice).post("/ho-so/moi/", _body(other_case, world.phya_ma))
    page = alice.content.decode()
    assert alice.status_code == 400 and "đang có hồ sơ mở ở Chi bộ thôn Nà Pài" in page and link in page
    assert Case.objects.filter(person=other_case.person).count() == 1


def test_a_historical_case_is_no_way_around_the_duplicate_refusal(world, other_case):
    adoption.set_ptdv_since(world.bac_kan, date(2025, 1, 1))
    with pytest.raises(transitions.TransitionRefused):
        transitions.open_case(
            other_case.person,
            world.phya_ma,
            date(2024, 6, 1),
            by=world.alice,
            source_organisation="YOUTH_UNION",
            source_category="YOUTH",
            historical=True,
        )
