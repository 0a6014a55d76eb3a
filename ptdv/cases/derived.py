"""Each case's next deadlines and current findings, kept in step (trạng thái lưu sẵn của hồ sơ).

Lists (the board, "Việc cần làm", the deadlines API, the reminders) read the kept rows
(``ptdv.cases.kept``) with SQL instead of judging every case per request. They are written:

- in the same transaction as every write that changes a case's facts — its moves and undos
  (``transitions``), its records created, corrected or withdrawn (``records``, pages, API),
  its own facts (``corrections``), its person (birth date, education…), the member events of
  its introducers, of its person and of its branch (official members on the meeting date),
  the deciding body of its units. The writers need not call anything: the saves they make are
  caught here (``connect``), and a service that saves several rows for one act wraps itself
  in ``deferred`` so the case is derived once, at the end, from what the act left;
- when the working calendar changes: every due date is counted again from the kept dates;
- daily by ``ptdv refresh`` (``refresh_open``): the findings of every open case are judged
  again on the new day from the kept facts, without reading a single event.

``rebuild`` recomputes everything from the events (after a bulk load, or to heal).
"""

import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import asdict, fields, is_dataclass
from datetime import date
from enum import Enum
from functools import cache, wraps
from types import UnionType
from typing import Union, get_args, get_origin, get_type_hints

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from ptdv.cases.deadlines import working_calendar
from ptdv.cases.facts import Surroundings, dates_for, facts_for, regulation_settings
from ptdv.cases.models import OPEN_STAGES, Case, CaseDeadline, CaseEvent, CaseFinding, CaseState
from ptdv.regulation import CaseDates, CaseFacts, Deadline, Finding, check, deadlines_for
from ptdv.reports import freshness

BATCH = 500


# --- The engine's inputs as JSON, and back ---------------------------------------------------


def encode(value):
    """A dataclass of the engine (CaseFacts, CaseDates) as JSON-ready data."""
    if is_dataclass(value):
        return {name: encode(v) for name, v in asdict(value).items()}
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value if value is None or isinstance(value, bool | int | float) else str(value)


def decode(cls, data: dict):
    """``encode``'s inverse, led by the dataclass's type hints."""
    return cls(**{name: convert(data[name]) for name, convert in _converters(cls) if name in data})


@cache
def _converters(cls) -> tuple[tuple[str, Callable], ...]:
    """Each field's converter from JSON, worked out once per dataclass from its type hints
    (the daily refresh decodes every open case: no type inspection per value)."""
    hints = get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in fields(cls))


def _converter(hint) -> Callable:
    if isinstance(hint, UnionType) or get_origin(hint) is Union:  # X | None
        hint = next(a for a in get_args(hint) if a is not type(None))
    if get_origin(hint) is tuple:
        item = get_args(hint)[0]
        if is_dataclass(item):
            return lambda values: tuple(decode(item, v) for v in values)
        return tuple
    if hint is date:
        return lambda v: None if v is None else date.fromisoformat(v)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return lambda v: None if v is None else hint(v)
    return lambda v: v


# --- Comparable values: what the rows must equal ---------------------------------------------


def finding_key(f: Finding) -> tuple:
    return (f.code, str(f.severity), f.message, f.citation, f.item, tuple(str(s) for s in f.blocks))


def deadline_key(d: Deadline) -> tuple:
    return (d.code, d.basis_date, d.due_date, d.extended, d.done_date)


def _finding_row(case_id: int, position: int, f: Finding) -> CaseFinding:
    return CaseFinding(
        case_id=case_id,
        position=position,
        code=f.code,
        severity=str(f.severity),
        message=f.message,
        citation=f.citation,
        item=f.item,
        blocks=[str(s) for s in f.blocks],
    )


def _deadline_row(case_id: int, d: Deadline) -> CaseDeadline:
    return CaseDeadline(
        case_id=case_id,
        code=d.code,
        basis_date=d.basis_date,
        due_date=d.due_date,
        extended=d.extended,
        met_on=d.done_date,
    )


