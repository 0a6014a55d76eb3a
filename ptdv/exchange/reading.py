"""Reading an uploaded sheet row by row, never the whole file in memory.

An .xlsx file is streamed by openpyxl in read-only mode (one row at a time from the zipped
XML); a .csv file line by line. The file's kind is told by its content, not its name: a .xls
(Excel 97–2003) or a CSV renamed .xlsx gets a message saying what it is. The header row is
matched to a kind's columns without regard to case, diacritics or spacing ("ho va ten" is
"Họ và tên"); a missing required column, an unknown or a repeated one is refused by name
before any row is read, so a renamed column never silently drops a value.

What comes out is raw: a cell's own value (text, number, date) with text already normalised
(ptdv.text.normalise: NFC, trimmed, single spaces); ptdv.exchange.values turns it into the
stored value. A formula or an over-long cell is a problem of its row, reported with it.
"""

import csv
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils.translation import gettext as _

from ptdv.exchange.columns import Kind
from ptdv.people.names import fold
from ptdv.text import normalise

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A cell longer than this is not a value of any column (the longest, a name, is 200).
CELL_MAX = 1000
# The CSV writer (ptdv.exchange.writing) guards a text starting with one of these with "'".
_CSV_GUARDED = ("'=", "'+", "'-", "'@", "'\t", "'\r")
_MERGE_REF = re.compile(rb'<mergeCell ref="([A-Z0-9:]+)"')


class ReadError(Exception):
    """The file cannot be read as a sheet of this kind; the message says why, in Vietnamese."""


@dataclass
class Row:
    """A data row: its number in the sheet (as Excel shows it) and its cells by column key."""

    number: int
    cells: dict
    problems: list  # (column header, message) found while reading


def header_key(text) -> str:
    """A header as compared: folded, without spaces, punctuation or a trailing '*'."""
    return re.sub(r"[^a-z0-9]", "", fold(str(text or "")))


def match_headers(kind: Kind, headers: list) -> list:
    """The column key of each position of the header row (None for an empty header)."""
    wanted = {header_key(c.header): c for c in kind.columns}
    keys, seen, unknown = [], set(), []
    for header in headers:
        if header in (None, ""):
            keys.append(None)
            continue
        column = wanted.get(header_key(header))
        if column is None:
            unknown.append(str(header))
            keys.append(None)
            continue
        if column.key in seen:
            raise ReadError(_("Cột “%(c)s” có hai lần trong dòng tiêu đề.") % {"c": column.header})
        seen.add(column.key)
        keys.append(column.key)
    missing = [c.header for c in kind.columns if c.required and c.key not in seen]
    problems = []
    if missing:
        problems.append(_("Thiếu cột bắt buộc: %(c)s.") % {"c": ", ".join(f"“{m}”" for m in missing)})
    if unknown:
        problems.append(
            _("Cột không nhận ra: %(c)s (tên cột phải như trong tệp mẫu).")
            % {"c": ", ".join(f"“{u[:60]}”" for u in unknown)}
        )
    if problems:
        raise ReadError(" ".join(problems))
    return keys


def _cell(value, header: str, problems: list):
    if isinstance(value, str):
        if value.startswith("="):
            problems.append(
                (header, _("Ô chứa công thức; hãy dán giá trị (Paste Values) thay cho công thức."))
            )
            return None
        if len(value) > CELL_MAX:
            problems.append((header, _("Ô dài %(n)s ký tự, quá dài.") % {"n": len(value)}))
            return None
        return normalise(value)
    if isinstance(value, datetime):
        return value.date()
    return value


def _rows(kind: Kind, lines: Iterator[tuple]) -> Iterator[Row]:
    header = next(lines, None)
    while header is not None and all(v in (None, "") for v in header):
        header = next(lines, None)
    if header is None:
        raise ReadError(_("Bảng tính trống: không có dòng tiêu đề."))
    number, values = header
    keys = match_headers(kind, list(values))
    headers = {c.key: c.header for c in kind.columns}
    for number, values in lines:
        if all(v in (None, "") for v in values):
            continue
        problems, cells = [], {}
        for key, value in zip(keys, values, strict=False):
            if key is not None and value not in (None, ""):
                cells[key] = _cell(value, headers[key], problems)
        yield Row(number, cells, problems)


