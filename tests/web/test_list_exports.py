"""Every list downloads as Excel and CSV with the page's filters, search and scope, read back
for real (openpyxl, csv); sensitive columns only for the roles that see them; the read log;
a fixed number of queries however many rows."""

import csv
from datetime import date
from io import BytesIO, StringIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from ptdv.audit.models import ReadChannel, SensitiveRead
from ptdv.cases import transitions
from ptdv.exchange.columns import KINDS
from ptdv.people import membership
from ptdv.people.models import PartyMember
from tests.cases.conftest import MEETING, VOTE, move, record_checklist
from tests.factories import case, member, person, spelled

pytestmark = pytest.mark.django_db

LISTS = ["web:members-export", "web:people-export", "web:board-export", "web:todo-export"]


def _body(response) -> bytes:
    """The whole file; the test client closes the response once it is read to the end."""
    return b"".join(response.streaming_content)


def _sheet(response) -> list[tuple]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return list(load_workbook(BytesIO(_body(response))).active.iter_rows(values_only=True))


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    text = _body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(StringIO(text[1:])))


def _get(client, name, fmt, **query):
    return client.get(reverse(name, args=[fmt]), query)


def test_members_export_holds_the_scope_in_the_import_format(world, client_for):
    rows = _sheet(_get(client_for(world.alice), "web:members-export", "xlsx"))
    assert list(rows[0]) == KINDS["members"].headers
    names = [r[0] for r in rows[1:]]
    assert set(names) == {"Lý Văn Dũng", "Đàm Thị Ánh"}  # not Đăk Tô's Trần Văn Sơn
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Ngày sinh"].date() == date(1990, 5, 1)  # a real date
    assert first["Trạng thái"] == "Chính thức" and first["Số CCCD"]


def test_members_export_follows_the_search_filters_and_unit(world, client_for):
    client = client_for(world.alice)
    member(world.phya_ma, "Lục Thị Mai", official=False, sex="F")
    by_search = _csv(_get(client, "web:members-export", "csv", q="dung"))
    assert [r[0] for r in by_search[1:]] == ["Lý Văn Dũng"]
    probationary = _csv(_get(client, "web:members-export", "csv", status="PROBATIONARY"))
    assert [r[0] for r in probationary[1:]] == ["Lục Thị Mai"]
    in_branch = _csv(_get(client, "web:members-export", "csv", branch=world.na_pai.pk))
    assert [r[0] for r in in_branch[1:]] == ["Đàm Thị Ánh"]
    in_unit = _csv(_get(client, "web:members-export", "csv", unit=world.phya_ma.pk))
    assert {r[0] for r in in_unit[1:]} == {"Lý Văn Dũng", "Lục Thị Mai"}


def test_a_member_who_left_exports_with_the_label_people_read(world, client_for):
    membership.record(world.m_na_pai, "DIED", date(2024, 2, 2))
    rows = _csv(_get(client_for(world.alice), "web:members-export", "csv", status="LEFT"))
    assert [(r[0], r[rows[0].index("Trạng thái")]) for r in rows[1:]] == [
        ("Đàm Thị Ánh", "Đã ra khỏi Đảng bộ")
    ]


def test_a_viewer_gets_no_sensitive_column_and_no_read_is_logged(world, client_for):
    rows = _sheet(_get(client_for(world.victor), "web:members-export", "xlsx"))
    assert "Số CCCD" not in rows[0] and len(rows) == 3
    people = _csv(_get(client_for(world.victor), "web:people-export", "csv"))
    assert not {"Số CCCD", "Dân tộc", "Tôn giáo", "Quê quán", "Số điện thoại"} & set(people[0])
    assert [r[0] for r in people[1:]] == ["Hà Thị Hoa"]
    assert not SensitiveRead.objects.exists()


def test_exporting_sensitive_columns_writes_the_read_log_for_each_person(world, client_for):
    _body(_get(client_for(world.alice), "web:members-export", "csv"))
    reads = SensitiveRead.objects.filter(user=world.alice, channel=ReadChannel.EXPORT)
    assert sorted(reads.values_list("person_id", flat=True)) == sorted(
        [world.m_phya_ma.person_id, world.m_na_pai.person_id]
    )
    assert {r.path for r in reads} == {reverse("web:members-export", args=["csv"])}
    _body(_get(client_for(world.carol), "web:people-export", "xlsx"))
    assert list(SensitiveRead.objects.filter(user=world.carol).values_list("person_id", flat=True)) == [
        world.case_phya_ma.person_id
    ]


