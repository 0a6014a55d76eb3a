"""Spreadsheets out: the one writer behind every export (list pages, `ptdv export`, reports).

A list over a province has 150,000 rows, so nothing here holds the rows in memory: the Excel
file is written by xlsxwriter in constant_memory mode (each row goes to a temporary file as
it is written) into an unnamed temporary file that is then streamed back in chunks; CSV goes
straight to the response, a chunk of rows at a time. A header is the Vietnamese column title
people read; values are str, int, float/Decimal, date/datetime or None. Dates are real Excel
dates shown dd/mm/yyyy (officials sort and filter them), the header row is bold and frozen.
CSV carries a UTF-8 byte-order mark, without which Excel opens Vietnamese as mojibake.
"""

import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from typing import BinaryIO, TextIO
from urllib.parse import quote

import xlsxwriter
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

from ptdv.people.names import fold

XLSX = "xlsx"
CSV = "csv"
FORMATS = (XLSX, CSV)
CONTENT_TYPES = {
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    CSV: "text/csv; charset=utf-8",
}
DATE_FORMAT = "dd/mm/yyyy"
# Day 0 of Excel's 1900 date system (xlsxwriter's default, and Excel's): 1/1/1900 is day 1.
EXCEL_DAY_ZERO = date(1899, 12, 31).toordinal()
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
# Excel sheet names: at most 31 characters, none of []:*?/\
SHEET_NAME_MAX = 31
SHEET_NAME_FORBIDDEN = frozenset("[]:*?/\\")
# CSV rows joined into one chunk of the response: few enough writes, little memory.
CSV_CHUNK_ROWS = 500
# Bytes of the finished Excel file sent at a time.
FILE_CHUNK = 64 * 1024
# Column width in characters: the header's length, within these bounds.
WIDTH_MIN, WIDTH_MAX = 10, 40
# A CSV cell starting with one of these is a formula to Excel (CSV injection): it is written
# with a leading apostrophe, which Excel shows as text. The xlsx writer needs no such guard:
# it writes every text as a string cell, never a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def sheet_name(title: str, taken: Iterable[str] = ()) -> str:
    """`title` as a valid Excel sheet name, unique among `taken` ("… (2)" when repeated)."""
    cleaned = "".join(ch for ch in str(title) if ch not in SHEET_NAME_FORBIDDEN)
    base = name = cleaned[:SHEET_NAME_MAX] or "Sheet"
    taken = set(taken)
    n = 2
    while name in taken:
        suffix = f" ({n})"
        name = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        n += 1
    return name


def excel_day(day: date) -> int:
    """The number Excel stores for `day`, as xlsxwriter computes it for a date (which it
    writes as a number with a date format), in one subtraction: a province's export holds
    300,000 dates. Excel counts 29/2/1900, a day that never was, so later days are one more."""
    number = day.toordinal() - EXCEL_DAY_ZERO
    return number + 1 if number > 59 else number


