"""The forecast by a period's end from the open pipeline and the unit's own past (hand-checked)."""

from datetime import date, timedelta

import pytest

from ptdv.cases.models import Case, CaseEvent
from ptdv.plans import forecast
from ptdv.regulation import Stage
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = date(2025, 3, 1)
# Days each stage lasted in the unit's past: class 60, dossier 30, branch 10, committee 10,
# submitted 20, decided→ceremony 15. From a dossier to the ceremony: 30+10+10+20+15 = 85 days.
PAST = [
    (Stage.AWARENESS, 0),
    (Stage.DOSSIER, 60),
    (Stage.BRANCH_RESOLVED, 30),
    (Stage.COMMITTEE_RESOLVED, 10),
    (Stage.SUBMITTED, 10),
    (Stage.DECIDED, 20),
    (Stage.PROBATION, 15),
]
_names = iter(f"Lò Văn {factories.spelled(n)}" for n in range(1000))


def _case(world, branch, moves, start):
    """A case of `branch` opened on `start` that then made `moves` ((stage, days after the last))."""
    case = factories.case(branch, next(_names), by=world.alice, on=start)
    day = start
    for stage, gap in moves:
        day += timedelta(days=gap)
        CaseEvent.objects.create(case=case, stage=stage, date=day)
    Case.objects.filter(pk=case.pk).update(stage=moves[-1][0])
    return case


@pytest.fixture
def past(world):
    """Six cases of Phya Mạ admitted on the usual timetable, two withdrawn in their dossier."""
    for i in range(6):
        _case(world, world.phya_ma, PAST, date(2022, 1, 1) + timedelta(days=i))
    for i in range(2):
        _case(world, world.phya_ma, [*PAST[:2], (Stage.WITHDRAWN, 12)], date(2022, 6, 1) + timedelta(days=i))


def test_rates_are_the_units_own_stage_to_stage_conversion_and_durations(world, past):
    rates = forecast.rates(Case.objects.filter(branch=world.phya_ma))
    dossier = rates.by_stage[Stage.DOSSIER]
    assert (dossier.advanced, dossier.stopped, dossier.conversion, dossier.median_days) == (6, 2, 0.75, 30)
    assert rates.by_stage[Stage.AWARENESS].median_days == 60
    # From a dossier: 3 of 4 go on; 85 days to the ceremony. From a decision: certain, 15 days.
    assert rates.to_admission(Stage.DOSSIER, Stage.PROBATION) == (0.75, 85)
    assert rates.to_admission(Stage.DECIDED, Stage.PROBATION) == (1.0, 15)
    assert rates.to_admission(Stage.DOSSIER, Stage.DECIDED) == (0.75, 70)


def test_forecast_counts_the_pipeline_expected_before_the_period_ends(world, past):
    decided = _case(world, world.phya_ma, PAST[:-1], TODAY - timedelta(days=135))  # decided 5 days ago
    _case(world, world.phya_ma, PAST[:2], TODAY - timedelta(days=60))  # in dossier since today
    _case(world, world.phya_ma, PAST[:1], TODAY)  # in class since today
    assert CaseEvent.objects.filter(case=decided, stage=Stage.DECIDED).get().date == TODAY - timedelta(days=5)
    result = forecast.forecast(
        Case.objects.filter(branch=world.phya_ma),
        target=12,
        achieved=8,
        end=TODAY + timedelta(days=100),
        today=TODAY,
    )
    # The decided case's own past counts too: 7 of 9 dossiers went on. Decided: 1.0 in 10 days;
    # dossier: 7/9 in 85 days; class: 7/9 in 145 days, after the end. 8 + 1 + 7/9 = 9.78 → 10.
    assert result.open_by_stage == {Stage.DECIDED: 1, Stage.DOSSIER: 1, Stage.AWARENESS: 1}
    assert result.expected_by_stage == {Stage.DECIDED: 1.0, Stage.DOSSIER: pytest.approx(7 / 9)}
    assert (result.forecast, result.shortfall, result.at_risk) == (10, 2, True)


