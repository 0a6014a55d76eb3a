"""Issue 6, High 4: the regulation cannot be switched off, and closed cases keep their facts.

Only an organizer marks a case historical ("dữ liệu lịch sử"), only for acts before the branch
started using PTĐV (Unit.ptdv_since, inherited from above); a move dated on or after that day
is judged on a historical case too. A closed case's facts change only by an organizer's
correction with a reason, which the case's history keeps.
"""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from ptdv.cases import transitions
from ptdv.cases.models import Case
from ptdv.org import adoption
from tests.cases.conftest import move
from tests.factories import person

pytestmark = pytest.mark.django_db

PAPER_UNTIL = date(2024, 4, 1)  # Bắc Kạn started using PTĐV on this day
MARKED_ONLY_BY_ORGANIZERS = "Chỉ cán bộ Ban Tổ chức được đánh dấu"
CLASS_WITHOUT_CERTIFICATE = {"class_name": "Lớp 3/2024", "cert_no": "", "cert_date": None}


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _patch(user, case, **body):
    # `version` is sent as a client would, so the body stays valid once edits carry versions.
    return _api(user).patch(f"/api/cases/{case.pk}/", {"version": case.version, **body}, format="json")


@pytest.fixture
def paper_era(world):
    adoption.set_ptdv_since(world.bac_kan, PAPER_UNTIL)
    return world


def test_a_branch_secretary_cannot_mark_a_case_historical_through_the_api(paper_era):
    world = paper_era
    case = world.case_phya_ma  # opened 01/03/2024, before PTĐV: only the role is wrong
    refused = _patch(world.carol, case, historical=True)
    assert refused.status_code == 400
    assert MARKED_ONLY_BY_ORGANIZERS in refused.json()["historical"][0]
    assert not Case.objects.get(pk=case.pk).historical
    assert _patch(world.alice, case, historical=True).status_code == 200
    assert Case.objects.get(pk=case.pk).historical
    unmark = _patch(world.carol, Case.objects.get(pk=case.pk), historical=False)
    assert unmark.status_code == 400 and Case.objects.get(pk=case.pk).historical


def test_a_branch_secretary_ticking_historical_on_the_new_case_page_gets_a_form_error(paper_era, client_for):
    world = paper_era
    fresh = person(world.phya_ma, "Sầm Văn Lực", birth=date(2000, 2, 2))
    body = {
        "person": fresh.pk,
        "branch": world.phya_ma.pk,
        "source_organisation": "YOUTH_UNION",
        "source_category": "YOUTH",
        "youth_union_exists": "on",
        "historical": "on",
        "date": "2024-03-01",
    }
    response = client_for(world.carol).post("/ho-so/moi/", body)
    assert response.status_code == 400 and MARKED_ONLY_BY_ORGANIZERS in response.content.decode()
    assert not Case.objects.filter(person=fresh).exists()
    assert client_for(world.alice).post("/ho-so/moi/", body).status_code == 302
    assert Case.objects.get(person=fresh).historical


def test_only_acts_before_ptdv_since_may_be_historical(world):
    def open_as_history(name, on):
        return transitions.open_case(
            person(world.na_pai, name),
            world.na_pai,
            on,
            by=world.alice,
            source_organisation="BRANCH",
            source_category="FARMER",
            historical=True,
        )

    with pytest.raises(ValidationError, match="chưa có ngày bắt đầu dùng PTĐV"):
        open_as_history("Hoàng Thị Mai", date(2019, 1, 1))
    adoption.set_ptdv_since(world.cong_bang, PAPER_UNTIL)  # Nà Pài inherits it from Công Bằng
    with pytest.raises(ValidationError, match="chỉ các việc làm trên giấy trước ngày đó"):
        open_as_history("Hoàng Thị Mai", PAPER_UNTIL)
    assert open_as_history("Hoàng Thị Mai", date(2019, 1, 1)).historical
    late = Case.objects.get(pk=world.case_phya_ma.pk)
    adoption.set_ptdv_since(world.phya_ma, date(2024, 2, 1))  # before the case was opened
    refused = _patch(world.alice, late, historical=True)
    assert refused.status_code == 400 and "trên giấy" in refused.json()["historical"][0]


def test_a_historical_case_is_judged_for_acts_on_or_after_ptdv_since(paper_era):
    world = paper_era
    case = Case.objects.get(pk=world.case_phya_ma.pk)
    assert _patch(world.alice, case, historical=True).status_code == 200
    move(case, "AWARENESS", date(2024, 3, 10), world.alice, **CLASS_WITHOUT_CERTIFICATE)
    move(case, "DOSSIER", date(2024, 4, 2), world.alice)
    # No certificate, no documents, a branch of one official member: the vote is refused.
    with pytest.raises(transitions.TransitionRefused):
        move(case, "BRANCH_RESOLVED", date(2024, 5, 1), world.alice, summoned=1, votes_for=1)
    assert Case.objects.get(pk=case.pk).stage == "DOSSIER"


def test_only_an_organizer_records_paper_acts_unjudged(world):
    adoption.set_ptdv_since(world.bac_kan, date(2025, 1, 1))
    case = Case.objects.get(pk=world.case_phya_ma.pk)
    assert _patch(world.alice, case, historical=True).status_code == 200
    move(case, "AWARENESS", date(2024, 3, 10), world.carol, **CLASS_WITHOUT_CERTIFICATE)
    move(case, "DOSSIER", date(2024, 4, 2), world.carol)
    with pytest.raises(transitions.TransitionRefused):
        move(case, "BRANCH_RESOLVED", date(2024, 5, 1), world.carol, summoned=1, votes_for=1)
    move(case, "BRANCH_RESOLVED", date(2024, 5, 1), world.alice, summoned=1, votes_for=1)
    assert Case.objects.get(pk=case.pk).stage == "BRANCH_RESOLVED"


def _closed(world):
    case = world.case_phya_ma
    move(case, "WITHDRAWN", date(2024, 4, 1), world.carol, reason="Đi làm ăn xa")
    return Case.objects.get(pk=case.pk)


def test_a_branch_secretary_cannot_rewrite_the_facts_of_a_closed_case(world):
    case = _closed(world)
    refused = _patch(world.carol, case, former_member=True, hardship_area=True, reason="Sửa cho đúng")
    assert refused.status_code == 400 and "chỉ cán bộ Ban Tổ chức được đính chính" in str(refused.json())
    case.refresh_from_db()
    assert not case.former_member and not case.hardship_area
    assert _patch(world.bob, case, hardship_area=True, reason="x").status_code == 400


def test_an_organizer_corrects_a_closed_case_only_with_a_reason_kept_in_its_history(world, client_for):
    case = _closed(world)
    without = _patch(world.alice, case, hardship_area=True)
    assert without.status_code == 400 and "phải ghi lý do" in without.json()["reason"][0]
    assert not Case.objects.get(pk=case.pk).hardship_area
    reason = "Xã Công Bằng thuộc vùng khó khăn theo Quyết định 861/QĐ-TTg"
    assert _patch(world.alice, case, hardship_area=True, reason=reason).status_code == 200
    case.refresh_from_db()
    assert case.hardship_area
    latest = case.history.first()
    assert latest.history_change_reason == reason and latest.history_user == world.alice
    assert reason in client_for(world.alice).get(f"/ho-so/{case.pk}/").content.decode()


def test_open_cases_are_still_kept_current_by_their_officers(world):
    case = Case.objects.get(pk=world.case_phya_ma.pk)
    assert _patch(world.carol, case, hardship_area=True).status_code == 200
    assert Case.objects.get(pk=case.pk).hardship_area
