"""Units, villages, members and cases through their services, with the errors each refuses."""

from datetime import date

import pytest

from ptdv.cases.models import Case
from ptdv.exchange.importing import CREATE, ERROR, UNCHANGED, UPDATE, run
from ptdv.org.models import Unit, UnitChange, Village
from ptdv.people.choices import MemberStatus
from ptdv.people.models import PartyMember
from tests.exchange.sheets import errors_by_cell, kind_sheet, person_record, preview
from tests.factories import person

pytestmark = pytest.mark.django_db


def unit_record(code, name, kind="Chi bộ trực thuộc", parent="BK.PN.X01", **values):
    return {
        "code": code,
        "name": name,
        "kind": kind,
        "parent": parent,
        "valid_from": date(2010, 1, 1),
        **values,
    }


def test_units_are_created_parents_first_through_the_reorganisation_service(world, tmp_path):
    records = [
        unit_record("BK.PN.X02", "Đảng bộ xã Bằng Thành", "Đảng bộ cơ sở", "BK.PN"),
        unit_record("BK.PN.X02.T01", "Chi bộ thôn Nà Lẹng", parent="BK.PN.X02", branch_type="Thôn, bản"),
        unit_record(
            "BK.PN.X01.T01",
            world.phya_ma.name,
            parent="BK.PN.X01",
            branch_type="Thôn, bản",
            valid_from=world.phya_ma.valid_from,
        ),
    ]
    path = kind_sheet(tmp_path / "u.xlsx", "units", records)
    summary, outcomes = preview("units", path, world.alice)
    assert [o.action for o in outcomes] == [CREATE, CREATE, UNCHANGED]
    assert not Unit.objects.filter(code="BK.PN.X02").exists()  # the rehearsal was rolled back
    assert run("units", path, path.name, world.alice, write=True).written
    branch = Unit.objects.get(code="BK.PN.X02.T01")
    assert Unit.objects.get_parent(branch).code == "BK.PN.X02" and branch.branch_type == "VILLAGE"
    assert UnitChange.objects.get(unit=branch).recorded_by == world.alice
    assert [o.action for o in preview("units", path, world.alice)[1]] == [UNCHANGED] * 3


def test_unit_rows_the_tree_refuses(world, tmp_path):
    records = [
        unit_record("BK.PN.X09", "Chi bộ lạc chỗ", parent="BK.PN"),  # a branch under a district
        unit_record("KT.DT.X09", "Chi bộ Đăk Tô", parent="KT.DT.X01"),  # another province
        unit_record("BK.PN.X01.T02", "Tên khác"),  # an existing unit, renamed in the file
        unit_record("BK.MOI", "Đảng bộ tỉnh mới", "Đảng bộ tỉnh", parent=None),
    ]
    summary, outcomes = preview("units", kind_sheet(tmp_path / "u.xlsx", "units", records), world.alice)
    found = errors_by_cell(outcomes)
    assert "không thể trực thuộc" in found[(2, "Mã đơn vị cấp trên")]
    assert "không có trong phạm vi" in found[(3, "Mã đơn vị cấp trên")]
    assert "Tên đơn vị" in found[(4, "")] and "trang đơn vị" in found[(4, "")]
    assert "cấp cao nhất" in found[(5, "Mã đơn vị cấp trên")]


def test_villages(world, tmp_path):
    records = [
        {"name": "Khuổi Ngoa", "kind": "Bản", "branch": world.na_pai.code, "since": date(2015, 1, 1)},
        {"name": "Phya Mạ", "kind": "Thôn", "branch": world.phya_ma.code, "since": date(2000, 1, 1)},
        {"name": "Nà Mò", "kind": "Thôn", "branch": world.cong_bang.code, "since": date(2015, 1, 1)},
    ]
    path = kind_sheet(tmp_path / "v.xlsx", "villages", records)
    summary, outcomes = preview("villages", path, world.alice)
    assert [o.action for o in outcomes] == [CREATE, UNCHANGED, ERROR]
    assert "không phải là chi bộ" in outcomes[2].errors[0][1]
    assert not run("villages", path, path.name, world.alice, write=True).written
    assert not Village.objects.filter(name="Khuổi Ngoa").exists()
    assert run(
        "villages",
        kind_sheet(tmp_path / "w.xlsx", "villages", records[:2]),
        "w.xlsx",
        world.alice,
        write=True,
    )
    assert Village.objects.get(name="Khuổi Ngoa").branch == world.na_pai


def member_record(p, **values):
    return {
        "full_name": p.full_name,
        "birth_date": p.birth_date,
        "citizen_id": p.citizen_id,
        "branch": p.unit.code,
        "status": "Chính thức",
        "admitted_on": date(2015, 5, 19),
        "official_on": date(2016, 5, 19),
        **values,
    }