def test_by_decision_date_the_decided_are_already_counted(world, past):
    _case(world, world.phya_ma, PAST[:-1], TODAY - timedelta(days=135))
    _case(world, world.phya_ma, PAST[:2], TODAY - timedelta(days=60))
    result = forecast.forecast(
        Case.objects.filter(branch=world.phya_ma),
        target=9,
        achieved=8,
        end=TODAY + timedelta(days=100),
        today=TODAY,
        basis="decision",
    )
    # Only the dossier is pipeline: 7/9 within 70 days; 8.78 → 9, the target is met.
    assert result.expected_by_stage == {Stage.DOSSIER: pytest.approx(7 / 9)}
    assert (result.forecast, result.shortfall, result.at_risk) == (9, 0, False)


def test_a_stage_with_too_little_past_takes_the_wider_scopes_figures(world, past):
    # Nà Pài's only past dossier was withdrawn: on its own, no dossier would ever succeed.
    _case(world, world.na_pai, [*PAST[:2], (Stage.WITHDRAWN, 5)], date(2023, 1, 1))
    _case(world, world.na_pai, PAST[:2], TODAY - timedelta(days=60))
    na_pai = Case.objects.filter(branch=world.na_pai)
    alone = forecast.forecast(na_pai, target=1, achieved=0, end=TODAY + timedelta(days=100), today=TODAY)
    wider = forecast.rates(Case.objects.filter(branch__path__startswith=world.cong_bang.path))
    helped = forecast.forecast(
        na_pai, target=1, achieved=0, end=TODAY + timedelta(days=100), today=TODAY, wider=wider
    )
    assert forecast.rates(na_pai).by_stage[Stage.DOSSIER].conversion == 0
    assert alone.expected == 0 and alone.shortfall == 1
    # Công Bằng: 6 of 9 past dossiers went on (2/3); the other stages are Phya Mạ's 1.0.
    assert helped.expected == pytest.approx(2 / 3) and helped.forecast == 1 and not helped.at_risk


def test_an_undone_move_is_no_part_of_the_past(world, past):
    case = _case(world, world.na_pai, PAST[:2], date(2023, 1, 1))
    moved = CaseEvent.objects.create(case=case, stage=Stage.WITHDRAWN, date=date(2023, 3, 15))
    CaseEvent.objects.create(case=case, stage=Stage.DOSSIER, date=date(2023, 3, 16), reverts=moved)
    assert Stage.DOSSIER not in forecast.rates(Case.objects.filter(pk=case.pk)).by_stage


def test_forecasts_of_a_plans_children_come_from_one_read_of_the_scope(
    world, past, django_assert_max_num_queries
):
    _case(world, world.phya_ma, PAST[:2], TODAY - timedelta(days=60))
    _case(world, world.na_pai, [*PAST[:2], (Stage.WITHDRAWN, 5)], date(2023, 1, 1))
    _case(world, world.na_pai, PAST[:2], TODAY - timedelta(days=60))
    goals = [forecast.Goal(world.phya_ma, 3, 2), forecast.Goal(world.na_pai, 2, 0)]
    scope = Case.objects.filter(branch__path__startswith=world.cong_bang.path)
    # Queries: the scope's standing events, its cases' stages and branches.
    with django_assert_max_num_queries(2):
        result = forecast.for_units(scope, goals, end=TODAY + timedelta(days=100), today=TODAY)
    # Phya Mạ: its own 6 of 8 dossiers went on → 2 + 0.75 = 2.75 → 3, met.
    assert result[world.phya_ma.pk].expected == pytest.approx(0.75) and not result[world.phya_ma.pk].at_risk
    # Nà Pài: one past dossier of its own, too few: Công Bằng's 6 of 9 → 0 + 2/3 → 1, short of 2.
    assert result[world.na_pai.pk].expected == pytest.approx(2 / 3)
    assert (result[world.na_pai.pk].forecast, result[world.na_pai.pk].shortfall) == (1, 1)