def kept_findings(case_id: int) -> list[tuple]:
    return [finding_key(r.finding) for r in CaseFinding.objects.filter(case_id=case_id)]


def kept_deadlines(case_id: int) -> list[tuple]:
    return [deadline_key(r.deadline) for r in CaseDeadline.objects.filter(case_id=case_id).order_by("id")]


# --- Deriving from the events ----------------------------------------------------------------


def _with_records(cases):
    return cases.select_related("person", "branch").prefetch_related(
        Prefetch("events", queryset=CaseEvent.objects.order_by("date", "id")),
        "documents",
        "relatives",
        "introductions__introducer__person",
    )


def fresh(
    case: Case, on: date, calendar=None, around: Surroundings | None = None
) -> tuple[CaseFacts, CaseDates, list[Finding], list[Deadline]]:
    """The case's facts, dates, findings on `on` and deadlines, computed from scratch (with
    what was loaded `around` the batch it belongs to, if any).

    Judged for no particular viewer: a duplicate is named in the neutral words anyone may read.
    """
    facts, dates = facts_for(case, around=around), dates_for(case)
    deadlines = deadlines_for(dates, calendar or working_calendar())
    return facts, dates, check(facts, on, regulation_settings()), deadlines


def _write(states: list[CaseState], findings: list[CaseFinding], deadlines: list[CaseDeadline], ids) -> None:
    CaseFinding.objects.filter(case_id__in=ids).delete()
    CaseDeadline.objects.filter(case_id__in=ids).delete()
    CaseState.objects.filter(case_id__in=ids).delete()
    CaseState.objects.bulk_create(states, batch_size=BATCH)
    CaseFinding.objects.bulk_create(findings, batch_size=BATCH)
    CaseDeadline.objects.bulk_create(deadlines, batch_size=BATCH)
    freshness.changed()  # the dashboard's deadlines and overdue counts


@transaction.atomic
def refresh(case_ids: Iterable[int], on: date | None = None) -> None:
    """Derive the kept state of these cases again from their events and records.

    In batches of cases of neighbouring branches: each batch reads its records and what the
    rules read around them (ptdv.cases.facts.Surroundings) in a few queries, whatever its size.
    """
    on = on or timezone.localdate()
    calendar = working_calendar()
    ids = sorted(set(case_ids))
    by_branch = []
    for start in range(0, len(ids), BATCH):
        by_branch += Case.objects.filter(pk__in=ids[start : start + BATCH]).values_list("branch__path", "pk")
    ids = [pk for _, pk in sorted(by_branch)]
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        states, findings, deadlines = [], [], []
        cases = list(_with_records(Case.objects.filter(pk__in=chunk)))
        around = Surroundings(cases)
        for case in cases:
            facts, dates, found, due = fresh(case, on, calendar, around)
            states.append(CaseState(case=case, facts=encode(facts), dates=encode(dates), findings_on=on))
            findings += [_finding_row(case.pk, i, f) for i, f in enumerate(found)]
            deadlines += [_deadline_row(case.pk, d) for d in due]
        _write(states, findings, deadlines, chunk)


def rebuild(on: date | None = None) -> int:
    """Every case derived again from its events (a bulk load, a healing run); the count."""
    ids = list(Case.objects.values_list("pk", flat=True))
    refresh(ids, on)
    return len(ids)


# --- Moving on with the date and the calendar, from the kept inputs --------------------------