def test_members_join_through_the_membership_service_and_are_counted(world, tmp_path):
    from ptdv.people import summaries

    newcomer = person(world.na_pai, "Nông Văn Khải", village=world.v_na_pai)
    before = summaries.totals(world.na_pai, date.today()).total
    path = kind_sheet(tmp_path / "m.xlsx", "members", [member_record(newcomer, card_number="123456")])
    assert run("members", path, path.name, world.alice, write=True).written
    member = PartyMember.objects.get(person=newcomer)
    assert (member.status, member.admitted_on, member.official_on, member.card_number) == (
        MemberStatus.OFFICIAL,
        date(2015, 5, 19),
        date(2016, 5, 19),
        "123456",
    )
    assert member.events.get().recorded_by == world.alice
    assert summaries.totals(world.na_pai, date.today()).total == before + 1  # the kept counts follow
    assert [o.action for o in preview("members", path, world.alice)[1]] == [UNCHANGED]


def test_member_rows_whose_status_contradicts_the_dates(world, tmp_path):
    people = [
        person(world.na_pai, name, village=world.v_na_pai)
        for name in ("Nông Văn Ba", "Nông Văn Bốn", "Nông Văn Năm")
    ]
    records = [
        member_record(people[0], official_on=None),
        member_record(people[1], status="Dự bị"),
        member_record(people[2], official_on=date(2014, 1, 1)),
        member_record(people[0], full_name="Người Không Có", citizen_id=None),
        member_record(people[1], status="Đã ra khỏi Đảng bộ"),
    ]
    summary, outcomes = preview("members", kind_sheet(tmp_path / "m.xlsx", "members", records), world.alice)
    found = errors_by_cell(outcomes)
    assert found[(2, "Ngày chính thức")] == "Đảng viên chính thức phải có ngày chính thức."
    assert "mâu thuẫn" in found[(3, "Ngày chính thức")]
    assert "không sau ngày vào Đảng" in found[(4, "Ngày chính thức")]
    assert "Không tìm thấy người này" in found[(5, "Họ và tên")]
    assert "chỉ có trong tệp xuất" in found[(6, "Trạng thái")]  # a member who left, as list pages export


def test_a_probationary_member_recognised_by_import(world, tmp_path):
    from ptdv.people import membership

    admitted = membership.admit(person(world.na_pai, "Nông Thị Mai", sex="F"), world.na_pai, date(2024, 1, 5))
    record = member_record(admitted.person, admitted_on=date(2024, 1, 5), official_on=date(2025, 1, 5))
    path = kind_sheet(tmp_path / "m.xlsx", "members", [record])
    assert preview("members", path, world.alice)[1][0].action == UPDATE
    assert run("members", path, path.name, world.alice, write=True).written
    admitted.refresh_from_db()
    assert (admitted.status, admitted.official_on) == (MemberStatus.OFFICIAL, date(2025, 1, 5))
    moved = kind_sheet(tmp_path / "n.xlsx", "members", [{**record, "branch": world.phya_ma.code}])
    assert "trang đảng viên" in preview("members", moved, world.alice)[1][0].errors[0][1]


def test_cases_open_in_the_source_stage_through_the_transitions_service(world, tmp_path):
    someone = person(world.phya_ma, "Hà Văn Tú", birth=date(2001, 2, 3), village=world.v_phya_ma)
    base = {
        "full_name": someone.full_name,
        "birth_date": someone.birth_date,
        "citizen_id": someone.citizen_id,
        "branch": world.phya_ma.code,
        "opened_on": date(2024, 9, 2),
        "source_organisation": "Đoàn Thanh niên",
        "source_category": "Đoàn viên thanh niên",
    }
    existing = world.case_phya_ma.person
    records = [
        base,
        {
            **base,
            "full_name": existing.full_name,
            "birth_date": existing.birth_date,
            "citizen_id": existing.citizen_id,
            "opened_on": date(2024, 3, 1),
        },
        {**base, "stage": "Đảng viên chính thức", "full_name": "Lò Văn Pọm", "citizen_id": None},
    ]
    path = kind_sheet(tmp_path / "c.xlsx", "cases", records)
    summary, outcomes = preview("cases", path, world.alice)
    assert [o.action for o in outcomes] == [CREATE, UNCHANGED, ERROR]
    assert not Case.objects.filter(person=someone).exists()
    assert run(
        "cases", kind_sheet(tmp_path / "d.xlsx", "cases", records[:2]), "d.xlsx", world.alice, write=True
    )
    assert Case.objects.get(person=someone).created_by == world.alice
    stage = kind_sheet(
        tmp_path / "e.xlsx",
        "cases",
        [{**base, "opened_on": date(2024, 10, 1), "stage": "Nguồn / cảm tình Đảng"}],
    )
    refusal = preview("cases", stage, world.alice)[1][0]
    assert refusal.action == ERROR  # the person is already on a path (DUPLICATE_PERSON)


def test_who_may_import_what(world, tmp_path):
    from ptdv.exchange.reading import ReadError

    path = kind_sheet(tmp_path / "p.xlsx", "persons", [person_record(world, 1)])
    for user in (world.bob, world.victor, world.adam):
        with pytest.raises(ReadError, match="không có quyền"):
            run("persons", path, path.name, user, write=False)
