"""Forecast of admissions by a period's end (dự báo khả năng hoàn thành chỉ tiêu).

Officials want to know in time which units will miss their quota. The forecast adds to what a
unit has admitted so far what its open pipeline is expected to bring before the period ends,
judged by the unit's *own past*: for every stage of the path, how often its cases that left
the stage went on rather than stopped (conversion), and how long they stayed (median days),
read from the case events. A case at stage s that entered it e days ago is expected to be
admitted with the product of the conversions from s to admission, on the day the median
durations from s add up to (never before today); it counts if that day is within the period.

A stage the unit has too few past cases for (MIN_SAMPLE) takes the figures of a wider scope
(the plan's unit), so one case withdrawn in a small commune does not sink its forecast.
Moves undone by a compensating event are left out, as everywhere (ptdv.cases.facts).
"""

import itertools
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from ptdv.cases.models import CaseEvent
from ptdv.regulation import PATH, Stage

# The stage whose event is the admission, by the basis of achievement (PTDV_ACHIEVEMENT_BASIS).
ADMISSION = {"ceremony": Stage.PROBATION, "decision": Stage.DECIDED}
# The open pipeline the forecast reads: in class, in dossier, resolved, submitted, decided.
PIPELINE = PATH[PATH.index(Stage.AWARENESS) : PATH.index(Stage.PROBATION)]
CLOSING = frozenset({Stage.WITHDRAWN, Stage.NOT_ADMITTED, Stage.REMOVED})
# Fewer past cases than this leaving a stage: its figures come from the wider scope.
MIN_SAMPLE = 5


@dataclass(frozen=True)
class StageRate:
    """What became of the past cases that left one stage: went on (`advanced`) or stopped."""

    advanced: int = 0
    stopped: int = 0
    days: tuple[int, ...] = ()

    @property
    def left(self) -> int:
        return self.advanced + self.stopped

    @property
    def conversion(self) -> float:
        return self.advanced / self.left if self.left else 1.0

    @property
    def median_days(self) -> float:
        return statistics.median(self.days) if self.days else 0.0


@dataclass
class Rates:
    """Stage-to-stage conversion and duration of one unit's past cases."""

    by_stage: dict[Stage, StageRate] = field(default_factory=dict)

    def rate(self, stage: Stage, wider: "Rates | None" = None) -> StageRate:
        own = self.by_stage.get(stage, StageRate())
        if own.left < MIN_SAMPLE and wider is not None:
            return wider.rate(stage)
        return own

    def to_admission(self, stage: Stage, admission: Stage, wider=None) -> tuple[float, float]:
        """(probability, median days) from entering `stage` to the admission event."""
        probability, days = 1.0, 0.0
        for step in PATH[PATH.index(stage) : PATH.index(admission)]:
            r = self.rate(step, wider)
            probability *= r.conversion
            days += r.median_days
        return probability, days


def _paths(cases) -> dict[int, list[tuple[Stage, date]]]:
    """Each case's standing moves (undone moves and their undoing left out), in order."""
    events = (
        CaseEvent.objects.filter(case__in=cases, reverts__isnull=True, reverted_by__isnull=True)
        .order_by("case_id", "date", "id")
        .values_list("case_id", "stage", "date")
    )
    paths: dict[int, list[tuple[Stage, date]]] = defaultdict(list)
    for case_id, stage, day in events:
        paths[case_id].append((Stage(stage), day))
    return paths


def rates(cases) -> Rates:
    """The conversion and duration of every stage, from the events of `cases` (a queryset)."""
    return _rates(_paths(cases))


def _rates(paths) -> Rates:
    counts: dict[Stage, list] = defaultdict(lambda: [0, 0, []])
    for moves in paths.values():
        for (stage, entered), (after, left) in itertools.pairwise(moves):
            if stage not in PATH or stage == Stage.OFFICIAL:
                continue
            row = counts[stage]
            if after in CLOSING:
                row[1] += 1
            else:
                row[0] += 1
                row[2].append((left - entered).days)
    return Rates({s: StageRate(a, b, tuple(d)) for s, (a, b, d) in counts.items()})


@dataclass
class Forecast:
    """Admitted so far plus what the pipeline is expected to bring by `end`, against `target`."""

    target: int
    achieved: int
    end: date
    expected_by_stage: dict[Stage, float] = field(default_factory=dict)
    open_by_stage: dict[Stage, int] = field(default_factory=dict)

    @property
    def expected(self) -> float:
        return sum(self.expected_by_stage.values())

    @property
    def forecast(self) -> int:
        """The expected admissions by the period's end, as a whole number of people."""
        total = Decimal(self.achieved) + Decimal(repr(self.expected))
        return int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def shortfall(self) -> int:
        return max(self.target - self.forecast, 0)

    @property
    def at_risk(self) -> bool:
        return self.shortfall > 0


def forecast(
    cases, *, target: int, achieved: int, end: date, today: date, basis: str = "ceremony", wider=None
) -> Forecast:
    """The forecast of a unit whose cases (its subtree's, a queryset) are `cases`.

    `achieved` is what the unit admitted so far in the period (ptdv.plans.achievement);
    `wider` the rates of a wider scope for stages the unit has too little past for.
    """
    paths = _paths(cases)
    stages = cases.values_list("id", "stage")
    return _forecast(stages, paths, Forecast(target, achieved, end), today, basis, wider)


@dataclass(frozen=True)
class Goal:
    """A unit's target for the period and what it admitted so far."""

    unit: object
    target: int
    achieved: int


def for_units(cases, goals: list[Goal], *, end: date, today: date, basis: str = "ceremony") -> dict:
    """{unit id: Forecast} for several units of one scope (a plan's children), from one read of
    the scope's `cases`: each unit by its own past, the scope's for stages it has too little of."""
    paths = _paths(cases)
    rows = list(cases.values_list("id", "stage", "branch__path"))
    wider = _rates(paths)
    result = {}
    for goal in goals:
        mine = [(pk, stage) for pk, stage, path in rows if path.startswith(goal.unit.path)]
        own_paths = {pk: paths[pk] for pk, _stage in mine if pk in paths}
        result[goal.unit.pk] = _forecast(
            mine, own_paths, Forecast(goal.target, goal.achieved, end), today, basis, wider
        )
    return result


def _forecast(stages, paths, result: Forecast, today: date, basis: str, wider) -> Forecast:
    admission = ADMISSION[basis]
    own = _rates(paths)
    pipeline = PIPELINE[: PIPELINE.index(admission)] if admission in PIPELINE else PIPELINE
    for pk, stage in stages:
        if stage not in pipeline:
            continue
        stage = Stage(stage)
        probability, days = own.to_admission(stage, admission, wider)
        waited = (today - paths[pk][-1][1]).days if paths.get(pk) else 0
        due = today + timedelta(days=max(days - waited, 0))
        result.open_by_stage[stage] = result.open_by_stage.get(stage, 0) + 1
        if due <= result.end:
            result.expected_by_stage[stage] = result.expected_by_stage.get(stage, 0.0) + probability
    return result
