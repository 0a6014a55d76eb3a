"""One report, every format: JSON (English snake_case keys), CSV, Excel and page context.

Every format starts from the same builder output: JSON from the report's dataclass, CSV and
Excel from its `Layout` (ptdv.reports.layout), so the figures cannot disagree.
"""

import dataclasses
from datetime import date
from decimal import Decimal
from io import StringIO

from ptdv.exchange import writing
from ptdv.reports.layout import Layout


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
    """The layout's lines as CSV, with the byte-order mark Excel needs for Vietnamese."""
    buffer = StringIO()
    title, *rest = lines(layout)
    writing.rows_to_csv(buffer, title, rest)
    return buffer.getvalue()


def as_xlsx(layout: Layout) -> bytes:
    """One sheet of heading and facts ("Tổng hợp"), then one sheet per table."""

    def fill(book: writing.Book) -> None:
        summary = book.sheet("Tổng hợp")
        summary.set_column(0, 0, 55)
        top = book.heading(summary, [layout.title, layout.unit_name, layout.period, ""])
        for index, (label, value) in enumerate(layout.facts, start=top):
            book.row(summary, index, [str(label), _cell(value)])
        for table in layout.tables:
            page = book.sheet(table.title)
            book.heading(page, [table.title])
            rows = ([_cell(c) for c in row] for row in table.rows)
            book.table(page, [str(h) for h in table.headers], rows, first_row=1, widths=[40])

    return writing.xlsx_bytes(fill)


def page_context(layout: Layout) -> dict:
    """What the report template needs: the layout and the charts' Chart.js configurations."""
    return {"layout": layout, "charts": [chart.config() for chart in layout.charts]}
