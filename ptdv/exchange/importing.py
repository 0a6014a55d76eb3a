"""An import, previewed or written: every row judged, then all written in one transaction or none.

The rows are read in chunks (ptdv.exchange.reading), so a 50,000-row file is never held in
memory, and each chunk is judged with a few batched lookups by the kind's importer
(ptdv.exchange.importers). A row's outcome is what the confirmed import will do with it —
create, update, leave unchanged — or every error it has, in Vietnamese, with its row number
and column.

Two ways of judging, one result:

* *Checked* importers (persons, members: the large files) run the very checks the pages run
  (the model's validation, ptdv.people.identity, namesakes, membership's rules) on the rows
  without writing, fast enough for a province's file.
* *Rehearsed* importers (units, villages, cases: small files whose services hold many rules)
  call the services themselves, each row in a savepoint, inside a transaction that a preview
  rolls back. What the preview says is then exactly what the service would do.

Writing (confirm) judges the file again against the database as it is now, inside one
transaction; any error rolls everything back. Every historical version written meanwhile
names the importing user and the import (ptdv.exchange.attribution).
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import islice

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ptdv.exchange import values
from ptdv.exchange.attribution import imported_by
from ptdv.exchange.columns import KINDS, Kind
from ptdv.exchange.places import Places
from ptdv.exchange.reading import ReadError, Row, read

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"
ACTIONS = {CREATE: "Thêm mới", UPDATE: "Cập nhật", UNCHANGED: "Không đổi", ERROR: "Có lỗi"}
CHUNK = 500


@dataclass
class Outcome:
    number: int
    action: str
    label: str = ""
    errors: list = field(default_factory=list)  # (column header or "", message)
    plan: object = None  # what writing the row needs (not kept)

    def fail(self, header: str, message) -> None:
        self.action = ERROR
        self.errors.append((header, str(message)))


def messages(error: ValidationError) -> dict[str, list[str]]:
    """A service's refusal by field name ("" for the whole record)."""
    if hasattr(error, "error_dict"):
        return {("" if key == NON_FIELD_ERRORS else key): texts for key, texts in error.message_dict.items()}
    return {"": error.messages}


class Importer:
    """Judges (and writes) the rows of one kind for one user. Subclasses set `kind_name`,
    `roles` (who may import), `field_columns` (a service's field name → column key) and
    implement `judge(outcome, values)` and, unless rehearsed, `write(outcome)`."""

    kind_name = ""
    roles: frozenset = frozenset()
    rehearsed = False
    field_columns: dict[str, str] = {}

    def __init__(self, user):
        self.user = user
        self.kind: Kind = KINDS[self.kind_name]
        self.places = Places(user)
        self.writing = False

    def header(self, key: str) -> str:
        key = self.field_columns.get(key, key)
        return next((c.header for c in self.kind.columns if c.key == key), "")

    def attempt(self, outcome: Outcome, key: str, find, *args):
        """`find(*args)`, or None with its refusal (values.Invalid) as the row's error on column `key`."""
        try:
            return find(*args)
        except values.Invalid as error:
            outcome.fail(self.header(key), error)
            return None

    def refused(self, outcome: Outcome, error: ValidationError) -> None:
        for key, texts in messages(error).items():
            for text in texts:
                outcome.fail(self.header(key), text)

    def parse(self, row: Row) -> tuple[Outcome, dict]:
        """The row's stored values by column key; missing and invalid values as errors."""
        outcome = Outcome(row.number, CREATE)
        for header, message in row.problems:
            outcome.fail(header, message)
        parsed = {}
        for column in self.kind.columns:
            raw = row.cells.get(column.key)
            if raw in (None, ""):
                if column.required and not any(h == column.header for h, _m in row.problems):
                    outcome.fail(column.header, _("Thiếu giá trị bắt buộc."))
                continue
            try:
                parsed[column.key] = values.parse(column, raw)
            except values.Invalid as error:
                outcome.fail(column.header, error)
        return outcome, parsed

    def prepare(self, parsed_rows: list[tuple[Outcome, dict]]) -> None:
        """Batched lookups for a chunk, before its rows are judged one by one."""

    def judge(self, outcome: Outcome, parsed: dict) -> None:
        raise NotImplementedError

    def write(self, outcome: Outcome) -> None:
        raise NotImplementedError

    def handle(self, rows: list[Row]) -> list[Outcome]:
        parsed_rows = [self.parse(row) for row in rows]
        self.prepare(parsed_rows)
        for outcome, parsed in parsed_rows:
            if outcome.action == ERROR and not self.rehearsed:
                continue
            try:
                if self.rehearsed:
                    with transaction.atomic():
                        if outcome.action != ERROR:
                            self.judge(outcome, parsed)
                        if outcome.action == ERROR:
                            transaction.set_rollback(True)
                else:
                    self.judge(outcome, parsed)
                    if self.writing and outcome.action in (CREATE, UPDATE):
                        with transaction.atomic():
                            self.write(outcome)
            except ValidationError as error:
                self.refused(outcome, error)
            outcome.plan = None
        return [outcome for outcome, _parsed in parsed_rows]


@dataclass
class Summary:
    counts: dict = field(default_factory=lambda: dict.fromkeys(ACTIONS, 0))
    written: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def errors(self) -> int:
        return self.counts[ERROR]

    def add(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            self.counts[outcome.action] += 1


def chunks(rows: Iterator[Row], size: int = CHUNK) -> Iterator[list[Row]]:
    while chunk := list(islice(rows, size)):
        yield chunk


def importer_for(kind: str, user) -> Importer:
    from ptdv.exchange.importers import IMPORTERS

    if kind not in IMPORTERS:
        raise ReadError(_("Không có loại dữ liệu “%(k)s”.") % {"k": kind})
    importer_class = IMPORTERS[kind]
    if getattr(user, "role", None) not in importer_class.roles or not getattr(user, "unit_id", None):
        raise ReadError(_("Bạn không có quyền nhập %(k)s.") % {"k": KINDS[kind].label.lower()})
    return importer_class(user)


def run(
    kind: str,
    path,
    filename: str,
    user,
    *,
    write: bool,
    reason: str = "",
    on_chunk: Callable[[list[Outcome], Summary], None] | None = None,
) -> Summary:
    """Judge every row of the file (and write them all when `write` and none has an error).

    `on_chunk(outcomes, summary)` is called after each chunk (progress, saving the preview).
    ReadError when the file cannot be read as this kind (nothing written).
    """
    importer = importer_for(kind, user)
    importer.writing = write
    summary = Summary()
    rows = read(importer.kind, path, filename)
    needs_transaction = write or importer.rehearsed
    with imported_by(user, reason), transaction.atomic() if needs_transaction else nullcontext():
        for chunk in chunks(rows):
            outcomes = importer.handle(chunk)
            summary.add(outcomes)
            if on_chunk is not None:
                on_chunk(outcomes, summary)
        if summary.total == 0:
            raise ReadError(_("Bảng tính không có dòng dữ liệu nào dưới dòng tiêu đề."))
        if needs_transaction and (not write or summary.errors):
            transaction.set_rollback(True)
        summary.written = write and not summary.errors
    return summary
