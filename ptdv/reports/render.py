"""One report, every format: JSON (English snake_case keys), CSV, Excel and page context.

Every format starts from the same builder output: JSON from the report's dataclass, CSV and
Excel from its `Layout` (ptdv.reports.layout), so the figures cannot disagree.
"""

import csv
import dataclasses
from datetime import date
from decimal import Decimal
from io import BytesIO, StringIO

from openpyxl import Workbook
from openpyxl.styles import Font

from ptdv.reports.layout import Layout

# Excel sheet names: at most 31 characters, none of []:*?/\
SHEET_NAME_MAX = 31


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value):
        return as_data(value)
    return value


def as_data(report) -> dict:
    """A report dataclass as JSON-ready data: its fields and its derived lists (properties)."""
    data = {f.name: _plain(getattr(report, f.name)) for f in dataclasses.fields(report)}
    for name, member in vars(type(report)).items():
        if isinstance(member, property) and not name.startswith("_"):
            data[name] = _plain(getattr(report, name))
    return data


def _cell(value):
    if value is None:
        return ""
    return value if isinstance(value, int | float) else str(value)


def lines(layout: Layout) -> list[list]:
    """The layout as rows of cells: heading, facts, then each table under its title."""
    out = [[layout.title], [layout.unit_name], [layout.period], []]
    out += [[str(label), _cell(value)] for label, value in layout.facts]
    for table in layout.tables:
        out += [[], [table.title], [str(h) for h in table.headers]]
        out += [[_cell(c) for c in row] for row in table.rows]
    return out


def as_csv(layout: Layout) -> str:
    buffer = StringIO()
    csv.writer(buffer).writerows(lines(layout))
    return buffer.getvalue()


def as_xlsx(layout: Layout) -> bytes:
    """One sheet of heading and facts ("Tổng hợp"), then one sheet per table."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    for row in [[layout.title], [layout.unit_name], [layout.period], []]:
        sheet.append(row)
    sheet["A1"].font = Font(bold=True)
    for label, value in layout.facts:
        sheet.append([str(label), _cell(value)])
    sheet.column_dimensions["A"].width = 55
    for table in layout.tables:
        page = book.create_sheet(_sheet_name(table.title, book.sheetnames))
        page.append([table.title])
        page["A1"].font = Font(bold=True)
        page.append([str(h) for h in table.headers])
        for cell in page[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            page.append([_cell(c) for c in row])
        page.column_dimensions["A"].width = 40
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_name(title: str, taken: list[str]) -> str:
    name = "".join(ch for ch in str(title) if ch not in "[]:*?/\\")[:SHEET_NAME_MAX]
    n = 2
    base = name
    while name in taken:
        suffix = f" ({n})"
        name = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        n += 1
    return name


def page_context(layout: Layout) -> dict:
    """What the report template needs: the layout and the charts' Chart.js configurations."""
    return {"layout": layout, "charts": [chart.config() for chart in layout.charts]}