def test_people_export_holds_the_people_list(world, client_for):
    person(world.na_pai, "Hoàng Văn Tính")
    client = client_for(world.alice)
    rows = _sheet(_get(client, "web:people-export", "xlsx"))
    assert list(rows[0]) == KINDS["persons"].headers
    assert [r[0] for r in rows[1:]] == ["Hà Thị Hoa", "Hoàng Văn Tính"]  # Vietnamese order, no member
    no_case = _csv(_get(client, "web:people-export", "csv", stage="none"))
    assert [r[0] for r in no_case[1:]] == ["Hoàng Văn Tính"]
    in_unit = _csv(_get(client, "web:people-export", "csv", unit=world.na_pai.pk))
    assert [r[0] for r in in_unit[1:]] == ["Hoàng Văn Tính"]


def test_board_export_holds_the_boards_cases(world, client_for):
    client = client_for(world.alice)
    rows = _sheet(_get(client, "web:board-export", "xlsx"))
    assert list(rows[0]) == KINDS["cases"].headers
    assert [r[0] for r in rows[1:]] == ["Hà Thị Hoa"]
    assert _csv(_get(client, "web:board-export", "csv", stage="DOSSIER"))[1:] == []
    assert len(_csv(_get(client, "web:board-export", "csv", stage="SOURCE"))) == 2
    assert _csv(_get(client, "web:board-export", "csv", overdue="1"))[1:] == []


def test_board_export_dates_each_step_of_a_case(world, client_for):
    """The step date columns of the cases sheet, filled from the case's moves on the board's
    own filtered rows (as `ptdv import` reads them back)."""
    voted = _voted(world, "Nông Thị Hằng")
    client = client_for(world.alice)
    rows = _sheet(_get(client, "web:board-export", "xlsx", stage="BRANCH_RESOLVED"))
    headers, (row,) = list(rows[0]), rows[1:]
    dated = {
        h: row[headers.index(h)] for h in ("Ngày học lớp nhận thức", "Ngày lập hồ sơ", "Ngày chi bộ đề nghị")
    }
    assert {h: d.date() for h, d in dated.items()} == {
        "Ngày học lớp nhận thức": date(2024, 5, 1),
        "Ngày lập hồ sơ": date(2024, 6, 1),
        "Ngày chi bộ đề nghị": MEETING,
    }
    assert row[headers.index("Ngày kết nạp")] is None
    voted.refresh_from_db()
    transitions.undo(voted, "Ghi nhầm ngày họp", by=world.alice, version=voted.version)
    (undone,) = _sheet(_get(client, "web:board-export", "xlsx", stage="DOSSIER"))[1:]
    assert undone[headers.index("Ngày chi bộ đề nghị")] is None  # an undone move is not in force
    assert undone[headers.index("Ngày lập hồ sơ")].date() == date(2024, 6, 1)


def _voted(world, name):
    """A case voted by Phya Mạ's branch: its deadlines run (the to-do list has them)."""
    world.introducers = getattr(world, "introducers", None) or [
        member(world.phya_ma, "Lục Văn Kiên", admitted=date(2005, 1, 1)),
        member(world.phya_ma, "Ma Thị Nhung", admitted=date(2008, 1, 1), sex="F"),
    ]
    c = case(world.phya_ma, name, by=world.alice)
    move(c, "AWARENESS", date(2024, 5, 1), world.alice, class_name="L", cert_no="C", cert_date="2024-05-10")
    move(c, "DOSSIER", date(2024, 6, 1), world.alice)
    record_checklist(c, world)
    move(c, "BRANCH_RESOLVED", MEETING, world.alice, **VOTE)
    return c


