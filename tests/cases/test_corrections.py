"""Every checklist record can be corrected or withdrawn (kept in history); findings follow."""

from datetime import date

import pytest

from ptdv.cases.models import DocumentKind, Introduction
from tests.cases.conftest import MEETING, VOTE, blocking_codes, move

pytestmark = pytest.mark.django_db


def _wrong_introducer(ready) -> Introduction:
    wrong = ready.introductions.first()
    wrong.months_together = 6
    wrong.save()
    return wrong


def _edit_form(intro: Introduction, **changes) -> dict:
    fields = {
        "introducer": intro.introducer_id,
        "date": intro.date.isoformat(),
        "relationship": intro.relationship,
        "months_together": intro.months_together,
        "version": intro.version,
        **changes,
    }
    return {f"r{intro.pk}-{k}": v for k, v in fields.items()}


def _url(case, kind, record, act):
    return f"/ho-so/{case.pk}/ghi/{kind}/{record.pk}/{act}/"


def test_correcting_an_introducer_from_6_to_14_months_unblocks_the_branch_vote(world, ready, client_for):
    wrong = _wrong_introducer(ready)
    assert "INTRODUCER_TOGETHER" in blocking_codes(ready, world.alice)
    response = client_for(world.carol).post(
        _url(ready, "gioi-thieu", wrong, "sua"), _edit_form(wrong, months_together=14)
    )
    assert response.status_code == 302
    wrong.refresh_from_db()
    assert wrong.months_together == 14 and wrong.version == 1
    assert blocking_codes(ready, world.alice) == set()
    assert [h.months_together for h in wrong.history.order_by("history_date")] == [24, 6, 14]


def test_voiding_a_wrong_introducer_and_adding_a_replacement_unblocks_the_branch_vote(
    world, ready, client_for
):
    wrong = _wrong_introducer(ready)
    client = client_for(world.carol)
    client.post(
        f"/ho-so/{ready.pk}/ghi/gioi-thieu/",
        {"introducer": wrong.introducer_id, "date": "2024-12-20", "months_together": 6, "replacement": "on"},
    )
    # The replacement alone does not clear the wrong entry: it still counts.
    assert "INTRODUCER_TOGETHER" in blocking_codes(ready, world.alice)
    response = client.post(
        _url(ready, "gioi-thieu", wrong, "huy"),
        {f"v{wrong.pk}-reason": "Ghi nhầm số tháng", f"v{wrong.pk}-version": 0},
    )
    assert response.status_code == 302
    wrong.refresh_from_db()
    assert wrong.voided and wrong.void_reason == "Ghi nhầm số tháng" and wrong.voided_by == world.carol
    assert blocking_codes(ready, world.alice) == set()
    page = client.get(f"/ho-so/{ready.pk}/").content.decode()
    assert f'data-voided="{wrong.pk}"' in page and "Ghi nhầm số tháng" in page
    assert Introduction.objects.filter(pk=wrong.pk).exists()


def test_a_voided_document_is_no_longer_read_by_the_regulation(world, ready, client_for):
    application = ready.documents.get(kind=DocumentKind.APPLICATION)
    client_for(world.alice).post(
        _url(ready, "giay-to", application, "huy"),
        {f"v{application.pk}-reason": "Đơn của người khác", f"v{application.pk}-version": 0},
    )
    assert "APPLICATION" in blocking_codes(ready, world.alice)


def test_a_correction_on_a_stale_version_changes_nothing(world, ready, client_for):
    wrong = _wrong_introducer(ready)
    client = client_for(world.carol)
    client.post(_url(ready, "gioi-thieu", wrong, "sua"), _edit_form(wrong, months_together=13))
    response = client.post(_url(ready, "gioi-thieu", wrong, "sua"), _edit_form(wrong, months_together=30))
    assert response.status_code == 400
    assert "người khác cập nhật" in response.content.decode()
    wrong.refresh_from_db()
    assert wrong.months_together == 13


