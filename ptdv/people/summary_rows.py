"""The kept summary rows of each member, and of each branch, computed from the events.

`refresh_member` brings one member's rows in line (after each member event, and each edit of
a person's category); `rebuild` recomputes them all (`ptdv rebuild_summaries`, bulk loads).
A branch's rows (BranchTotal) change only through a member's standings, adding or taking
out exactly what the standing holds, so the kept rows are always those `rebuild` writes.
"""

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.dispatch import Signal

from ptdv.cases.models import CaseEvent
from ptdv.org import lineage
from ptdv.org.models import Unit
from ptdv.people import record_on
from ptdv.people.choices import KINH, MemberEventKind, MemberStatus, Occupation, Religion, Sex
from ptdv.people.models import (
    EDUCATION_COLUMNS,
    BranchTotal,
    MemberEvent,
    MemberStanding,
    Milestone,
    MilestoneKind,
    PartyMember,
)
from ptdv.regulation import Stage

COUNTED = (MemberStatus.OFFICIAL, MemberStatus.PROBATIONARY)
CATEGORIES = ("women", "ethnic_minority", "religious", "youth_union", "farmers")
PERSON_FIELDS = ("sex", "ethnicity", "religion", "youth_union", "occupation", "education", "birth_date")
COLUMNS = ("official", "probationary", *CATEGORIES, *EDUCATION_COLUMNS.values())


def categories_of(person: dict) -> dict:
    """The kept categories of a person (a dict of PERSON_FIELDS)."""
    return {
        "women": person["sex"] == Sex.FEMALE,
        "ethnic_minority": person["ethnicity"] != KINH,
        "religious": person["religion"] != Religion.NONE,
        "youth_union": bool(person["youth_union"]),
        "farmers": person["occupation"] == Occupation.FARMER,
        "education": person["education"],
    }


def in_force(kinds: list[str]) -> list[bool]:
    """Which of a member's events (in date order) are in force: a REVERSED event undoes the
    event just before it, unless it is undone itself; reversals never count as anything."""
    flags, cancelled = [], False
    for kind in reversed(kinds):
        flags.append(not cancelled and kind != MemberEventKind.REVERSED)
        cancelled = not cancelled and kind == MemberEventKind.REVERSED
    return flags[::-1]


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _rows_of(member_id: int, events: list[tuple], person: dict, decided: date | None, history: list):
    """(standings, milestones) of one member: events are (kind, date, branch id, status after)
    in date order. A member stands as their last event on or before a day left them, counted
    with their categories as they stand; a milestone keeps the person as they were on its day
    (an admission: the day its basis counts, ceremony or decision; ptdv.people.record_on)."""
    categories = categories_of(person)
    standings, milestones = [], []
    for i, (_kind, day, branch_id, status) in enumerate(events):
        until = events[i + 1][1] if i + 1 < len(events) else None
        if status in COUNTED and (until is None or day < until):
            standings.append(
                MemberStanding(
                    member_id=member_id,
                    branch_id=branch_id,
                    status=status,
                    valid_from=day,
                    valid_to=until,
                    **categories,
                )
            )
    kinds = [event[0] for event in events]
    for i, ((kind, day, branch_id, _), kept) in enumerate(zip(events, in_force(kinds), strict=True)):
        before = events[i - 1][3] if i else None
        milestone = {
            MemberEventKind.ADMITTED: MilestoneKind.ADMITTED,
            MemberEventKind.RECOGNISED: MilestoneKind.RECOGNISED,
        }.get(kind)
        if kind == MemberEventKind.REMOVED and before == MemberStatus.PROBATIONARY:
            milestone = MilestoneKind.REMOVED
        if kept and milestone:
            admitted = milestone == MilestoneKind.ADMITTED
            by_decision = admitted and decided and settings.PTDV_ACHIEVEMENT_BASIS == "decision"
            counted_on = decided if by_decision else day
            then = record_on.record_on(history, counted_on, person)
            milestones.append(
                Milestone(
                    member_id=member_id,
                    kind=milestone,
                    branch_id=branch_id,
                    date=day,
                    decision_date=decided if admitted else None,
                    aged_18_30=admitted and 18 <= _age(then["birth_date"], day) <= 30,
                    **categories_of(then),
                )
            )
    return standings, milestones