def _merged_ranges(path: Path, sheet_xml: str) -> list[str]:
    """Merged cell ranges of the sheet, found by scanning its XML as it is decompressed."""
    found, tail = [], b""
    with zipfile.ZipFile(path) as archive, archive.open(sheet_xml) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            found += [m.group(1).decode() for m in _MERGE_REF.finditer(data)]
            tail = data[-200:]  # a tag cut in two by the chunk; a range found twice is one
    return sorted(set(found))


def _xlsx_lines(path: Path) -> Iterator[tuple]:
    import openpyxl  # imported on use: only an upload needs it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as error:  # openpyxl answers a damaged file with many exception types
        raise ReadError(_("Tệp Excel bị hỏng, không đọc được.")) from error
    try:
        if not book.worksheets:
            raise ReadError(_("Tệp Excel không có trang tính nào."))
        sheet = book.worksheets[0]
        merged = _merged_ranges(path, sheet._worksheet_path)
        if merged:
            raise ReadError(
                _("Bảng tính có ô gộp (%(r)s); hãy bỏ gộp ô (Unmerge) và điền giá trị vào từng ô.")
                % {"r": ", ".join(merged[:5]) + ("…" if len(merged) > 5 else "")}
            )
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    except ReadError:
        raise
    except Exception as error:
        raise ReadError(_("Tệp Excel bị hỏng, không đọc được.")) from error
    finally:
        book.close()


def _unguard(value: str) -> str:
    return value[1:] if value.startswith(_CSV_GUARDED) else value


def _csv_lines(path: Path) -> Iterator[tuple]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as text:
            reader = csv.reader(text)
            for number, values in enumerate(reader, start=1):
                yield number, tuple(_unguard(v) for v in values)
    except UnicodeDecodeError as error:
        raise ReadError(_("Tệp CSV phải mã hóa UTF-8 (trong Excel: Lưu thành “CSV UTF-8”).")) from error
    except csv.Error as error:
        raise ReadError(_("Tệp CSV không đúng định dạng.")) from error


def file_format(path: Path, filename: str) -> str:
    """ "xlsx" or "csv", told by the content; anything else refused with what it seems to be."""
    with open(path, "rb") as file:
        start = file.read(8)
    if not start:
        raise ReadError(_("Tệp trống."))
    if start.startswith(XLSX_MAGIC):
        return "xlsx"
    if start == XLS_MAGIC:
        raise ReadError(
            _("Đây là tệp Excel 97–2003 (.xls), chưa đọc được; hãy mở bằng Excel và lưu thành .xlsx.")
        )
    if filename.lower().endswith(".csv"):
        return "csv"
    if filename.lower().endswith(".xlsx"):
        raise ReadError(
            _(
                "Tệp không phải là tệp Excel .xlsx (có thể là tệp .csv hoặc .xls đã đổi tên); "
                "hãy lưu lại thành .xlsx."
            )
        )
    raise ReadError(_("Chỉ nhận tệp Excel .xlsx hoặc tệp .csv."))


def expected_rows(path: Path, filename: str) -> int | None:
    """How many data rows the file declares (for a progress bar), without reading them; None
    when it cannot tell."""
    try:
        if file_format(Path(path), filename) == "csv":
            with open(path, "rb") as file:
                return max(0, sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1 << 20), b"")) - 1)
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        try:
            rows = book.worksheets[0].max_row if book.worksheets else None
        finally:
            book.close()
        return max(0, rows - 1) if rows else None
    except Exception:  # a damaged file: reading it says why
        return None


def read(kind: Kind, path: Path, filename: str) -> Iterator[Row]:
    """The data rows of the file at `path` (uploaded as `filename`) for `kind`."""
    fmt = file_format(Path(path), filename)
    lines = _xlsx_lines(Path(path)) if fmt == "xlsx" else _csv_lines(Path(path))
    return _rows(kind, lines)