def test_voiding_needs_a_reason_and_a_viewer_may_neither_correct_nor_void(world, ready, client_for):
    wrong = _wrong_introducer(ready)
    refused = client_for(world.carol).post(
        _url(ready, "gioi-thieu", wrong, "huy"), {f"v{wrong.pk}-reason": "  ", f"v{wrong.pk}-version": 0}
    )
    assert refused.status_code == 400
    viewer = client_for(world.victor)
    assert (
        viewer.post(
            _url(ready, "gioi-thieu", wrong, "sua"), _edit_form(wrong, months_together=14)
        ).status_code
        == 403
    )
    assert (
        viewer.post(_url(ready, "gioi-thieu", wrong, "huy"), {f"v{wrong.pk}-reason": "x"}).status_code == 403
    )
    assert f'data-edit="{wrong.pk}"' not in viewer.get(f"/ho-so/{ready.pk}/").content.decode()
    wrong.refresh_from_db()
    assert not wrong.voided and wrong.months_together == 6


def test_a_branch_officer_corrects_a_verification_without_seeing_or_erasing_its_conclusion(
    world, ready, client_for
):
    mother = ready.relatives.get(relation="MOTHER")
    mother.conclusion = "Không có vấn đề về chính trị"
    mother.save()
    client = client_for(world.carol)
    page = client.get(f"/ho-so/{ready.pk}/").content.decode()
    assert "Không có vấn đề về chính trị" not in page and f'data-edit="{mother.pk}"' in page
    form = {"relation": "MOTHER", "name": "Lò Thị Mến", "verified_on": "2024-09-02", "version": 0}
    response = client.post(
        _url(ready, "tham-tra", mother, "sua"), {f"r{mother.pk}-{k}": v for k, v in form.items()}
    )
    assert response.status_code == 302
    mother.refresh_from_db()
    assert mother.verified_on == date(2024, 9, 2) and mother.conclusion == "Không có vấn đề về chính trị"


def test_a_record_of_another_case_is_not_found_through_this_case(world, ready, client_for):
    other = world.case_thon_1
    intro = ready.introductions.first()
    response = client_for(world.olga).post(_url(other, "gioi-thieu", intro, "sua"), _edit_form(intro))
    assert response.status_code == 404


def test_the_awareness_certificate_entered_later_unblocks_the_branch_vote(world, ready, client_for):
    # Moved into the class without the certificate: the branch vote is blocked by it.
    event = ready.events.get(stage="AWARENESS")
    event.data = {"class_name": "Lớp NTVĐ 5/2024"}
    event.save()
    assert "AWARENESS_CERT" in blocking_codes(ready, world.alice)
    client = client_for(world.carol)
    assert 'value="AWARENESS_CERT"' in client.get(f"/ho-so/{ready.pk}/").content.decode()
    without_number = client.post(
        f"/ho-so/{ready.pk}/ghi/giay-to/", {"kind": "AWARENESS_CERT", "date": "2024-05-10"}
    )
    assert without_number.status_code == 400 and "số giấy chứng nhận" in without_number.content.decode()
    client.post(
        f"/ho-so/{ready.pk}/ghi/giay-to/", {"kind": "AWARENESS_CERT", "date": "2024-05-10", "number": "CN-7"}
    )
    assert "AWARENESS_CERT" not in blocking_codes(ready, world.alice)
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, **VOTE)


def test_a_certificate_corrected_later_replaces_the_one_recorded_with_the_class(world, ready):
    # Recorded with the class as 2020 (expired by the meeting), corrected by a document.
    event = ready.events.get(stage="AWARENESS")
    event.data = {**event.data, "cert_date": "2020-01-15"}
    event.save()
    assert "AWARENESS_CERT" in blocking_codes(ready, world.alice)
    ready.documents.create(kind=DocumentKind.AWARENESS_CERT, date=date(2024, 5, 10), number="CN-01")
    assert "AWARENESS_CERT" not in blocking_codes(ready, world.alice)
