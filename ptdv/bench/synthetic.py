"""A synthetic province in the post-2025 shape, bulk-loaded, for `ptdv bench` and query budgets.

Commune committees sit directly under the province; each has village branches (some of them
merged, serving two or three villages), schools, police, health and agency branches. Members
joined long ago or through a case of the last five years; cases reach every stage with the
events, documents, verifications and introductions the regulation expects at that stage
(written by the demo's `CaseWriter`, so both data sets are shaped alike). Nothing is real:
names come from the demo's generator.

Rows are bulk-created like the demo (ptdv.demo.build); no history versions are written.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from ptdv.accounts.models import Role, User
from ptdv.cases.models import Introduction, Relation, RelativeVerification
from ptdv.demo.cases import MEMBER_STAGES, REMOVED_AFTER, CaseWriter
from ptdv.demo.people import PersonFactory
from ptdv.org import adoption
from ptdv.org.models import BranchType, Unit, UnitKind, Village, VillageAssignment, VillageKind
from ptdv.people.choices import MemberEventKind, MemberStatus, Occupation
from ptdv.people.models import MemberEvent, PartyMember, Person
from ptdv.regulation import Stage, add_months

FOUNDED = date(2000, 1, 1)
ORGANIZER = "tochuc.tinh"  # the province's organising board (largest scope)
COMMITTEE = "danguy.xa001"  # the first commune's committee office
PROVINCE_CODE = "SYN"
ID_PROVINCE = "019"  # citizen-ID province digits of the generated people

# Share of cases by the stage they reached (what a province's five years look like).
CASE_MIX = [
    (Stage.OFFICIAL, 55),
    (Stage.PROBATION, 8),
    (Stage.RECOGNITION_PROPOSED, 1),
    (Stage.REMOVED, 1),
    (Stage.WITHDRAWN, 5),
    (Stage.NOT_ADMITTED, 3),
    (Stage.SOURCE, 8),
    (Stage.AWARENESS, 5),
    (Stage.DOSSIER, 5),
    (Stage.BRANCH_RESOLVED, 3),
    (Stage.COMMITTEE_RESOLVED, 2),
    (Stage.SUBMITTED, 2),
    (Stage.DECIDED, 2),
]
# Branch types of a commune and their relative member weight; villages are the many.
BRANCH_MIX = [
    (BranchType.VILLAGE, 14, 5),
    (BranchType.SCHOOL, 2, 2),
    (BranchType.POLICE, 1, 2),
    (BranchType.HEALTH, 1, 2),
    (BranchType.AGENCY, 2, 3),
]
OCCUPATION = {
    BranchType.VILLAGE: None,
    BranchType.SCHOOL: Occupation.PUBLIC_EMPLOYEE,
    BranchType.POLICE: Occupation.ARMED_FORCES,
    BranchType.HEALTH: Occupation.PUBLIC_EMPLOYEE,
    BranchType.AGENCY: Occupation.CIVIL_SERVANT,
}
ETHNICITIES = ("01", "01", "02", "02", "09", "08", "07")


@dataclass(frozen=True)
class Size:
    """How big: the province of issue 8 by default, or scaled to a member count."""

    members: int = 150_000
    branches: int = 2_000
    communes: int = 100
    cases: int = 20_000

    @classmethod
    def for_members(cls, members: int) -> "Size":
        branches = max(20, members * 2_000 // 150_000)
        return cls(
            members=members,
            branches=branches,
            communes=max(2, branches // 20),
            cases=max(40, members * 20_000 // 150_000),
        )


@dataclass
class Province:
    root: Unit
    communes: list[Unit]
    branches: list[Unit]
    organizer: User
    committee: User


class Generator:
    def __init__(self, size: Size, seed: int, today: date):
        self.size, self.today = size, today
        self.rng = random.Random(seed)
        self.factory = PersonFactory(self.rng, ID_PROVINCE)
        self.homes: dict[int, Village] = {}

    # --- tree ---------------------------------------------------------------------------
    def tree(self) -> tuple[Unit, list[Unit], list[Unit]]:
        """Province, communes and branches with materialised paths computed here (one insert
        per level instead of treebeard's per-node add_child)."""
        path = Unit._get_path
        root = Unit(
            code=PROVINCE_CODE,
            name="Đảng bộ tỉnh Thái Sơn",
            kind=UnitKind.PROVINCE,
            path=path(None, 1, 1),
            depth=1,
            numchild=self.size.communes,
            valid_from=FOUNDED,
        )
        root.save()
        per_commune = _shares(self.size.branches, [1] * self.size.communes)
        communes = Unit.objects.bulk_create(
            Unit(
                code=f"{PROVINCE_CODE}.X{c + 1:03d}",
                name=f"Đảng bộ xã {self.factory.name('M').split()[-1]} {c + 1}",
                kind=UnitKind.GRASSROOTS_COMMITTEE,
                path=path(root.path, 2, c + 1),
                depth=2,
                numchild=count,
                valid_from=FOUNDED,
            )
            for c, count in enumerate(per_commune)
        )
        branches = []
        for commune, count in zip(communes, per_commune, strict=True):
            types = self._branch_types(count)
            for b, branch_type in enumerate(types):
                branches.append(
                    Unit(
                        code=f"{commune.code}.{b + 1:03d}",
                        name=f"Chi bộ {branch_type.label} {b + 1}",
                        kind=UnitKind.BRANCH,
                        branch_type=branch_type,
                        path=path(commune.path, 3, b + 1),
                        depth=3,
                        valid_from=FOUNDED,
                    )
                )
        branches = Unit.objects.bulk_create(branches, batch_size=500)
        self._villages(branches)
        return root, communes, branches

    def _branch_types(self, count: int) -> list[str]:
        kinds = [kind for kind, share, _ in BRANCH_MIX for _ in range(share)]
        return [kinds[i % len(kinds)] for i in range(count)]

    def _villages(self, branches: list[Unit]) -> None:
        """One village per village branch; one in six is merged and serves two or three."""
        villages = []
        for branch in branches:
            if branch.branch_type != BranchType.VILLAGE:
                continue
            served = self.rng.choice([2, 3]) if self.rng.random() < 1 / 6 else 1
            for n in range(served):
                villages.append(
                    Village(name=f"Thôn {branch.code}-{n + 1}", kind=VillageKind.THON, branch=branch)
                )
        villages = Village.objects.bulk_create(villages, batch_size=1000)
        VillageAssignment.objects.bulk_create(
            (VillageAssignment(village=v, branch_id=v.branch_id, valid_from=FOUNDED) for v in villages),
            batch_size=1000,
        )
        for village in villages:
            self.homes.setdefault(village.branch_id, village)

    # --- people -------------------------------------------------------------------------
    def person(self, branch: Unit, on: date, age=(18, 45)) -> Person:
        return self.factory.person(
            branch,
            on=on,
            village=self.homes.get(branch.pk),
            occupation=OCCUPATION[branch.branch_type],
            ethnicities=ETHNICITIES,
            religion_share=0.05,
            age=age,
        )

    def members(self, branches: list[Unit], count: int) -> dict[int, list[PartyMember]]:
        """Members who joined before the five years of cases; a few left or moved since.

        Returns the official members by branch (the introducers of the cases)."""
        weights = [dict((k, w) for k, _, w in BRANCH_MIX)[b.branch_type] for b in branches]
        people, starts = [], []
        for branch, n in zip(branches, _shares(count, weights), strict=True):
            for _ in range(n):
                admitted = self.today - timedelta(days=365 * 5 + self.rng.randint(30, 365 * 40))
                people.append(self.person(branch, admitted))
                starts.append((branch, admitted))
        Person.objects.bulk_create(people, batch_size=1000)
        members = [
            PartyMember(
                person=p,
                branch=b,
                status=MemberStatus.OFFICIAL,
                admitted_on=d,
                official_on=add_months(d, 12),
            )
            for p, (b, d) in zip(people, starts, strict=True)
        ]
        events = []
        siblings = _siblings(branches)
        for member in members:
            events += _joined(member)
            roll = self.rng.random()
            if roll < 0.03:  # died or moved out of the province
                day = self.today - timedelta(days=self.rng.randint(10, 365 * 5))
                kind = MemberEventKind.DIED if roll < 0.015 else MemberEventKind.TRANSFERRED_OUT
                member.status, member.left_on = MemberStatus.LEFT, day
                events.append(_event(member, kind, day, member.branch, MemberStatus.LEFT))
            elif roll < 0.05:  # moved to another branch of the commune
                day = self.today - timedelta(days=self.rng.randint(10, 365 * 5))
                member.branch = self.rng.choice(siblings[member.branch.pk])
                events.append(_event(member, MemberEventKind.TRANSFERRED, day, member.branch, member.status))
        PartyMember.objects.bulk_create(members, batch_size=1000)
        MemberEvent.objects.bulk_create(events, batch_size=2000)
        officials: dict[int, list[PartyMember]] = {}
        for member in members:
            if member.status == MemberStatus.OFFICIAL:
                officials.setdefault(member.branch_id, []).append(member)
        return officials

    # --- cases --------------------------------------------------------------------------
    def cases(self, branches: list[Unit], officials: dict[int, list[PartyMember]]) -> int:
        """Cases of the last five years at every stage; members made for those admitted.

        Returns the number of members admitted through a case."""
        writer = CaseWriter(self.rng, self.today)
        stages = [s for s, share in CASE_MIX for _ in range(share)]
        plans = []
        for n in range(self.size.cases):
            stage = stages[n % len(stages)]
            branch = self.rng.choice(branches)
            plans.append((branch, stage, self._reached_on(stage)))
        people = [self.person(b, on, age=(18, 32)) for b, _, on in plans]
        Person.objects.bulk_create(people, batch_size=1000)
        members = {}
        for person, (branch, stage, on) in zip(people, plans, strict=True):
            if stage in (*MEMBER_STAGES, Stage.OFFICIAL):
                members[person.pk] = _admitted(person, branch, stage, on)
        PartyMember.objects.bulk_create(members.values(), batch_size=1000)
        MemberEvent.objects.bulk_create(
            [e for m in members.values() for e in _admission_events(m)], batch_size=2000
        )
        for person, (branch, stage, on) in zip(people, plans, strict=True):
            member = members.get(person.pk)
            anchor = Stage.PROBATION if member else None
            reason = {
                Stage.WITHDRAWN: "Đi làm ăn xa",
                Stage.NOT_ADMITTED: "Chưa đủ tiêu chuẩn",
                Stage.REMOVED: "Vi phạm tư cách đảng viên",
            }.get(stage, "")
            writer.path(person, branch, until=stage, on=on, anchor=anchor, member=member, reason=reason)
        writer.save()
        self._checklist(writer, officials)
        return len(members)

    def _reached_on(self, stage: Stage) -> date:
        """The date of the step the case is dated by (the ceremony for members), so that
        every later step (recognition after 12 months) is already in the past."""
        t, r = self.today, self.rng.randint
        if stage == Stage.OFFICIAL:
            return add_months(t, -13) - timedelta(days=r(60, 365 * 4 - 60))
        if stage == Stage.PROBATION:
            return t - timedelta(days=r(10, 330))
        if stage == Stage.RECOGNITION_PROPOSED:
            return add_months(t, -12) - timedelta(days=r(12, 25))
        if stage == Stage.REMOVED:
            return t - timedelta(days=r(130, 365 * 4))
        if stage in (Stage.WITHDRAWN, Stage.NOT_ADMITTED):
            return t - timedelta(days=r(5, 365 * 4))
        return t - timedelta(days=r(3, 60))

    def _checklist(self, writer: CaseWriter, officials: dict[int, list[PartyMember]]) -> None:
        """Relatives verified and two official members of the branch introducing, for the
        cases past the dossier (the branch resolution needs them), dated before the meeting."""
        relatives, introductions = [], []
        for case, events, _ in writer.pending:
            dated = {stage: day for stage, day, _, _ in events}
            if Stage.DOSSIER not in dated:
                continue
            opened = dated[Stage.DOSSIER]
            done = Stage.BRANCH_RESOLVED in dated
            for relation, name in (
                (Relation.SELF, case.person.full_name),
                (Relation.FATHER, "Cha"),
                (Relation.MOTHER, "Mẹ"),
            ):
                relatives.append(
                    RelativeVerification(
                        case=case,
                        relation=relation,
                        name=name if relation == Relation.SELF else f"{name} của {case.person.full_name}",
                        verified_on=opened + timedelta(days=30) if done else None,
                        conclusion="Lịch sử chính trị rõ ràng, chấp hành tốt chủ trương, pháp luật."
                        if done
                        else "",
                    )
                )
            pool = officials.get(case.branch_id, [])
            if done and len(pool) >= 2:
                for introducer in self.rng.sample(pool, 2):
                    introductions.append(
                        Introduction(
                            case=case,
                            introducer=introducer,
                            date=opened + timedelta(days=10),
                            relationship="Cùng cư trú tại thôn",
                            months_together=self.rng.randint(12, 60),
                        )
                    )
        RelativeVerification.objects.bulk_create(relatives, batch_size=2000)
        Introduction.objects.bulk_create(introductions, batch_size=2000)


def _shares(total: int, weights: list[int]) -> list[int]:
    """`total` split in proportion to `weights`, summing exactly (largest remainder)."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    shares = [int(x) for x in raw]
    for i in sorted(range(len(raw)), key=lambda i: shares[i] - raw[i])[: total - sum(shares)]:
        shares[i] += 1
    return shares


def _siblings(branches: list[Unit]) -> dict[int, list[Unit]]:
    by_commune: dict[str, list[Unit]] = {}
    for branch in branches:
        by_commune.setdefault(branch.path[:-4], []).append(branch)
    return {b.pk: [o for o in by_commune[b.path[:-4]] if o.pk != b.pk] or [b] for b in branches}


def _event(member, kind, day, branch, status) -> MemberEvent:
    return MemberEvent(member=member, kind=kind, date=day, branch=branch, status_after=status)


def _joined(member: PartyMember) -> list[MemberEvent]:
    return [
        _event(
            member, MemberEventKind.ADMITTED, member.admitted_on, member.branch, MemberStatus.PROBATIONARY
        ),
        _event(member, MemberEventKind.RECOGNISED, member.official_on, member.branch, MemberStatus.OFFICIAL),
    ]


def _admitted(person, branch, stage: Stage, ceremony: date) -> PartyMember:
    member = PartyMember(person=person, branch=branch, admitted_on=ceremony, status=MemberStatus.PROBATIONARY)
    if stage == Stage.OFFICIAL:
        member.status, member.official_on = MemberStatus.OFFICIAL, add_months(ceremony, 12)
    elif stage == Stage.REMOVED:
        member.status, member.left_on = MemberStatus.LEFT, ceremony + REMOVED_AFTER
    return member


def _admission_events(member: PartyMember) -> list[MemberEvent]:
    events = [_joined(member)[0]]
    if member.official_on:
        events.append(_joined(member)[1])
    if member.left_on:
        events.append(
            _event(member, MemberEventKind.REMOVED, member.left_on, member.branch, MemberStatus.LEFT)
        )
    return events


@transaction.atomic
def build(size: Size = Size(), seed: int = 2026, today: date | None = None) -> Province:
    """Load the province into the current database (expected empty of other data)."""
    gen = Generator(size, seed, today or timezone.localdate())
    root, communes, branches = gen.tree()
    admitted = sum(share for stage, share in CASE_MIX if stage in (*MEMBER_STAGES, Stage.OFFICIAL))
    by_case = size.cases * admitted // sum(share for _, share in CASE_MIX)
    officials = gen.members(branches, max(0, size.members - by_case))
    gen.cases(branches, officials)
    adoption.set_ptdv_since(root, gen.today)
    organizer = User.objects.create(username=ORGANIZER, role=Role.ORGANIZER, unit=root)
    committee = User.objects.create(username=COMMITTEE, role=Role.COMMITTEE, unit=communes[0])
    for user in (organizer, committee):
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return Province(root, communes, branches, organizer, committee)
