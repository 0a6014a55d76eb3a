"""Sổ theo dõi đảng viên dự bị (18-KNĐ): the probationary members of a unit's subtree.

The same rows feed the Word register (a docxtpl row loop) and the Excel one, so the two agree.
"""

import io

import xlsxwriter

from ptdv.paperwork.vietnamese import capitals, short_date
from ptdv.people.choices import MemberStatus
from ptdv.regulation.dates import add_months

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Ngày vào Đảng", "Hết dự bị", "Chính thức"]


def rows(unit, as_of, members) -> list[dict]:
    """`members`: a PartyMember queryset already scoped to the user; narrowed here to `unit`'s
    subtree and to those probationary now."""
    chosen = (
        members.filter(branch__path__startswith=unit.path, status=MemberStatus.PROBATIONARY)
        .select_related("person", "branch")
        .order_by("branch__path", "person__sort_key", "id")
    )
    return [
        {
            "name": m.person.full_name,
            "birth_date": short_date(m.person.birth_date),
            "branch": m.branch.name,
            "admitted": short_date(m.admitted_on),
            "probation_end": short_date(add_months(m.admitted_on, 12) if m.admitted_on else None),
            "official": short_date(m.official_on),
        }
        for m in chosen
    ]


def as_xlsx(unit, as_of, register_rows: list[dict]) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("18-KNĐ")
    bold = book.add_format({"bold": True})
    sheet.write(0, 0, f"SỔ THEO DÕI ĐẢNG VIÊN DỰ BỊ — {capitals(unit.name)}", bold)
    sheet.write(1, 0, f"Tính đến ngày {short_date(as_of)}")
    sheet.write_row(3, 0, COLUMNS, bold)
    for index, row in enumerate(register_rows, start=1):
        values = [
            index,
            row["name"],
            row["birth_date"],
            row["branch"],
            row["admitted"],
            row["probation_end"],
            row["official"],
        ]
        sheet.write_row(3 + index, 0, values)
    sheet.set_column(2, 6, 14)
    sheet.set_column(1, 1, 28)
    sheet.set_column(3, 3, 30)
    book.close()
    return out.getvalue()