def test_todo_export_holds_every_deadline_of_the_page(world, client_for):
    _voted(world, "Nông Thị Hằng")
    client = client_for(world.alice)
    page = client.get(reverse("web:todo"))
    rows = _sheet(_get(client, "web:todo-export", "xlsx"))
    assert list(rows[0]) == ["Hạn", "Việc", "Họ và tên", "Chi bộ", "Tình trạng"]
    assert len(rows) - 1 == len(page.context["items"]) > 0
    due, task, name, branch, status = rows[1]
    assert due.date() == page.context["items"][0].deadline.due_date
    assert (name, branch) == ("Nông Thị Hằng", "Chi bộ thôn Phya Mạ") and task and status
    assert _csv(_get(client_for(world.olga), "web:todo-export", "csv"))[1:] == []


@pytest.mark.parametrize("name", ["web:members-export", "web:people-export", "web:board-export"])
def test_a_unit_outside_scope_answers_404_like_a_missing_one(world, client_for, name):
    client = client_for(world.alice)
    assert _get(client, name, "xlsx", unit=world.thon_1.pk).status_code == 404
    assert _get(client, name, "csv", unit=987654).status_code == 404


@pytest.mark.parametrize("name", LISTS)
def test_an_unknown_format_answers_404(world, client_for, name):
    assert _get(client_for(world.alice), name, "pdf").status_code == 404


def test_list_pages_link_their_exports_with_the_filters_not_the_paging(world, client_for):
    client = client_for(world.alice)
    page = client.get(reverse("web:members"), {"q": "dung", "status": "OFFICIAL", "after": "1~1"})
    body = page.content.decode()
    assert "Tải Excel" in body and "Tải CSV" in body
    links = [link["url"] for link in page.context["exports"]]
    query = "?q=dung&status=OFFICIAL"
    assert links == [f"/dang-vien/tai-ve/xlsx/{query}", f"/dang-vien/tai-ve/csv/{query}"]
    # In the filter form, the downloads submit it as it stands (a search typed since included).
    assert 'formaction="/dang-vien/tai-ve/xlsx/"' in body and 'formaction="/dang-vien/tai-ve/csv/"' in body
    for url, action in (("/nguoi/", "/nguoi/tai-ve/"), ("/ho-so/", "/ho-so/tai-ve/")):
        body = client.get(url).content.decode()
        assert f'formaction="{action}xlsx/"' in body and "Tải Excel" in body and "Tải CSV" in body
    body = client.get("/viec-can-lam/").content.decode()
    assert 'href="/viec-can-lam/tai-ve/xlsx/"' in body and 'href="/viec-can-lam/tai-ve/csv/"' in body


def _export_queries(client, name, fmt) -> int:
    with CaptureQueriesContext(connection) as captured:
        _body(_get(client, name, fmt))
    return len(captured)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_exports_read_a_fixed_number_of_queries_however_many_rows(world, client_for, fmt):
    client = client_for(world.alice)
    counts = []
    for first, many in ((10, 3), (20, 9)):
        for i in range(many):
            member(world.na_pai, "Nông Văn " + spelled(first + i), village=world.v_na_pai)
            person(world.na_pai, "Hà Văn " + spelled(first + i))
        _voted(world, "Lò Thị " + spelled(first))
        counts.append({name: _export_queries(client, name, fmt) for name in LISTS})
    assert counts[0] == counts[1]
    # session, user, two-factor device; the user's unit and scope paths; the rows (one query,
    # streamed); then the read log (one INSERT … SELECT) or, for the to-do list, the calendar.
    assert set(counts[1].values()) == {7}
    assert PartyMember.objects.count() == 3 + 2 + 3 + 9  # the world's, the introducers, those grown


def test_report_tables_download_as_csv_too(world, client_for):
    client = client_for(world.alice)
    response = client.get(reverse("web:report-csv", args=["totals"]), {"unit": world.pac_nam.pk})
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffBáo cáo") and "Đảng bộ huyện Pác Nặm" in text
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    page = client.get(reverse("web:report", args=["totals"]), {"unit": world.pac_nam.pk}).content.decode()
    assert "Tải CSV" in page
    outside = client.get(reverse("web:report-csv", args=["totals"]), {"unit": world.thon_1.pk})
    assert outside.status_code == 404