class Book:
    """An xlsxwriter workbook in constant_memory mode with the product's cell formats.

    Sheets are written one after the other, rows in order (constant_memory allows no going
    back); `table` writes a header row (bold, frozen) and the rows under it.
    """

    def __init__(self, out: BinaryIO):
        self.workbook = xlsxwriter.Workbook(out, {"constant_memory": True})
        self.bold = self.workbook.add_format({"bold": True})
        self.date = self.workbook.add_format({"num_format": DATE_FORMAT})
        self.datetime = self.workbook.add_format({"num_format": DATETIME_FORMAT})

    def sheet(self, title: str):
        return self.workbook.add_worksheet(sheet_name(title, self.workbook.sheetnames))

    def row(self, sheet, index: int, values: Sequence, cell_format=None) -> None:
        """Write one row; each value by its type (a date as a date, text never as a formula).

        The typed writers xlsxwriter's own `write_row` dispatches to are called directly:
        the type is known here, and a province's export writes two million cells.
        """
        for column, value in enumerate(values):
            if value is None:
                continue
            kind = type(value)
            if kind is str:
                if value:  # an empty text is an empty cell
                    sheet._write_string(index, column, value, cell_format)
            elif kind is int or kind is float or kind is Decimal:
                sheet._write_number(index, column, value, cell_format)
            elif kind is date:
                sheet._write_number(index, column, excel_day(value), self.date)
            elif kind is datetime:
                local = timezone.localtime(value) if timezone.is_aware(value) else value
                sheet._write_datetime(index, column, local.replace(tzinfo=None), self.datetime)
            elif kind is bool:
                sheet._write_string(index, column, "Có" if value else "Không", cell_format)
            else:
                sheet._write_string(index, column, str(value), cell_format)

    def heading(self, sheet, lines: Sequence, *, first_row: int = 0) -> int:
        """Lines of text above a table (a title, the unit, the period), the first bold;
        returns the next free row."""
        for offset, line in enumerate(lines):
            self.row(sheet, first_row + offset, [line], self.bold if offset == 0 else None)
        return first_row + len(lines)

    def table(
        self,
        sheet,
        headers: Sequence[str],
        rows: Iterable[Sequence],
        *,
        first_row: int = 0,
        widths: Sequence[int] = (),
    ) -> int:
        """Header row (bold, frozen with all above it) at `first_row`, then `rows`; returns the
        next free row. A column is as wide as `widths` says, else as its header."""
        for column, header in enumerate(headers):
            fitted = max(WIDTH_MIN, min(WIDTH_MAX, len(str(header)) + 2))
            sheet.set_column(column, column, widths[column] if column < len(widths) else fitted)
        self.row(sheet, first_row, [str(h) for h in headers], self.bold)
        sheet.freeze_panes(first_row + 1, 0)
        index = first_row + 1
        for values in rows:
            self.row(sheet, index, values)
            index += 1
        return index

    def close(self) -> None:
        self.workbook.close()


def xlsx_bytes(fill) -> bytes:
    """A small workbook (a report, a register, a class list) written by `fill(book)`, as bytes."""
    out = BytesIO()
    book = Book(out)
    fill(book)
    book.close()
    return out.getvalue()


def rows_to_xlsx(out: BinaryIO, headers: Sequence[str], rows: Iterable[Sequence], *, sheet: str) -> None:
    """One sheet named `sheet`: the header row, then every row, in constant memory."""
    book = Book(out)
    book.table(book.sheet(sheet), headers, rows)
    book.close()


def _csv_cell(value) -> str:
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    if kind is date:
        return value.strftime("%d/%m/%Y")
    if kind is datetime:
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.strftime("%d/%m/%Y %H:%M")
    if kind is bool:
        return "Có" if value else "Không"
    return str(value)


class _Line:
    """A file-like sink for csv.writer that hands back what was written."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(headers: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """The CSV text in chunks of CSV_CHUNK_ROWS rows, the first starting with the BOM."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow([str(h) for h in headers])
    chunk = []
    for values in rows:
        chunk.append(writer.writerow([_csv_cell(v) for v in values]))
        if len(chunk) >= CSV_CHUNK_ROWS:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def rows_to_csv(out: TextIO, headers: Sequence[str], rows: Iterable[Sequence]) -> None:
    """The header row and every row as CSV (UTF-8 with BOM when `out` encodes UTF-8)."""
    for chunk in csv_chunks(headers, rows):
        out.write(chunk)


def content_disposition(filename: str) -> str:
    """`attachment` with an ASCII name for old clients and the Vietnamese one (RFC 5987)."""
    plain = "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in fold(filename)) or "tai-ve"
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(filename, safe='')}"


def download(filename: str, headers: Sequence[str], rows: Iterable[Sequence], fmt: str, *, sheet: str):
    """The rows as a file to download, `filename` without extension; constant memory either way.

    CSV streams while the rows are read; Excel is written to an unnamed temporary file
    (deleted when closed) and sent from it in chunks.
    """
    if fmt not in FORMATS:
        raise ValueError(fmt)
    if fmt == CSV:
        response = StreamingHttpResponse(
            (chunk.encode("utf-8") for chunk in csv_chunks(headers, rows)), content_type=CONTENT_TYPES[CSV]
        )
    else:
        spooled = tempfile.TemporaryFile()
        try:
            rows_to_xlsx(spooled, headers, rows, sheet=sheet)
        except BaseException:
            spooled.close()
            raise
        spooled.seek(0)
        response = FileResponse(spooled, content_type=CONTENT_TYPES[XLSX])
        response.block_size = FILE_CHUNK
    response["Content-Disposition"] = content_disposition(f"{filename}.{fmt}")
    return response
