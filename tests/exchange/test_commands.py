"""`ptdv import` and `ptdv export` on a small tree: the words they print, what they write."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from ptdv.exchange.columns import KINDS
from ptdv.people.models import Person
from tests.exchange.sheets import kind_sheet, person_record

pytestmark = pytest.mark.django_db


def test_import_prints_the_errors_in_vietnamese_and_writes_nothing(world, tmp_path):
    path = kind_sheet(
        tmp_path / "x.xlsx", "persons", [person_record(world, 1), person_record(world, 2, unit="XX")]
    )
    out = StringIO()
    with pytest.raises(CommandError, match="không ghi dòng nào"):
        call_command("import", "persons", str(path), "--user", "alice", stdout=out)
    assert "Dòng 3, cột “Mã đơn vị quản lý”: Không có đơn vị nào mã XX." in out.getvalue()
    assert "Thêm mới: 1; cập nhật: 0; không đổi: 0; có lỗi: 1." in out.getvalue()
    assert not Person.objects.filter(full_name=person_record(world, 1)["full_name"]).exists()


def test_dry_run_writes_nothing_and_a_clean_file_is_written(world, tmp_path):
    path = kind_sheet(tmp_path / "x.xlsx", "persons", [person_record(world, 1)])
    out = StringIO()
    call_command("import", "persons", str(path), "--user", "alice", "--dry-run", stdout=out)
    assert "không ghi gì" in out.getvalue()
    assert not Person.objects.filter(full_name=person_record(world, 1)["full_name"]).exists()
    call_command("import", "persons", str(path), "--user", "alice", stdout=out)
    assert "Đã ghi." in out.getvalue()
    assert Person.objects.get(full_name=person_record(world, 1)["full_name"]).unit == world.phya_ma


def test_import_refuses_an_unknown_user_or_an_unreadable_file(world, tmp_path):
    with pytest.raises(CommandError, match="Không có tài khoản"):
        call_command("import", "persons", "x.xlsx", "--user", "khongco")
    with pytest.raises(CommandError):
        call_command("import", "persons", str(tmp_path / "khong-co.xlsx"), "--user", "alice")


def test_export_writes_the_kind_under_a_unit_only(world, tmp_path):
    path = tmp_path / "dv.xlsx"
    call_command(
        "export", "members", "--unit", "BK", "--format", "xlsx", "--output", str(path), stderr=StringIO()
    )
    rows = list(load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == KINDS["members"].headers
    names = {row[0] for row in rows[1:]}
    assert names == {world.m_phya_ma.person.full_name, world.m_na_pai.person.full_name}
    with pytest.raises(CommandError, match="Không có đơn vị nào mã"):
        call_command("export", "members", "--unit", "ZZ", "--output", str(path))
