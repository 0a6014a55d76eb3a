"""Member figures counted afresh from the events and acts, reading no kept row: what the kept
summaries (ptdv.people.summaries) must always equal."""

from collections import defaultdict
from datetime import date

from django.utils import timezone

from ptdv.cases.models import CaseEvent
from ptdv.org.models import BRANCH_KINDS, Unit, UnitChange
from ptdv.people.models import MemberEvent, PartyMember
from ptdv.people.record_on import CORRECTION
from ptdv.people.summaries import Admissions, Totals


def _parent_on(day: date) -> dict[int, int | None]:
    """{unit id: parent id on `day`}: today's parent, unless a move dated after `day` changed it
    (then the parent before the first such move)."""
    parents = {}
    by_path = dict(Unit.objects.values_list("path", "id"))
    for path, pk in by_path.items():
        parents[pk] = by_path.get(path[: -Unit.steplen])
    for change in UnitChange.objects.filter(kind="MOVED", date__gt=day).order_by("-date", "-id"):
        parents[change.unit_id] = change.old_parent_id
    return parents


def _merged_into(unit_id: int) -> set[int]:
    found, stack = set(), [unit_id]
    while stack:
        for change in UnitChange.objects.filter(kind="MERGED", unit_id=stack.pop()):
            for pk in change.predecessors.values_list("pk", flat=True):
                if pk not in found and pk != unit_id:
                    found.add(pk)
                    stack.append(pk)
    return found


def branches_under(unit: Unit, day: date, predecessors: bool) -> set[int]:
    parents = _parent_on(day)
    roots = {unit.pk} | (_merged_into(unit.pk) if predecessors else set())
    alive = {
        u.pk
        for u in Unit.objects.filter(kind__in=BRANCH_KINDS)
        if (u.valid_from is None or u.valid_from <= day) and (u.valid_to is None or day < u.valid_to)
    }
    found = set()
    for pk in alive:
        node, seen = pk, set()
        while node is not None and node not in seen:
            if node in roots:
                found.add(pk)
                break
            seen.add(node)
            node = parents[node]
    return found


def _categories(p) -> dict:
    return {
        "women": int(p.sex == "F"),
        "ethnic_minority": int(p.ethnicity != "01"),
        "religious": int(p.religion != "NONE"),
        "youth_union": int(p.youth_union),
        "farmers": int(p.occupation == "FARMER"),
    }


PERSON_FIELDS = ("sex", "ethnicity", "religion", "youth_union", "occupation", "education", "birth_date")


def _person(member: PartyMember) -> dict:
    return _categories(member.person)


def _record_on(member: PartyMember, day: date):
    """The person as they were on `day`: the last version written by then (else the first),
    with the fields of every later correction."""
    versions = list(member.person.history.order_by("history_date", "history_id"))
    if not versions:
        return member.person
    written = [i for i, v in enumerate(versions) if timezone.localdate(v.history_date) <= day]
    base = written[-1] if written else 0
    record = versions[base]
    for before, later in zip(versions[base:], versions[base + 1 :], strict=False):
        if later.history_change_reason == CORRECTION:
            for name in PERSON_FIELDS:
                if getattr(later, name) != getattr(before, name):
                    setattr(record, name, getattr(later, name))
    return record


def totals(unit: Unit, day: date, predecessors: bool) -> Totals:
    branches = branches_under(unit, day, predecessors)
    result = Totals()
    for member in PartyMember.objects.select_related("person"):
        last = member.events.filter(date__lte=day).order_by("-date", "-id").first()
        if last and last.branch_id in branches and last.status_after in ("OFFICIAL", "PROBATIONARY"):
            one = Totals(
                official=int(last.status_after == "OFFICIAL"),
                probationary=int(last.status_after == "PROBATIONARY"),
                **_person(member),
            )
            one.by_education[member.person.education] += 1
            result.add(one)
    return result


def _undone(events: list[MemberEvent]) -> set[int]:
    """Ids of the events undone: walking back, a reversal in force undoes the event before it."""
    undone = set()
    for later, event in zip(reversed(events), list(reversed(events))[1:], strict=False):
        if later.kind == "REVERSED" and later.pk not in undone:
            undone.add(event.pk)
    return undone | {e.pk for e in events if e.kind == "REVERSED"}


def admissions(unit: Unit, start: date, end: date, basis: str, predecessors: bool) -> Admissions:
    decided = defaultdict(list)
    for event in CaseEvent.objects.filter(stage="DECIDED", reverts__isnull=True, reverted_by__isnull=True):
        decided[event.case.person_id].append((event.date, event.pk))
    result = Admissions()
    for member in PartyMember.objects.select_related("person"):
        events = list(member.events.order_by("date", "id"))
        undone = _undone(events)
        for i, event in enumerate(events):
            if event.pk in undone:
                continue
            day = event.date
            if event.kind == "ADMITTED" and basis == "decision" and decided[member.person_id]:
                day = max(decided[member.person_id])[0]
            if not start <= day <= end or event.branch_id not in branches_under(unit, day, predecessors):
                continue
            if event.kind == "RECOGNISED":
                result.recognised += 1
            elif event.kind == "REMOVED" and i and events[i - 1].status_after == "PROBATIONARY":
                result.removed += 1
            elif event.kind == "ADMITTED":
                then = _record_on(member, event.date)
                birth = then.birth_date
                age = (
                    event.date.year
                    - birth.year
                    - ((event.date.month, event.date.day) < (birth.month, birth.day))
                )
                one = Admissions(admitted=1, aged_18_30=int(18 <= age <= 30), **_categories(then))
                one.by_education[then.education] += 1
                result.add(one)
    return result