@transaction.atomic
def refresh_open(on: date | None = None) -> dict[str, int]:
    """The daily run: judge every open case again on `on` and count every due date again on
    the calendar as it stands, from the kept inputs; only what changed is written.

    Idempotent: a second run on the same day finds nothing to change. A case with no kept state
    yet (loaded in bulk) is derived from its events.
    """
    on = on or timezone.localdate()
    calendar = working_calendar()
    settings = regulation_settings()
    missing = list(Case.objects.filter(stage__in=OPEN_STAGES, kept__isnull=True).values_list("pk", flat=True))
    refresh(missing, on)
    changed = {"findings": 0, "deadlines": 0, "derived": len(missing)}
    # The cases just derived are judged again below too (nothing changes): no list of their ids
    # in the query, however many were missing.
    states = CaseState.objects.filter(case__stage__in=OPEN_STAGES)
    kept_f = _grouped(
        CaseFinding.objects.filter(case__stage__in=OPEN_STAGES), lambda r: finding_key(r.finding)
    )
    kept_d = _grouped(
        CaseDeadline.objects.filter(case__stage__in=OPEN_STAGES), lambda r: deadline_key(r.deadline)
    )
    new_findings, new_deadlines, f_ids, d_ids = [], [], [], []
    for state in states.iterator(chunk_size=2000):
        found = check(decode(CaseFacts, state.facts), on, settings)
        if [finding_key(f) for f in found] != kept_f.get(state.case_id, []):
            f_ids.append(state.case_id)
            new_findings += [_finding_row(state.case_id, i, f) for i, f in enumerate(found)]
        due = deadlines_for(decode(CaseDates, state.dates), calendar)
        if sorted(deadline_key(d) for d in due) != sorted(kept_d.get(state.case_id, [])):
            d_ids.append(state.case_id)
            new_deadlines += [_deadline_row(state.case_id, d) for d in due]
    for start in range(0, max(len(f_ids), len(d_ids)), BATCH):
        CaseFinding.objects.filter(case_id__in=f_ids[start : start + BATCH]).delete()
        CaseDeadline.objects.filter(case_id__in=d_ids[start : start + BATCH]).delete()
    CaseFinding.objects.bulk_create(new_findings, batch_size=BATCH)
    CaseDeadline.objects.bulk_create(new_deadlines, batch_size=BATCH)
    states.exclude(findings_on=on).update(findings_on=on)
    changed.update(findings=len(f_ids), deadlines=len(d_ids))
    if f_ids or d_ids:
        freshness.changed()
    return changed


def _grouped(rows, key) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in rows.order_by("case_id", "pk").iterator(chunk_size=5000):
        grouped.setdefault(row.case_id, []).append(key(row))
    return grouped


@transaction.atomic
def recount_deadlines() -> None:
    """Every due date counted again on the calendar as it now stands (a day off added…)."""
    calendar = working_calendar()
    rows = []
    for state in CaseState.objects.iterator(chunk_size=2000):
        rows += [
            _deadline_row(state.case_id, d) for d in deadlines_for(decode(CaseDates, state.dates), calendar)
        ]
    CaseDeadline.objects.all().delete()
    CaseDeadline.objects.bulk_create(rows, batch_size=BATCH)


# --- Keeping in step with the writes ---------------------------------------------------------

_local = threading.local()


@contextmanager
def deferred():
    """Within it, cases touched by saves are collected and derived once, on leaving it (still
    inside the caller's transaction). A failure leaves without deriving: it rolls back."""
    depth = getattr(_local, "depth", 0)
    if depth == 0:
        _local.pending = set()
    _local.depth = depth + 1
    try:
        yield
        if depth == 0 and _local.pending:
            # Saves made while deriving are not collected again: leave depth first.
            pending, _local.pending = _local.pending, set()
            _local.depth = 0
            refresh(pending)
    finally:
        _local.depth = depth
        if depth == 0:
            _local.pending = set()


def deferring(func):
    """Decorate a service (inside its transaction) so the cases it touches are derived once."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        with deferred():
            return func(*args, **kwargs)

    return wrapper


def touch(case_ids: Iterable[int]) -> None:
    """These cases' facts changed: derive them now, or when the enclosing ``deferred`` ends."""
    ids = set(case_ids)
    if not ids:
        return
    if getattr(_local, "depth", 0):
        _local.pending |= ids
    else:
        refresh(ids)
