"""What a report shows, as plain data: facts, tables and charts. Each report module turns its
data into a `Layout`; ptdv.reports.render writes one layout as a page, CSV or Excel file, so
the numbers are the same in every format."""

from dataclasses import dataclass, field


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list]


@dataclass
class Chart:
    """A bar chart for Chart.js: one label per bar, one dataset per series."""

    title: str
    labels: list[str]
    datasets: list[dict]

    def config(self) -> dict:
        return {
            "type": "bar",
            "data": {"labels": self.labels, "datasets": self.datasets},
            "options": {"plugins": {"title": {"display": True, "text": self.title}}},
        }


@dataclass
class Layout:
    title: str
    unit_name: str
    period: str
    facts: list[tuple[str, object]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