STANDING_KEY = ("branch_id", "status", "valid_from", "valid_to", *CATEGORIES, "education")
MILESTONE_KEY = ("kind", "branch_id", "date", "decision_date", "aged_18_30", *CATEGORIES, "education")


def _key(row, names) -> tuple:
    return tuple(getattr(row, name) for name in names)


def _decision_dates(person_ids=None) -> dict[int, date]:
    """{person id: date of their admission decision in force (the latest)}."""
    decided = CaseEvent.objects.filter(stage=Stage.DECIDED, reverts__isnull=True, reverted_by__isnull=True)
    if person_ids is not None:
        decided = decided.filter(case__person_id__in=person_ids)
    return dict(decided.order_by("date", "id").values_list("case__person_id", "date"))


def _people(members) -> dict[int, dict]:
    rows = members.values("pk", "person_id", *(f"person__{f}" for f in PERSON_FIELDS))
    return {
        r["pk"]: {"person_id": r["person_id"], **{f: r[f"person__{f}"] for f in PERSON_FIELDS}} for r in rows
    }


EVENT_FIELDS = ("kind", "date", "branch_id", "status_after")


# Sent once a member's kept rows are in line with their events, so that whatever reads the counts
# (the kept state of cases: BRANCH_SIZE, INTRODUCER_OFFICIAL) is derived from the new figures.
member_counted = Signal()


@transaction.atomic
def refresh_member(member: PartyMember | int) -> None:
    """Bring the kept rows of one member in line with their events and person record; called
    in the writer's transaction after every member event and every edit of a category."""
    member_id = getattr(member, "pk", member)
    person = _people(PartyMember.objects.filter(pk=member_id))[member_id]
    events = list(
        MemberEvent.objects.filter(member_id=member_id).order_by("date", "id").values_list(*EVENT_FIELDS)
    )
    decided = _decision_dates([person["person_id"]]).get(person["person_id"])
    history = record_on.versions([person["person_id"]], PERSON_FIELDS).get(person["person_id"], [])
    standings, milestones = _rows_of(member_id, events, person, decided, history)
    old = {_key(s, STANDING_KEY): s for s in MemberStanding.objects.filter(member_id=member_id)}
    new = {_key(s, STANDING_KEY): s for s in standings}
    gone, added = [old[k] for k in old.keys() - new.keys()], [new[k] for k in new.keys() - old.keys()]
    _lock_branches({s.branch_id for s in gone + added})
    for standing in gone:
        _apply(standing, -1)
    MemberStanding.objects.filter(pk__in=[s.pk for s in gone]).delete()
    for standing in added:
        _apply(standing, +1)
    MemberStanding.objects.bulk_create(added)
    old = {_key(m, MILESTONE_KEY): m for m in Milestone.objects.filter(member_id=member_id)}
    new = {_key(m, MILESTONE_KEY): m for m in milestones}
    Milestone.objects.filter(pk__in=[old[k].pk for k in old.keys() - new.keys()]).delete()
    Milestone.objects.bulk_create([new[k] for k in new.keys() - old.keys()])
    member_counted.send(sender=PartyMember, member_id=member_id)


def _lock_branches(branch_ids) -> None:
    """Two members of one branch changing at once must not both add the branch's row of a day."""
    list(Unit.objects.select_for_update().filter(pk__in=branch_ids).order_by("pk").values_list("pk"))


def _vector(standing: MemberStanding) -> dict[str, int]:
    vector = {"official" if standing.status == MemberStatus.OFFICIAL else "probationary": 1}
    vector.update({name: int(getattr(standing, name)) for name in CATEGORIES})
    vector[EDUCATION_COLUMNS[standing.education]] = 1
    return vector


