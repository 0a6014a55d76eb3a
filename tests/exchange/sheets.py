"""Writing test sheets as officials' files are: openpyxl workbooks (dates as dates, formulas,
merged cells when asked), read back by the importer from disk."""

from datetime import date

from openpyxl import Workbook

from ptdv.exchange.columns import KINDS
from ptdv.exchange.importing import run
from ptdv.people import citizen_ids
from tests.factories import spelled


def write_sheet(path, headers, rows, *, merge: str | None = None):
    book = Workbook()
    sheet = book.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def kind_sheet(path, kind: str, records: list[dict], *, merge=None, headers=None):
    """A sheet of `kind` with its headers; each record gives values by column key."""
    columns = KINDS[kind].columns
    return write_sheet(
        path,
        headers or [c.header for c in columns],
        [[record.get(c.key) for c in columns] for record in records],
        merge=merge,
    )


def citizen_id(birth: date, serial: int, female=False) -> str:
    return citizen_ids.compose("006", birth, female, 900_000 + serial)


def person_record(world, n: int = 1, **values) -> dict:
    birth = values.pop("birth_date", date(1995, 4, n % 28 + 1))
    record = {
        "full_name": f"Lò Văn {spelled(n)}",
        "birth_date": birth,
        "sex": "Nam",
        "citizen_id": citizen_id(birth, n) if isinstance(birth, date) else None,
        "ethnicity": "Tày",
        "education": "Trung học phổ thông",
        "occupation": "Nông dân",
        "village": "Thôn Phya Mạ",
        "unit": world.phya_ma.code,
    }
    record.update(values)
    return record


def preview(kind, path, user, **options):
    """Every outcome of a preview of `path`, and the summary."""
    outcomes = []
    summary = run(
        kind, path, path.name, user, write=False, on_chunk=lambda o, s: outcomes.extend(o), **options
    )
    return summary, outcomes


def errors_of(outcomes) -> list[tuple[int, str, str]]:
    return [(o.number, header, message) for o in outcomes for header, message in o.errors]


def errors_by_cell(outcomes) -> dict[tuple[int, str], str]:
    """Each (row, column header) with its messages joined."""
    found: dict = {}
    for number, header, message in errors_of(outcomes):
        found[(number, header)] = " ".join(filter(None, [found.get((number, header)), message]))
    return found


def job(user, kind="persons", **fields):
    """An import job row of `user` (no file behind it: for walks that never process it)."""
    from ptdv.exchange.models import ImportJob

    fields = {"filename": "tep.xlsx", "stored_as": "none.xlsx", **fields}
    return ImportJob.objects.create(kind=kind, created_by=user, unit=user.unit, **fields)
