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
from ptdv.bench.loader import Loader
from ptdv.cases import derived
from ptdv.cases.models import Case, CaseEvent, DossierDocument, Introduction, Relation, RelativeVerification
from ptdv.demo.cases import MEMBER_STAGES, REMOVED_AFTER, CaseWriter
from ptdv.demo.people import PersonFactory
from ptdv.org import adoption
from ptdv.org.models import BranchType, Unit, UnitKind, Village, VillageAssignment, VillageKind
from ptdv.people import summaries
from ptdv.people.choices import MemberEventKind, MemberStatus, Occupation
from ptdv.people.models import MemberEvent, NameWord, PartyMember, Person
from ptdv.people.search import tails
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
BRANCH_NAME = {
    BranchType.VILLAGE: "thôn",
    BranchType.SCHOOL: "trường",
    BranchType.POLICE: "công an xã",
    BranchType.HEALTH: "trạm y tế",
    BranchType.AGENCY: "cơ quan",
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
        mix = [stage for stage, share in CASE_MIX for _ in range(share)]
        self.case_stages = [mix[n % len(mix)] for n in range(size.cases)]

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
                        name=f"Chi bộ {BRANCH_NAME[branch_type]} {b + 1}",
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
    def people(self, plans: list[tuple[Unit, date, tuple]]) -> list[Person]:
        """Persons of (branch, the day they joined or reached their stage, age range), loaded
        with their name-search words."""
        people = [
            self.factory.person(
                branch,
                on=on,
                village=self.homes.get(branch.pk),
                occupation=OCCUPATION[branch.branch_type],
                ethnicities=ETHNICITIES,
                religion_share=0.05,
                age=age,
            )
            for branch, on, age in plans
        ]
        for person, pk in zip(people, self.load.ids(Person, len(people)), strict=True):
            person.pk = person.id = pk
        self.load.insert(Person, [_columns(p) for p in people])
        words = [(p.pk, t) for p in people for t in tails(p.search_name)]
        ids = self.load.ids(NameWord, len(words))
        self.load.insert(
            NameWord, [{"id": i, "person_id": pk, "tail": t} for i, (pk, t) in zip(ids, words, strict=True)]
        )
        return people

    def member(self, person, branch, admitted, status, official_on=None, left_on=None) -> dict:
        return {
            "person_id": person.pk,
            "branch_id": branch.pk,
            "status": status,
            "admitted_on": admitted,
            "official_on": official_on,
            "left_on": left_on,
        }

    def save_members(self, members: list[dict], events: list[list[tuple]]) -> None:
        """Members and their (kind, date, branch id, status after) events, in date order."""
        for member, pk in zip(members, self.load.ids(PartyMember, len(members)), strict=True):
            member["id"] = pk
        self.load.insert(PartyMember, members)
        rows = [
            {"member_id": m["id"], "kind": k, "date": d, "branch_id": b, "status_after": st}
            for m, own in zip(members, events, strict=True)
            for k, d, b, st in own
        ]
        for row, pk in zip(rows, self.load.ids(MemberEvent, len(rows)), strict=True):
            row["id"] = pk
        self.load.insert(MemberEvent, rows)

    def members(self, branches: list[Unit], count: int) -> dict[int, list[int]]:
        """Members who joined before the five years of cases; a few left or moved since.

        Returns the ids of the official members by branch (the introducers of the cases)."""
        weights = [dict((k, w) for k, _, w in BRANCH_MIX)[b.branch_type] for b in branches]
        plans = []
        for branch, n in zip(branches, _shares(count, weights), strict=True):
            for _ in range(n):
                admitted = self.today - timedelta(days=365 * 5 + self.rng.randint(30, 365 * 40))
                plans.append((branch, admitted, (18, 45)))
        people = self.people(plans)
        siblings = _siblings(branches)
        members, events = [], []
        for person, (branch, admitted, _) in zip(people, plans, strict=True):
            official = add_months(admitted, 12)
            member = self.member(person, branch, admitted, MemberStatus.OFFICIAL, official_on=official)
            own = _joined(branch.pk, admitted, official)
            roll = self.rng.random()
            day = self.today - timedelta(days=self.rng.randint(10, 365 * 5))
            if roll < 0.03:  # died or moved out of the province
                kind = MemberEventKind.DIED if roll < 0.015 else MemberEventKind.TRANSFERRED_OUT
                member.update(status=MemberStatus.LEFT, left_on=day)
                own.append((kind, day, branch.pk, MemberStatus.LEFT))
            elif roll < 0.05:  # moved to another branch of the commune
                member["branch_id"] = self.rng.choice(siblings[branch.pk]).pk
                own.append((MemberEventKind.TRANSFERRED, day, member["branch_id"], MemberStatus.OFFICIAL))
            members.append(member)
            events.append(own)
        self.save_members(members, events)
        officials: dict[int, list[int]] = {}
        for member in members:
            if member["status"] == MemberStatus.OFFICIAL:
                officials.setdefault(member["branch_id"], []).append(member["id"])
        return officials

    # --- cases --------------------------------------------------------------------------
    def cases(self, branches: list[Unit], officials: dict[int, list[int]]) -> None:
        """Cases of the last five years at every stage; members made for those admitted."""
        writer = CaseWriter(self.rng, self.today)
        plans = [(self.rng.choice(branches), self._reached_on(s), (18, 32), s) for s in self.case_stages]
        people = self.people([plan[:3] for plan in plans])
        members, events, admitted = [], [], {}
        for person, (branch, on, _, stage) in zip(people, plans, strict=True):
            if stage in (*MEMBER_STAGES, Stage.OFFICIAL):
                member, own = _admitted(person, branch, stage, on)
                admitted[person.pk] = member
                members.append(member)
                events.append(own)
        self.save_members(members, events)
        for person, (branch, on, _, stage) in zip(people, plans, strict=True):
            member = admitted.get(person.pk)
            reason = {
                Stage.WITHDRAWN: "Đi làm ăn xa",
                Stage.NOT_ADMITTED: "Chưa đủ tiêu chuẩn",
                Stage.REMOVED: "Vi phạm tư cách đảng viên",
            }.get(stage, "")
            case = writer.path(
                person, branch, until=stage, on=on, anchor=Stage.PROBATION if member else None, reason=reason
            )
            case.member_id = member["id"] if member else None
        self.save_cases(writer, officials)

    def save_cases(self, writer: CaseWriter, officials: dict[int, list[int]]) -> None:
        """The writer's cases, events and documents, and the checklist records of each."""
        cases = [case for case, _, _ in writer.pending]
        for case, pk in zip(cases, self.load.ids(Case, len(cases)), strict=True):
            case.pk = case.id = pk
        self.load.insert(Case, [_columns(c) for c in cases])
        events = [
            {"case_id": c.pk, "stage": st, "date": d, "data": data, "reason": reason}
            for c, own, _ in writer.pending
            for st, d, data, reason in own
        ]
        documents = [
            {"case_id": c.pk, "kind": k, "date": d} for c, _, docs in writer.pending for k, d in docs
        ]
        relatives, introductions = self._checklist(writer, officials)
        for model, rows in (
            (CaseEvent, events),
            (DossierDocument, documents),
            (RelativeVerification, relatives),
            (Introduction, introductions),
        ):
            for row, pk in zip(rows, self.load.ids(model, len(rows)), strict=True):
                row["id"] = pk
            self.load.insert(model, rows)

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

    def _checklist(self, writer: CaseWriter, officials: dict[int, list[int]]) -> tuple[list, list]:
        """Relatives verified and two official members of the branch introducing, for the
        cases past the dossier (the branch resolution needs them), dated before the meeting."""
        relatives, introductions = [], []
        for case, events, _ in writer.pending:
            dated = {stage: day for stage, day, _, _ in events}
            if Stage.DOSSIER not in dated:
                continue
            opened = dated[Stage.DOSSIER]
            done = Stage.BRANCH_RESOLVED in dated
            name = case.person.full_name
            for relation, who in (
                (Relation.SELF, name),
                (Relation.FATHER, f"Cha của {name}"),
                (Relation.MOTHER, f"Mẹ của {name}"),
            ):
                relatives.append(
                    {
                        "case_id": case.pk,
                        "relation": relation,
                        "name": who,
                        "verified_on": opened + timedelta(days=30) if done else None,
                        "conclusion": VERIFIED if done else "",
                    }
                )
            pool = officials.get(case.branch_id, [])
            if done and len(pool) >= 2:
                for introducer in self.rng.sample(pool, 2):
                    introductions.append(
                        {
                            "case_id": case.pk,
                            "introducer_id": introducer,
                            "date": opened + timedelta(days=10),
                            "relationship": "Cùng cư trú tại thôn",
                            "months_together": self.rng.randint(12, 60),
                        }
                    )
        return relatives, introductions


VERIFIED = "Lịch sử chính trị rõ ràng, chấp hành tốt chủ trương của Đảng, pháp luật của Nhà nước."


def _columns(instance) -> dict:
    """An unsaved model instance's attribute values (what Loader.insert takes)."""
    return {k: v for k, v in vars(instance).items() if not k.startswith("_")}


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


def _joined(branch_id: int, admitted: date, official: date | None) -> list[tuple]:
    events = [(MemberEventKind.ADMITTED, admitted, branch_id, MemberStatus.PROBATIONARY)]
    if official:
        events.append((MemberEventKind.RECOGNISED, official, branch_id, MemberStatus.OFFICIAL))
    return events


def _admitted(person, branch, stage: Stage, ceremony: date) -> tuple[dict, list[tuple]]:
    """The member a case admitted on `ceremony`, and their events up to the case's stage."""
    official = add_months(ceremony, 12) if stage == Stage.OFFICIAL else None
    status = MemberStatus.OFFICIAL if official else MemberStatus.PROBATIONARY
    member = {"person_id": person.pk, "branch_id": branch.pk, "status": status}
    member.update(admitted_on=ceremony, official_on=official, left_on=None)
    events = _joined(branch.pk, ceremony, official)
    if stage == Stage.REMOVED:
        member.update(status=MemberStatus.LEFT, left_on=ceremony + REMOVED_AFTER)
        events.append((MemberEventKind.REMOVED, ceremony + REMOVED_AFTER, branch.pk, MemberStatus.LEFT))
    return member, events


def keep() -> None:
    """The kept state the services would have written row by row, rebuilt from the loaded
    events: member summaries and dated placements, case deadlines and findings."""
    summaries.rebuild()
    derived.rebuild()


def province(size: Size = Size(), seed: int = 2026) -> Province:
    """A consistent province: loaded, its kept state rebuilt."""
    loaded = build(size, seed)
    keep()
    return loaded


@transaction.atomic
def build(size: Size = Size(), seed: int = 2026, today: date | None = None) -> Province:
    """Load the province's rows (the kept state is left to `keep`)."""
    gen = Generator(size, seed, today or timezone.localdate())
    gen.load = Loader()
    root, communes, branches = gen.tree()
    by_case = sum(1 for stage in gen.case_stages if stage in (*MEMBER_STAGES, Stage.OFFICIAL))
    officials = gen.members(branches, max(0, size.members - by_case))
    gen.cases(branches, officials)
    gen.load.finish()
    adoption.set_ptdv_since(root, gen.today)
    organizer = User.objects.create(username=ORGANIZER, role=Role.ORGANIZER, unit=root)
    committee = User.objects.create(username=COMMITTEE, role=Role.COMMITTEE, unit=communes[0])
    for user in (organizer, committee):
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return Province(root, communes, branches, organizer, committee)
