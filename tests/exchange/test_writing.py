"""The streaming writer, read back for real: openpyxl for Excel, the csv module for CSV."""

import csv
import tracemalloc
from datetime import UTC, date, datetime
from io import BytesIO, StringIO

from openpyxl import load_workbook

from ptdv.exchange import writing

HEADERS = ["Họ và tên", "Ngày sinh", "Số con", "Ghi chú"]


def _book(rows, headers=HEADERS, sheet="Đảng viên"):
    out = BytesIO()
    writing.rows_to_xlsx(out, headers, rows, sheet=sheet)
    return load_workbook(BytesIO(out.getvalue()))


def test_excel_dates_are_real_dates_shown_day_month_year():
    sheet = _book([["Chúc Văn Dất", date(1990, 1, 2), 3, None]])["Đảng viên"]
    born = sheet["B2"]
    assert born.is_date and born.value.date() == date(1990, 1, 2)
    assert born.number_format == "dd/mm/yyyy"
    assert sheet["C2"].value == 3 and sheet["D2"].value is None


def test_excel_day_numbers_are_xlsxwriters_own():
    """The export writes a date as the day number xlsxwriter would compute for it, on both
    sides of the 29/2/1900 that Excel counts, and an empty text as an empty cell."""
    from xlsxwriter.utility import _datetime_to_excel_datetime as xlsxwriters

    for day in (date(1900, 1, 1), date(1900, 2, 28), date(1900, 3, 1), date(1945, 9, 2), date(2026, 12, 4)):
        assert writing.excel_day(day) == xlsxwriters(day, False, False)
    sheet = _book([["Chúc Văn Dất", date(1900, 1, 1), 1, ""], ["Lò Văn A", date(1900, 3, 1), 2, "x"]]).active
    assert [sheet["B2"].value.date(), sheet["B3"].value.date()] == [date(1900, 1, 1), date(1900, 3, 1)]
    assert sheet["D2"].value is None and sheet["D3"].value == "x"


def test_excel_header_is_bold_and_frozen():
    sheet = _book([["A", None, 1, ""]]).active
    assert [c.value for c in sheet[1]] == HEADERS
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"


def test_excel_text_that_looks_like_a_formula_stays_text():
    sheet = _book([['=HYPERLINK("http://x")', None, None, "+84912345678"]]).active
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == '=HYPERLINK("http://x")'
    assert sheet["D2"].value == "+84912345678"


def test_excel_times_are_local_wall_clock():
    at = datetime(2025, 7, 1, 1, 30, tzinfo=UTC)
    sheet = _book([[None, at, None, None]]).active
    assert sheet["B2"].value == datetime(2025, 7, 1, 8, 30)  # Asia/Ho_Chi_Minh


def test_sheet_names_are_made_valid_and_unique():
    assert writing.sheet_name("Kết quả: theo/đơn vị [2025]") == "Kết quả theođơn vị 2025"
    assert writing.sheet_name("Tổng hợp", ["Tổng hợp"]) == "Tổng hợp (2)"
    assert len(writing.sheet_name("x" * 40, ["x" * 31])) == 31


def test_csv_has_bom_vietnamese_dates_and_no_formulas():
    out = StringIO()
    writing.rows_to_csv(out, HEADERS, [["Hà Thị Ánh", date(2001, 12, 9), 0, "=1+1"], ["B", None, None, None]])
    text = out.getvalue()
    assert text.startswith("\ufeffHọ và tên,")
    rows = list(csv.reader(StringIO(text[1:])))
    assert rows == [HEADERS, ["Hà Thị Ánh", "09/12/2001", "0", "'=1+1"], ["B", "", "", ""]]


def test_download_names_the_file_in_ascii_and_in_vietnamese(rf):
    response = writing.download("Đảng viên Pác Nặm", HEADERS, [], "csv", sheet="Đảng viên")
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="dang-vien-pac-nam.csv"; ')
    assert "filename*=UTF-8''%C4%90%E1%BA%A3ng%20vi%C3%AAn%20P%C3%A1c%20N%E1%BA%B7m.csv" in disposition
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_download_streams_both_formats_back_whole():
    rows = [[f"Người {i}", date(1980, 1, 1 + i % 28), i, None] for i in range(1200)]
    csv_response = writing.download("ds", HEADERS, iter(rows), "csv", sheet="ds")
    assert csv_response.streaming
    text = b"".join(csv_response.streaming_content).decode("utf-8-sig")
    assert len(list(csv.reader(StringIO(text)))) == 1201
    xlsx_response = writing.download("ds", HEADERS, iter(rows), "xlsx", sheet="ds")
    content = b"".join(xlsx_response.streaming_content)
    xlsx_response.file_to_stream.close()
    sheet = load_workbook(BytesIO(content)).active
    assert sheet.max_row == 1201 and sheet["A1201"].value == "Người 1199"


def test_excel_memory_does_not_grow_with_rows():
    """constant_memory: 20,000 rows cost about what 2,000 do (rows are generated, not held)."""

    def peak(n):
        rows = ([f"Người số {i}", date(1980, 1, 1), i, "ghi chú"] for i in range(n))
        tracemalloc.start()
        writing.rows_to_xlsx(BytesIO(), HEADERS, rows, sheet="ds")
        top = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return top

    small, large = peak(2_000), peak(20_000)
    assert large < small * 2
