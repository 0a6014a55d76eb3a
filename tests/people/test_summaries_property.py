"""Property: whatever members and units go through, the kept summaries equal a fresh count
from the events (tests/people/oracle.py), for any unit and date, with and without
predecessors, and `rebuild()` writes exactly the rows that were kept."""

from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ptdv.org import reorganisation
from ptdv.org.models import BRANCH_KINDS, Unit, UnitKind, UnitPlacement
from ptdv.people import membership, record_on, summaries, summary_rows
from ptdv.people.models import BranchTotal, MemberStanding, Milestone, PartyMember, Person
from tests.factories import person, spelled
from tests.people import oracle

pytestmark = pytest.mark.django_db(transaction=False)

START = date(2015, 1, 1)
ACTS = ["admit", "recognise", "transfer", "leave", "reverse", "edit", "move", "merge", "dissolve"]
EDITS = [
    ("sex", "F"),
    ("sex", "M"),
    ("ethnicity", "02"),
    ("religion", "BUDDHISM"),
    ("youth_union", True),
    ("occupation", "WORKER"),
    ("education", "COLLEGE"),
    ("birth_date", date(1960, 1, 1)),
]
steps = st.lists(
    st.tuples(st.sampled_from(ACTS), st.integers(0, 50), st.integers(0, 50), st.integers(0, 200)),
    min_size=1,
    max_size=14,
)


class Run:
    """Plays one sequence of acts on the world's tree; a refused act changes nothing."""

    def __init__(self, world):
        self.day, self.serial = START, 0
        Person.history.update(history_date=self.written())  # the world's records, before any act

    def pick(self, items, n):
        items = list(items)
        return items[n % len(items)] if items else None

    def branches(self):
        return list(Unit.objects.filter(kind__in=BRANCH_KINDS, valid_to__isnull=True))

    def play(self, act, a, b, step):
        self.day += timedelta(days=step)
        members = list(PartyMember.objects.order_by("pk"))
        member = self.pick(members, a)
        try:
            getattr(self, act)(member, a, b)
        except ValidationError:
            pass

    def admit(self, member, a, b):
        self.serial += 1
        branch = self.pick(self.branches(), b)
        # Now and then an admission entered late, dated before acts already recorded.
        on = self.day - timedelta(days=400 * (a % 3 == 0))
        someone = person(branch, "Lò Văn " + spelled(self.serial))
        someone.history.update(history_date=self.written())  # the record written on the played day
        membership.admit(someone, branch, on)

    def recognise(self, member, a, b):
        membership.record(member, "RECOGNISED", self.day)

    def transfer(self, member, a, b):
        membership.record(member, "TRANSFERRED", self.day, branch=self.pick(self.branches(), b))

    def leave(self, member, a, b):
        membership.record(member, self.pick(["DIED", "REMOVED", "RESIGNED"], b), self.day)

    def reverse(self, member, a, b):
        last = member.events.order_by("-date", "-id").first()
        membership.reverse(member, last, note="ghi nhầm")

    def written(self):
        return datetime.combine(self.day, time(12), tzinfo=timezone.get_current_timezone())

    def edit(self, member, a, b):
        """A change of the record on the played day, or (now and then) a correction of it."""
        field, value = EDITS[b % len(EDITS)]
        p = member.person
        setattr(p, field, value)
        p._history_date = self.written()
        if self.day.toordinal() % 2:
            record_on.mark_correction(p)
        p.save()

    def committees(self):
        return list(Unit.objects.exclude(kind__in=BRANCH_KINDS).filter(valid_to__isnull=True))

    def move(self, member, a, b):
        unit = self.pick(Unit.objects.filter(valid_to__isnull=True, depth__gt=1), a)
        reorganisation.move(unit, self.pick(self.committees(), b), self.day)

    def merge(self, member, a, b):
        """A unit merged into a new unit (of its kind) formed under a committee that day."""
        source = self.pick(Unit.objects.filter(valid_to__isnull=True, depth__gt=1), a)
        parent = self.pick(self.committees(), b)
        self.serial += 1
        kind = UnitKind.BRANCH if source.is_branch else UnitKind.GRASSROOTS_COMMITTEE
        new = reorganisation.create(
            parent, self.day, code=f"NEW{self.serial}", name=f"Đơn vị mới {self.serial}", kind=kind
        )
        reorganisation.merge([source], new, self.day)

    def dissolve(self, member, a, b):
        reorganisation.dissolve(self.pick(Unit.objects.filter(valid_to__isnull=True), a), self.day)


def kept_rows():
    return {
        model.__name__: sorted((tuple(row.values()) for row in model.objects.values(*fields)), key=repr)
        for model, fields in (
            (UnitPlacement, ("unit", "parent", "valid_from", "valid_to")),
            (
                MemberStanding,
                (
                    "member",
                    "branch",
                    "status",
                    "valid_from",
                    "valid_to",
                    *summary_rows.CATEGORIES,
                    "education",
                ),
            ),
            (
                Milestone,
                (
                    "member",
                    "kind",
                    "branch",
                    "date",
                    "decision_date",
                    "aged_18_30",
                    *summary_rows.CATEGORIES,
                    "education",
                ),
            ),
            (BranchTotal, ("branch", "date", *summary_rows.COLUMNS)),
        )
    }


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    acts=steps, probes=st.lists(st.tuples(st.integers(0, 50), st.integers(0, 4000)), min_size=3, max_size=3)
)
# Always played: an admission, then a later change of the record (not a correction), then one.
@example(acts=[("admit", 1, 0, 10), ("edit", 3, 0, 101), ("edit", 3, 2, 31)], probes=[(0, 0)] * 3)
def test_kept_summaries_equal_a_fresh_count_from_the_events(world, acts, probes):
    with transaction.atomic():
        run = Run(world)
        for act in acts:
            run.play(*act)
        units = list(Unit.objects.order_by("pk"))
        for n, offset in probes:
            unit, day = units[n % len(units)], START + timedelta(days=offset)
            for predecessors in (True, False):
                assert summaries.totals(unit, day, predecessors=predecessors) == oracle.totals(
                    unit, day, predecessors
                ), (unit, day, predecessors)
                end = day + timedelta(days=700)
                for basis in ("ceremony", "decision"):
                    kept = summaries.admissions(unit, day, end, basis=basis, predecessors=predecessors)
                    assert kept == oracle.admissions(unit, day, end, basis, predecessors), (unit, day)
        for root in Unit.objects.filter(depth=1):  # and every admission of the whole run
            whole = (START, run.day)
            assert summaries.admissions(root, *whole) == oracle.admissions(root, *whole, "ceremony", True)
        before = kept_rows()
        summaries.rebuild()
        assert kept_rows() == before
        transaction.set_rollback(True)
