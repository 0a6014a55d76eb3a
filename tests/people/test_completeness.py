"""The data-completeness score: kept counts equal a fresh computation after every kind of write,
the unit page shows them as officials read percentages, and its links list who lacks a field."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptdv.people import completeness, membership
from ptdv.people.models import DataCompleteness, Person
from tests.factories import member, person

pytestmark = pytest.mark.django_db


def _kept() -> set[tuple]:
    """The kept rows as plain tuples, empty rows left out (a group whose people all left)."""
    columns = ("unit_id", "members", *completeness.COLUMNS)
    return {row for row in DataCompleteness.objects.values_list(*columns) if any(row[2:])}


def _fresh() -> set[tuple]:
    """What a rebuild writes, computed in a transaction that is rolled back."""
    with transaction.atomic():
        completeness.rebuild()
        rows = _kept()
        transaction.set_rollback(True)
    return rows


def test_kept_counts_follow_each_write_as_a_rebuild_computes_them(world):
    before = _fresh()
    assert _kept() == before  # the world was built through the services: kept in step already
    nobody = person(world.na_pai, "Hoàng Văn Tính", citizen_id=None, home_town="", phone="")
    assert _kept() == _fresh()
    nobody.citizen_id, nobody.village, nobody.phone = "006090001234", world.v_na_pai, "0912345678"
    nobody.save()
    assert _kept() == _fresh()
    admitted = membership.admit(nobody, world.phya_ma, date(2024, 1, 5))  # also moves the person
    assert _kept() == _fresh()
    membership.record(admitted, "TRANSFERRED", date(2024, 6, 1), branch=world.na_pai)
    assert _kept() == _fresh()
    Person.objects.get(pk=world.case_phya_ma.person_id).save(update_fields=["home_town"])
    assert _kept() == _fresh()
    gone = person(world.phya_ma, "Lò Văn Mạnh")
    gone.delete()
    assert _kept() == _fresh()


FIELD_VALUES = {
    "citizen_id": st.booleans(),  # with one or none: a number is unique, so each person has their own
    "village": st.just(None),
    "education": st.sampled_from(["", "THPT"]),
    "occupation": st.sampled_from(["", "WORKER"]),
    "ethnicity": st.sampled_from(["", "07"]),
    "religion": st.sampled_from(["", "BUDDHISM"]),
    "home_town": st.sampled_from(["", "Bắc Kạn"]),
    "phone": st.sampled_from(["", "0987654321"]),
}


@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(
        st.tuples(st.integers(0, 3), st.sampled_from(sorted(FIELD_VALUES)), st.data()), min_size=1, max_size=6
    ),
    move_people=st.booleans(),
)
def test_kept_counts_equal_a_rebuild_after_any_edits(world, edits, move_people):
    """Any person's fields set or cleared, people moved between units, in any order: the kept
    rows stay those a rebuild writes."""
    with transaction.atomic():
        people = [world.m_phya_ma.person, world.m_na_pai.person, world.case_phya_ma.person]
        people.append(person(world.na_pai, "Hoàng Văn Tính"))
        for index, key, data in edits:
            chosen = Person.objects.get(pk=people[index].pk)
            if key == "education" and index < 3:
                continue  # members' figures and a case's rules need it: only a bare record lacks it
            value = data.draw(FIELD_VALUES[key])
            if key == "citizen_id":
                value = f"006090{index:06d}" if value else None
            setattr(chosen, key, value)
            if move_people and index >= 2:  # not members: their unit moves on its own
                chosen.unit = world.phya_ma if chosen.unit_id == world.na_pai.pk else world.na_pai
            chosen.save()
            assert _kept() == _fresh()
        transaction.set_rollback(True)


def test_rebuild_summaries_puts_damaged_counts_right(world):
    right = _kept()
    DataCompleteness.objects.update(people=999)
    call_command("rebuild_summaries", verbosity=0)
    assert _kept() == right


def _page(client, unit):
    return client.get(reverse("web:unit", args=[unit.pk]))


def test_the_unit_page_shows_each_share_the_vietnamese_way_with_a_list_of_who_lacks_it(world, client_for):
    for n in range(7):  # Công Bằng: 2 members with a citizen ID, then 7 of 9 other people without
        person(world.na_pai, f"Hoàng Văn T{'abcdefg'[n]}nh", citizen_id=None)
    page = _page(client_for(world.alice), world.cong_bang)
    table = page.context["completeness"]
    assert [g["people"] for g in table["groups"]] == [2, 8]  # members; Hà Thị Hoa + 7 others
    cid = next(row for row in table["rows"] if row["field"].key == "citizen_id")
    members_cell, others_cell = cid["cells"]
    assert members_cell == {"percent": "100%", "missing": 0, "url": None}
    assert others_cell["percent"] == "12,5%" and others_cell["missing"] == 7
    assert others_cell["url"] == f"/nguoi/?unit={world.cong_bang.pk}&missing=citizen_id"
    body = page.content.decode()
    assert "Độ đầy đủ dữ liệu" in body and "12,5%" in body and "thiếu 7" in body
    listed = client_for(world.alice).get(others_cell["url"])
    assert listed.context["found"] == 7 and "Số CCCD" in listed.content.decode()


def test_a_viewer_sees_the_shares_but_no_list_of_who_lacks_sensitive_data(world, client_for):
    unrecorded = person(world.na_pai, "Hoàng Văn Tính", citizen_id=None)
    unrecorded.ethnicity = ""  # as a bulk load may leave it (the form requires it)
    unrecorded.save()
    viewer = client_for(world.victor)
    rows = {
        row["field"].key: row["cells"][1]
        for row in _page(viewer, world.cong_bang).context["completeness"]["rows"]
    }
    assert rows["citizen_id"]["missing"] == 1 and rows["citizen_id"]["url"] is None
    assert rows["ethnicity"]["missing"] == 1 and rows["ethnicity"]["url"] is None
    # Asked by hand, the filter is not applied for her: the list is the usual one.
    everyone = viewer.get("/nguoi/").context["found"]
    assert viewer.get("/nguoi/", {"missing": "ethnicity"}).context["found"] == everyone == 2
    assert client_for(world.alice).get("/nguoi/", {"missing": "ethnicity"}).context["found"] == 1


def test_the_member_list_filters_those_lacking_a_field(world, client_for):
    member(world.na_pai, "Nông Thị Hiền", sex="F", citizen_id=None)
    client = client_for(world.alice)
    url = f"/dang-vien/?unit={world.cong_bang.pk}&missing=citizen_id"
    found = client.get(url)
    assert [m.person.full_name for m in found.context["page"]] == ["Nông Thị Hiền"]
    assert "Chỉ những đảng viên còn thiếu" in found.content.decode()
    assert client.get("/dang-vien/", {"missing": "bogus"}).context["found"] == 3


def test_an_administrator_gets_no_completeness_section(world, client_for):
    assert _page(client_for(world.adam), world.cong_bang).context["completeness"] is None
