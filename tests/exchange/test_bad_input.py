"""Bad files get a clear Vietnamese message and write nothing; none is a server error."""

import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ptdv.exchange.columns import KINDS
from ptdv.exchange.importing import ERROR, run
from ptdv.exchange.models import ImportJob, JobState
from ptdv.exchange.reading import ReadError
from ptdv.exchange.work import run_once
from ptdv.people.models import Person
from tests.exchange.sheets import errors_by_cell, kind_sheet, person_record, preview, write_sheet

pytestmark = pytest.mark.django_db
HEADERS = KINDS["persons"].headers


def refused(path, user) -> str:
    before = Person.objects.count()
    with pytest.raises(ReadError) as refusal:
        run("persons", path, path.name, user, write=True)
    assert Person.objects.count() == before
    return str(refusal.value)


def test_a_damaged_xlsx(world, tmp_path):
    good = kind_sheet(tmp_path / "good.xlsx", "persons", [person_record(world)])
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good.read_bytes()[:600])
    assert refused(broken, world.alice) == "Tệp Excel bị hỏng, không đọc được."
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert refused(junk, world.alice) == "Tệp Excel bị hỏng, không đọc được."


def test_a_zip_that_is_not_a_workbook(world, tmp_path):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "không phải Excel")
    assert refused(path, world.alice) == "Tệp Excel bị hỏng, không đọc được."


def test_an_xls_or_a_csv_renamed_xlsx(world, tmp_path):
    xls = tmp_path / "cu.xlsx"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500)
    assert ".xls" in refused(xls, world.alice) and "lưu thành .xlsx" in refused(xls, world.alice)
    csv = tmp_path / "bang.xlsx"
    csv.write_text(",".join(HEADERS) + "\n", encoding="utf-8")
    assert "có thể là tệp .csv hoặc .xls đã đổi tên" in refused(csv, world.alice)


def test_a_missing_or_renamed_required_column_is_named(world, tmp_path):
    renamed = [("Tên người" if h == "Họ và tên" else h) for h in HEADERS]
    message = refused(write_sheet(tmp_path / "r.xlsx", renamed, []), world.alice)
    assert "Thiếu cột bắt buộc: “Họ và tên”." in message
    assert "Cột không nhận ra: “Tên người”" in message
    dropped = [h for h in HEADERS if h != "Mã đơn vị quản lý"]
    assert "“Mã đơn vị quản lý”" in refused(write_sheet(tmp_path / "d.xlsx", dropped, []), world.alice)
    twice = [*HEADERS, "HỌ VÀ TÊN"]
    assert "có hai lần" in refused(write_sheet(tmp_path / "t.xlsx", twice, []), world.alice)


def test_empty_sheets(world, tmp_path):
    assert (
        refused(write_sheet(tmp_path / "e.xlsx", [], []), world.alice)
        == "Bảng tính trống: không có dòng tiêu đề."
    )
    assert "không có dòng dữ liệu" in refused(write_sheet(tmp_path / "h.xlsx", HEADERS, []), world.alice)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert refused(empty, world.alice) == "Tệp trống."


def test_formulas_and_very_long_cells_are_errors_of_their_rows(world, tmp_path):
    rows = [person_record(world, 1, full_name="=A1&B1"), person_record(world, 2, home_town="x" * 10_000)]
    summary, outcomes = preview("persons", kind_sheet(tmp_path / "f.xlsx", "persons", rows), world.alice)
    found = errors_by_cell(outcomes)
    assert "công thức" in found[(2, "Họ và tên")]
    assert found[(3, "Quê quán")] == "Ô dài 10000 ký tự, quá dài."
    assert [o.action for o in outcomes] == [ERROR, ERROR]
    assert "x" * 1000 not in str(outcomes)  # the long text is not carried into the preview


def test_merged_cells(world, tmp_path):
    path = kind_sheet(
        tmp_path / "m.xlsx", "persons", [person_record(world, 1), person_record(world, 2)], merge="N2:N3"
    )
    assert "ô gộp (N2:N3)" in refused(path, world.alice)


def test_csv_reads_like_xlsx_and_a_csv_not_in_utf8_is_named(world, tmp_path):
    from ptdv.exchange.writing import rows_to_csv

    record = person_record(world, 1)
    path = tmp_path / "nguoi.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        rows_to_csv(out, HEADERS, [[record.get(c.key) for c in KINDS["persons"].columns]])
    assert run("persons", path, path.name, world.alice, write=True).written
    latin = tmp_path / "latin.csv"
    latin.write_bytes(",".join(HEADERS).encode("cp1258", errors="replace"))
    assert "UTF-8" in refused(latin, world.alice)


def test_the_page_refuses_an_upload_over_the_limit_and_a_renamed_file(world, client_for, settings):
    settings.PTDV_IMPORT_MAX_MB = 1
    client = client_for(world.alice)
    big = SimpleUploadedFile("lon.xlsx", b"PK\x03\x04" + b"0" * (1024 * 1024 + 10))
    answer = client.post(reverse("exchange:jobs"), {"kind": "persons", "file": big})
    assert answer.status_code == 400
    assert "Tệp lớn quá 1 MB" in answer.content.decode()
    xls = SimpleUploadedFile("cu.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    answer = client.post(reverse("exchange:jobs"), {"kind": "persons", "file": xls})
    assert answer.status_code == 400 and "Excel 97–2003" in answer.content.decode()
    assert not ImportJob.objects.exists()


def test_a_damaged_upload_ends_as_a_failed_job_with_the_message(world, client_for):
    client = client_for(world.alice)
    broken = SimpleUploadedFile("hong.xlsx", b"PK\x03\x04" + b"\x01" * 300)
    answer = client.post(reverse("exchange:jobs"), {"kind": "persons", "file": broken})
    job = ImportJob.objects.get()
    assert answer.status_code == 302
    assert run_once()
    job.refresh_from_db()
    assert (job.state, job.message) == (JobState.FAILED, "Tệp Excel bị hỏng, không đọc được.")
    page = client.get(reverse("exchange:job", args=[job.pk]))
    assert page.status_code == 200 and "Tệp Excel bị hỏng" in page.content.decode()
