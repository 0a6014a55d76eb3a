"""Sổ theo dõi đảng viên dự bị (18-KNĐ): the probationary members of a unit's subtree.

The same rows feed the Word register (a docxtpl row loop) and the Excel one, so the two agree.
"""

from ptdv.exchange import writing
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
    keys = ("name", "birth_date", "branch", "admitted", "probation_end", "official")

    def fill(book: writing.Book) -> None:
        sheet = book.sheet("18-KNĐ")
        heading = [
            f"SỔ THEO DÕI ĐẢNG VIÊN DỰ BỊ — {capitals(unit.name)}",
            f"Tính đến ngày {short_date(as_of)}",
        ]
        book.heading(sheet, heading)
        rows = ([index, *(row[k] for k in keys)] for index, row in enumerate(register_rows, start=1))
        book.table(sheet, COLUMNS, rows, first_row=3, widths=(6, 28, 14, 30, 14, 14, 14))

    return writing.xlsx_bytes(fill)
