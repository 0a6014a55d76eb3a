"""The blank import file of each kind (.xlsx): the data sheet with its headers, the instructions
and the allowed values, with drop-down lists on the choice columns where Excel offers them.

The data sheet comes first: the import reads the first sheet, so the template filled in is
read as it is. Headers are exactly the kind's (ptdv.exchange.columns), as exports write them.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ptdv.exchange.columns import CHOICE, DATE, YES_NO, Kind

DATA, HELP, VALUES = "Dữ liệu", "Hướng dẫn", "Giá trị cho phép"
LAST_ROW = 100_000
GENERAL = (
    "Điền mỗi dòng một bản ghi vào trang “Dữ liệu”, giữ nguyên dòng tiêu đề (có thể đổi thứ tự cột).",
    "Ngày ghi dạng dd/mm/yyyy (ví dụ 05/03/1990) hoặc dùng ô ngày của Excel.",
    "Cột có giá trị cho phép: chọn trong danh sách (trang “Giá trị cho phép”).",
    "Không dùng công thức, không gộp ô. Tệp .xlsx hoặc .csv (UTF-8).",
    "Tải tệp lên ở trang Nhập dữ liệu: PTĐV kiểm tra và cho xem trước từng dòng; "
    "chỉ khi bấm Xác nhận mới ghi, và ghi tất cả hoặc không ghi gì.",
)


def _kind_of(column) -> str:
    if column.type == DATE:
        return "Ngày (dd/mm/yyyy)"
    if column.type in (CHOICE, YES_NO):
        return "Chọn trong danh sách"
    return "Chữ"


def build(kind: Kind) -> bytes:
    book = Workbook()
    data = book.active
    data.title = DATA
    bold = Font(bold=True)
    for index, column in enumerate(kind.columns, start=1):
        cell = data.cell(row=1, column=index, value=column.header)
        cell.font = bold
        letter = get_column_letter(index)
        data.column_dimensions[letter].width = max(12, min(40, len(column.header) + 4))
        if column.type == DATE:
            for row in range(2, 202):  # a date format on the first rows people fill in
                data.cell(row=row, column=index).number_format = "dd/mm/yyyy"
    data.freeze_panes = "A2"

    guide = book.create_sheet(HELP)
    guide.append([f"Mẫu nhập: {kind.label}"])
    guide["A1"].font = bold
    for line in GENERAL:
        guide.append([line])
    guide.append([])
    guide.append(["Cột", "Bắt buộc", "Kiểu", "Ghi chú"])
    for cell in guide[guide.max_row]:
        cell.font = bold
    for column in kind.columns:
        guide.append([column.header, "Có" if column.required else "Không", _kind_of(column), column.help])
    for letter, width in zip("ABCD", (32, 10, 22, 80), strict=True):
        guide.column_dimensions[letter].width = width

    allowed = book.create_sheet(VALUES)
    listed = [c for c in kind.columns if c.allowed]
    for index, column in enumerate(listed, start=1):
        letter = get_column_letter(index)
        allowed.cell(row=1, column=index, value=column.header).font = bold
        for row, label in enumerate(column.allowed, start=2):
            allowed.cell(row=row, column=index, value=label)
        allowed.column_dimensions[letter].width = max(16, min(45, max(len(a) for a in column.allowed) + 2))
        rule = DataValidation(
            type="list",
            formula1=f"'{VALUES}'!${letter}$2:${letter}${len(column.allowed) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Giá trị không có trong danh sách",
            error=f"Hãy chọn một giá trị của cột “{column.header}” trong danh sách.",
        )
        target = get_column_letter(kind.columns.index(column) + 1)
        rule.add(f"{target}2:{target}{LAST_ROW}")
        data.add_data_validation(rule)

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
