from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ptdv.people import membership, summaries
from ptdv.people.models import MemberEvent, PartyMember
from tests.factories import member, person

pytestmark = pytest.mark.django_db


def standing(unit, on):
    totals = summaries.totals(unit, on)
    return totals.official, totals.probationary


def test_counts_at_any_past_date_follow_the_events(world):
    m = membership.admit(person(world.na_pai, "Nông Thị Mai"), world.na_pai, date(2020, 6, 1))
    membership.record(m, "RECOGNISED", date(2021, 6, 1))
    membership.record(m, "TRANSFERRED", date(2022, 1, 10), branch=world.phya_ma)
    membership.record(m, "DIED", date(2023, 2, 2))

    assert standing(world.na_pai, date(2020, 5, 31)) == (1, 0)
    assert standing(world.na_pai, date(2020, 6, 1)) == (1, 1)
    assert standing(world.na_pai, date(2021, 6, 1)) == (2, 0)
    assert standing(world.phya_ma, date(2022, 1, 10)) == (2, 0)
    assert summaries.totals(world.cong_bang, date(2022, 1, 10)).total == 3
    assert summaries.totals(world.cong_bang, date(2023, 2, 2)).total == 2
    m.refresh_from_db()
    assert m.status == "LEFT" and m.left_on == date(2023, 2, 2)


def test_an_event_before_admission_is_refused_and_nothing_is_written(world):
    m = world.m_phya_ma
    before = MemberEvent.objects.count()
    with pytest.raises(ValidationError, match="trước ngày vào Đảng"):
        membership.record(m, "TRANSFERRED", date(2009, 1, 1), branch=world.na_pai)
    assert MemberEvent.objects.count() == before
    assert PartyMember.objects.get(pk=m.pk).branch == world.phya_ma


def test_events_are_appended_in_date_order(world):
    with pytest.raises(ValidationError, match="trước sự kiện gần nhất"):
        membership.record(world.m_phya_ma, "TRANSFERRED", date(2010, 6, 1), branch=world.na_pai)


def test_only_a_probationary_member_is_recognised(world):
    with pytest.raises(ValidationError, match="dự bị"):
        membership.record(world.m_phya_ma, "RECOGNISED", date(2015, 1, 1))


def test_nothing_is_recorded_after_leaving(world):
    membership.record(world.m_phya_ma, "RESIGNED", date(2015, 1, 1))
    with pytest.raises(ValidationError, match="đã ra khỏi"):
        membership.record(world.m_phya_ma, "DIED", date(2016, 1, 1))


def test_transfer_needs_an_active_branch_other_than_the_current(world):
    with pytest.raises(ValidationError, match="đang sinh hoạt ở chi bộ này"):
        membership.record(world.m_phya_ma, "TRANSFERRED", date(2015, 1, 1), branch=world.phya_ma)
    with pytest.raises(ValidationError, match="không phải là chi bộ"):
        membership.record(world.m_phya_ma, "TRANSFERRED", date(2015, 1, 1), branch=world.cong_bang)


def test_a_person_is_admitted_once(world):
    with pytest.raises(ValidationError, match="đã có hồ sơ đảng viên"):
        membership.admit(world.m_phya_ma.person, world.phya_ma, date(2020, 1, 1))


def test_transfer_in_starts_a_member_with_the_given_status(world):
    m = membership.transfer_in(
        person(world.phya_ma, "Sầm Văn Toàn"),
        world.phya_ma,
        date(2021, 3, 3),
        status="OFFICIAL",
        admitted_on=date(2001, 1, 1),
        official_on=date(2002, 1, 1),
    )
    assert summaries.branch_totals([world.phya_ma.id], date(2021, 3, 3))[world.phya_ma.id].official == 2
    assert m.admitted_on == date(2001, 1, 1)


def test_member_event_form_refuses_in_vietnamese_and_changes_nothing(world, client_for):
    url = f"/dang-vien/{world.m_phya_ma.pk}/su-kien/"
    response = client_for(world.bob).post(
        url, {"kind": "TRANSFERRED", "date": "2009-01-01", "branch": world.na_pai.pk}
    )
    assert response.status_code == 400
    assert "trước ngày vào Đảng" in response.content.decode()
    assert world.m_phya_ma.events.count() == 2


def test_viewer_cannot_record_events(world, client_for):
    url = f"/dang-vien/{world.m_phya_ma.pk}/su-kien/"
    response = client_for(world.victor).post(url, {"kind": "DIED", "date": "2020-01-01"})
    assert response.status_code == 403
    assert world.m_phya_ma.events.count() == 2


def test_member_factory_makes_official_members(world):
    m = member(world.thon_1, "Ma Văn Cường")
    assert m.status == "OFFICIAL"
