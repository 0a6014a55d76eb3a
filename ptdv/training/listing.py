"""The class list as plain rows: one builder for the page, the print page and the Excel file,
so the three always agree."""

from ptdv.exchange import writing
from ptdv.regulation import format_vn
from ptdv.training.models import AwarenessClass

HEADERS = ("STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Kết quả", "Số giấy chứng nhận", "Ngày cấp")


def enrolments(awareness_class: AwarenessClass):
    return awareness_class.enrolments.select_related("case__person", "case__branch")


def rows(awareness_class: AwarenessClass) -> list[tuple]:
    """STT, name, birth date, branch, result, certificate no. and date of each enrolled person."""
    return [
        (
            n,
            e.case.person.full_name,
            format_vn(e.case.person.birth_date),
            e.case.branch.name,
            e.get_result_display(),
            e.cert_no,
            format_vn(e.cert_date) if e.cert_date else "",
        )
        for n, e in enumerate(enrolments(awareness_class), start=1)
    ]


def heading(awareness_class: AwarenessClass) -> list[str]:
    """The lines above the table: class, organiser, dates and place."""
    c = awareness_class
    lines = [c.name.upper(), c.organiser or c.unit.name]
    lines.append(f"Từ ngày {format_vn(c.starts_on)} đến ngày {format_vn(c.ends_on)}")
    if c.place:
        lines.append(f"Địa điểm: {c.place}")
    return lines


def xlsx(awareness_class: AwarenessClass) -> bytes:
    """The class list as an Excel workbook (one sheet: heading lines, then the table)."""

    def fill(book: writing.Book) -> None:
        sheet = book.sheet("Danh sách lớp")
        top = book.heading(sheet, [*heading(awareness_class), ""])
        book.table(sheet, HEADERS, rows(awareness_class), first_row=top, widths=(6, 28, 12, 28, 26, 20, 12))

    return writing.xlsx_bytes(fill)
