"""The check every kept-state test ends with: the kept rows equal a fresh computation."""

from ptdv.cases import derived
from ptdv.cases.models import Case
from ptdv.regulation import CaseDates, CaseFacts


def assert_in_step(on=None) -> None:
    """Every case's kept facts, dates, findings and deadlines are what computing them from its
    events now gives (findings judged on the kept day, or on `on` when given)."""
    for case in derived._with_records(Case.objects.all()):
        state = case.kept
        if on is not None:
            assert state.findings_on == on, case
        facts, dates, found, due = derived.fresh(case, state.findings_on)
        assert derived.decode(CaseFacts, state.facts) == facts, case
        assert derived.decode(CaseDates, state.dates) == dates, case
        assert derived.kept_findings(case.pk) == [derived.finding_key(f) for f in found], case
        assert derived.kept_deadlines(case.pk) == [derived.deadline_key(d) for d in due], case
