"""Importing persons: the preview says what each row will do, with every error in Vietnamese;
the confirm writes all rows in one transaction or none, signed by the importing user."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from ptdv.exchange.importing import CREATE, ERROR, UNCHANGED, UPDATE, run
from ptdv.people.models import Person
from tests.exchange.sheets import errors_by_cell, kind_sheet, person_record, preview

pytestmark = pytest.mark.django_db


def test_new_people_are_previewed_then_written_signed_by_the_importer(world, tmp_path):
    path = kind_sheet(tmp_path / "nguoi.xlsx", "persons", [person_record(world, 1), person_record(world, 2)])
    before = Person.objects.count()
    summary, outcomes = preview("persons", path, world.alice)
    assert [o.action for o in outcomes] == [CREATE, CREATE]
    assert Person.objects.count() == before  # a preview writes nothing
    summary = run("persons", path, path.name, world.alice, write=True, reason="Nhập từ tệp nguoi.xlsx")
    assert summary.written and summary.counts[CREATE] == 2
    added = Person.objects.get(full_name=person_record(world, 1)["full_name"])
    assert (added.unit, added.village, added.ethnicity, added.education) == (
        world.phya_ma,
        world.v_phya_ma,
        "02",
        "THPT",
    )
    first = added.history.earliest()
    assert (first.history_user, first.history_change_reason) == (world.alice, "Nhập từ tệp nguoi.xlsx")


def test_importing_the_same_file_again_changes_nothing(world, tmp_path):
    path = kind_sheet(tmp_path / "nguoi.xlsx", "persons", [person_record(world, 1)])
    run("persons", path, path.name, world.alice, write=True)
    versions = Person.history.count()
    summary, outcomes = preview("persons", path, world.alice)
    assert [o.action for o in outcomes] == [UNCHANGED]
    summary = run("persons", path, path.name, world.alice, write=True)
    assert summary.counts == {"create": 0, "update": 0, "unchanged": 1, "error": 0}
    assert Person.history.count() == versions


def test_a_changed_cell_updates_the_person_it_names_by_citizen_id(world, tmp_path):
    record = person_record(world, 1)
    run("persons", kind_sheet(tmp_path / "a.xlsx", "persons", [record]), "a.xlsx", world.alice, write=True)
    path = kind_sheet(tmp_path / "b.xlsx", "persons", [{**record, "phone": "0912 345 678"}])
    summary, outcomes = preview("persons", path, world.alice)
    assert outcomes[0].action == UPDATE and "Số điện thoại" in outcomes[0].label
    run("persons", path, path.name, world.alice, write=True)
    person = Person.objects.get(citizen_id=record["citizen_id"])
    assert (person.phone, person.version) == ("0912345678", 1)


def test_every_error_is_named_with_its_row_and_column(world, tmp_path):
    future = timezone.localdate() + timedelta(days=3)
    records = [
        person_record(world, 1, full_name=None),
        person_record(world, 2, citizen_id="12345"),
        person_record(world, 3, unit="XX.KHONG.CO"),
        person_record(world, 4, birth_date=future, citizen_id=None),
        person_record(world, 5, unit=world.thon_1.code),
        person_record(world, 6, sex="Không rõ"),
        person_record(world, 7, birth_date="31/02/1990", citizen_id=None),
    ]
    summary, outcomes = preview("persons", kind_sheet(tmp_path / "x.xlsx", "persons", records), world.alice)
    found = errors_by_cell(outcomes)
    assert found[(2, "Họ và tên")] == "Thiếu giá trị bắt buộc."
    assert "12 chữ số" in found[(3, "Số CCCD")]
    assert found[(4, "Mã đơn vị quản lý")] == "Không có đơn vị nào mã XX.KHONG.CO."
    assert "ở tương lai" in found[(5, "Ngày sinh")]
    assert "không có trong phạm vi" in found[(6, "Mã đơn vị quản lý")]
    assert "không phải giá trị cho phép" in found[(7, "Giới tính")]
    assert found[(8, "Ngày sinh")] == "Không có ngày 31/02/1990."
    assert summary.errors == 7


def test_one_bad_row_writes_nothing_at_all(world, tmp_path):
    records = [person_record(world, n) for n in range(1, 5)] + [person_record(world, 9, citizen_id="006")]
    before = Person.objects.count()
    summary = run(
        "persons", kind_sheet(tmp_path / "x.xlsx", "persons", records), "x.xlsx", world.alice, write=True
    )
    assert not summary.written and summary.errors == 1
    assert Person.objects.count() == before


def test_duplicates_of_a_person_are_errors(world, tmp_path):
    """The same citizen ID twice in the file; a person held outside the scope (neutral words);
    someone of the same name and birth date where the village cannot tell them apart."""
    held_elsewhere = world.m_thon_1.person
    same = world.m_phya_ma.person
    records = [
        person_record(world, 1),
        person_record(world, 2, citizen_id=person_record(world, 1)["citizen_id"]),
        person_record(world, 3, citizen_id=held_elsewhere.citizen_id),
        person_record(
            world, 4, full_name=same.full_name, birth_date=same.birth_date, citizen_id=None, village=None
        ),
    ]
    summary, outcomes = preview("persons", kind_sheet(tmp_path / "x.xlsx", "persons", records), world.alice)
    found = errors_by_cell(outcomes)
    assert found[(3, "Số CCCD")] == "Trùng với dòng 2 của tệp."
    assert found[(4, "Số CCCD")].startswith("Không thể dùng số CCCD này.")
    assert held_elsewhere.full_name not in found[(4, "Số CCCD")]
    assert "Đã có người cùng họ tên và ngày sinh" in found[(5, "Họ và tên")]


def test_dates_as_excel_dates_serial_numbers_and_text(world, tmp_path):
    born = date(1995, 4, 2)
    serial = (born - date(1899, 12, 30)).days
    records = [
        person_record(world, 1, birth_date=born),
        person_record(world, 2, birth_date=serial, citizen_id=None),
        person_record(world, 3, birth_date="02/04/1995", citizen_id=None),
    ]
    run("persons", kind_sheet(tmp_path / "d.xlsx", "persons", records), "d.xlsx", world.alice, write=True)
    names = [person_record(world, n)["full_name"] for n in (1, 2, 3)]
    assert set(Person.objects.filter(full_name__in=names).values_list("birth_date", flat=True)) == {born}


def test_names_are_trimmed_and_composed_and_headers_matched_loosely(world, tmp_path):
    from ptdv.exchange.columns import KINDS

    headers = ["  ho VA ten ", *[c.header.upper() for c in KINDS["persons"].columns[1:]]]
    record = person_record(world, 1, full_name="  Lo\u0300   Va\u0306n  Pọm ", citizen_id=None)
    path = kind_sheet(tmp_path / "n.xlsx", "persons", [record], headers=headers)
    run("persons", path, path.name, world.alice, write=True)
    assert Person.objects.filter(full_name="Lò Văn Pọm").exists()


def test_a_member_s_person_does_not_move_unit_by_import(world, tmp_path):
    person = world.m_phya_ma.person
    record = person_record(
        world, 1, full_name=person.full_name, birth_date=person.birth_date, citizen_id=person.citizen_id
    )
    record.update(unit=world.na_pai.code, ethnicity="Tày")
    summary, outcomes = preview("persons", kind_sheet(tmp_path / "m.xlsx", "persons", [record]), world.alice)
    assert outcomes[0].action == ERROR
    assert "cùng với sinh hoạt đảng" in outcomes[0].errors[0][1]