def _values(row: BranchTotal | None) -> tuple:
    return tuple(getattr(row, c) for c in COLUMNS) if row else (0,) * len(COLUMNS)


def _apply(standing: MemberStanding, sign: int) -> None:
    """Add (or take out) one standing to its branch's rows over its dates; a row stays only on
    a day where the figures differ from the day before, as `rebuild` writes them."""
    branch, start, end = standing.branch_id, standing.valid_from, standing.valid_to
    days = [d for d in (start, end) if d is not None]
    for day in days:
        last = BranchTotal.objects.filter(branch_id=branch, date__lte=day).order_by("-date").first()
        if last is None or last.date != day:
            BranchTotal.objects.create(
                branch_id=branch, date=day, **dict(zip(COLUMNS, _values(last), strict=True))
            )
    rows = BranchTotal.objects.filter(branch_id=branch, date__gte=start)
    if end is not None:
        rows = rows.filter(date__lt=end)
    rows.update(**{name: F(name) + sign * n for name, n in _vector(standing).items() if n})
    for day in days:
        row, *before = BranchTotal.objects.filter(branch_id=branch, date__lte=day).order_by("-date")[:2]
        if _values(row) == _values(before[0] if before else None):
            row.delete()


@transaction.atomic
def rebuild() -> None:
    """Recompute the dated tree and every kept row from the acts and the events."""
    lineage.rebuild()
    for model in (MemberStanding, Milestone, BranchTotal):
        model.objects.all().delete()
    people = _people(PartyMember.objects.all())
    decisions = _decision_dates()
    histories = record_on.versions(PartyMember.objects.values("person_id"), PERSON_FIELDS)
    events = defaultdict(list)
    for member_id, *event in MemberEvent.objects.order_by("member_id", "date", "id").values_list(
        "member_id", *EVENT_FIELDS
    ):
        events[member_id].append(tuple(event))
    standings, milestones = [], []
    for member_id, history in events.items():
        person = people[member_id]
        pid = person["person_id"]
        more = _rows_of(member_id, history, person, decisions.get(pid), histories.get(pid, []))
        standings += more[0]
        milestones += more[1]
    MemberStanding.objects.bulk_create(standings, batch_size=1000)
    Milestone.objects.bulk_create(milestones, batch_size=1000)
    BranchTotal.objects.bulk_create(_branch_rows(standings), batch_size=1000)


def _branch_rows(standings) -> list[BranchTotal]:
    """Cumulative rows per branch on each day its figures change (the deltas summed in order)."""
    deltas = defaultdict(lambda: defaultdict(lambda: [0] * len(COLUMNS)))
    for standing in standings:
        vector = [_vector(standing).get(c, 0) for c in COLUMNS]
        for day, sign in ((standing.valid_from, 1), (standing.valid_to, -1)):
            if day is not None:
                row = deltas[standing.branch_id][day]
                row[:] = [a + sign * b for a, b in zip(row, vector, strict=True)]
    rows = []
    for branch_id, by_day in deltas.items():
        running = [0] * len(COLUMNS)
        for day in sorted(by_day):
            if any(by_day[day]):
                running = [a + b for a, b in zip(running, by_day[day], strict=True)]
                rows.append(
                    BranchTotal(branch_id=branch_id, date=day, **dict(zip(COLUMNS, running, strict=True)))
                )
    return rows


def person_saved(sender, instance, created: bool, raw: bool = False, update_fields=None, **kwargs) -> None:
    """post_save receiver of Person: an edit of a category changes the member's kept rows."""
    if created or raw or (update_fields is not None and not set(PERSON_FIELDS) & set(update_fields)):
        return
    member_id = PartyMember.objects.filter(person_id=instance.pk).values_list("pk", flat=True).first()
    if member_id is not None:
        refresh_member(member_id)
