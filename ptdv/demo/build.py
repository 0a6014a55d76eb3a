"""`ptdv demo`: the demo data set built from the seed articles' figures.

Structure and counts match DOMAIN.md "Figures in the seed articles"; people are generated.
Rows are bulk-created (thousands of members), so the per-row services are not used here:
the events written are exactly those the services would write.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from ptdv.cases import derived
from ptdv.demo import cases as demo_cases
from ptdv.demo import places
from ptdv.demo.classes import june_2023_class
from ptdv.demo.people import PersonFactory
from ptdv.demo.plans import demo_plans
from ptdv.demo.reorganisation import apply_2025
from ptdv.history import record_first_versions
from ptdv.org import adoption
from ptdv.org.models import (
    BranchType,
    DecidingBody,
    Unit,
    UnitKind,
    Village,
    VillageAssignment,
    VillageKind,
)
from ptdv.people import summaries
from ptdv.people.choices import MemberEventKind, MemberStatus, Occupation
from ptdv.people.models import MemberEvent, PartyMember, Person
from ptdv.people.search import index_names
from ptdv.regulation.dates import add_months

FOUNDED = date(2000, 1, 1)
# Members not admitted through a demo case joined before every window the articles count.
BEFORE_WINDOWS = date(2014, 12, 31)


@dataclass
class Plan:
    """What to populate: (branch, member count, village or None, person options)."""

    rows: list = field(default_factory=list)

    def add(self, branch, count, village=None, **options):
        self.rows.append((branch, count, village, options))


class Builder:
    def __init__(self, seed: int = 2023):
        self.rng = random.Random(seed)
        self.codes: set[str] = set()
        self.village_names: set[str] = set()

    # --- tree -------------------------------------------------------------------------
    def unit(self, parent, code, name, kind, branch_type="", deciding_body=DecidingBody.PARENT_STANDING):
        fields = dict(
            code=code,
            name=name,
            kind=kind,
            branch_type=branch_type,
            deciding_body=deciding_body,
            valid_from=FOUNDED,
        )
        return Unit.objects.add_child(parent, fields) if parent else Unit.objects.add_root(fields)

    def village_name(self) -> str:
        while True:
            name = f"{self.rng.choice(places.VILLAGE_PREFIX)} {self.rng.choice(places.VILLAGE_SUFFIX)}"
            if name not in self.village_names:
                self.village_names.add(name)
                return name

    def villages(self, branch, names, kind=VillageKind.THON):
        created = Village.objects.bulk_create(Village(name=n, kind=kind, branch=branch) for n in names)
        VillageAssignment.objects.bulk_create(
            VillageAssignment(village=v, branch=branch, valid_from=FOUNDED) for v in created
        )
        self.village_names.update(names)
        return created

    # --- Pác Nặm ------------------------------------------------------------------------
    def pac_nam(self, plan: Plan):
        province = self.unit(None, "BK", "Đảng bộ tỉnh Bắc Kạn", UnitKind.PROVINCE)
        district = self.unit(province, "BK.PN", "Đảng bộ huyện Pác Nặm", UnitKind.DISTRICT)
        people = dict(ethnicities=("02", "02", "09", "08", "07"))
        for c_index, (commune_name, village_branches, merged) in enumerate(places.PAC_NAM_COMMUNES):
            code = f"BK.PN.X{c_index + 1:02d}"
            commune = self.unit(district, code, f"Đảng bộ xã {commune_name}", UnitKind.GRASSROOTS_COMMITTEE)
            cong_bang = commune_name == "Công Bằng"
            names = (
                places.CONG_BANG_VILLAGES
                if cong_bang
                else [self.village_name() for _ in range(village_branches)]
            )
            sizes = merged + [1] * (village_branches - len(merged))
            for b_index, (name, size) in enumerate(zip(names, sizes, strict=True)):
                branch = self.unit(
                    commune,
                    f"{code}.T{b_index + 1:02d}",
                    f"Chi bộ thôn {name}",
                    UnitKind.BRANCH,
                    BranchType.VILLAGE,
                )
                extra = [self.village_name() for _ in range(size - 1)]
                home, *_ = self.villages(branch, [name, *extra])
                count = (
                    places.CONG_BANG_VILLAGE_MEMBERS[b_index]
                    if cong_bang
                    else (self.rng.randint(2, 6) if size > 1 and b_index == 0 else self.rng.randint(14, 24))
                )
                plan.add(branch, count, home, **people)
            schools = (
                places.CONG_BANG_SCHOOLS
                if cong_bang
                else [
                    (f"Trường Tiểu học {commune_name}", self.rng.randint(8, 16)),
                    (f"Trường PTDTBT THCS {commune_name}", self.rng.randint(8, 16)),
                ]
            )
            for s_index, (school, count) in enumerate(schools):
                branch = self.unit(
                    commune, f"{code}.S{s_index + 1}", f"Chi bộ {school}", UnitKind.BRANCH, BranchType.SCHOOL
                )
                plan.add(branch, count, occupation=Occupation.PUBLIC_EMPLOYEE, **people)
            police = self.unit(
                commune, f"{code}.CA", f"Chi bộ Công an xã {commune_name}", UnitKind.BRANCH, BranchType.POLICE
            )
            plan.add(
                police,
                places.CONG_BANG_POLICE_MEMBERS if cong_bang else self.rng.randint(10, 18),
                occupation=Occupation.ARMED_FORCES,
                **people,
            )
        for a_index, (name, branch_type) in enumerate(places.PAC_NAM_AGENCIES):
            branch = self.unit(
                district,
                f"BK.PN.A{a_index + 1:02d}",
                f"Chi bộ {name}",
                UnitKind.GRASSROOTS_BRANCH,
                branch_type,
            )
            occupation = {
                "MILITARY": Occupation.ARMED_FORCES,
                "POLICE": Occupation.ARMED_FORCES,
                "ENTERPRISE": Occupation.OTHER,
            }.get(branch_type, Occupation.CIVIL_SERVANT)
            plan.add(branch, 0, occupation=occupation, **people)
        self._fill_agencies(plan, district, places.PAC_NAM_MEMBERS)

    def _fill_agencies(self, plan: Plan, district, total: int):
        """Share what the villages, schools and police left of `total` among the agencies."""
        mine = [i for i, row in enumerate(plan.rows) if row[0].path.startswith(district.path)]
        agencies = [i for i in mine if plan.rows[i][1] == 0]
        left = total - sum(plan.rows[i][1] for i in mine)
        shares = [left // len(agencies)] * len(agencies)
        shares[0] += left - sum(shares)
        for i, share in zip(agencies, shares, strict=True):
            branch, _, village, options = plan.rows[i]
            plan.rows[i] = (branch, share, village, options)

    # --- Đăk Tô -------------------------------------------------------------------------
    def dak_to(self, plan: Plan):
        province = self.unit(None, "KT", "Đảng bộ tỉnh Kon Tum", UnitKind.PROVINCE)
        district = self.unit(province, "KT.DT", "Đảng bộ huyện Đăk Tô", UnitKind.DISTRICT)
        people = dict(ethnicities=("01", "01", "14", "27"), religion_share=0.12)
        for c_index, (commune_name, villages) in enumerate(places.DAK_TO_COMMUNES):
            code = f"KT.DT.X{c_index + 1:02d}"
            commune = self.unit(district, code, f"Đảng bộ xã {commune_name}", UnitKind.GRASSROOTS_COMMITTEE)
            for v in range(villages):
                name = f"Thôn {v + 1} {commune_name}"
                branch = self.unit(
                    commune,
                    f"{code}.T{v + 1:02d}",
                    f"Chi bộ thôn {v + 1}",
                    UnitKind.BRANCH,
                    BranchType.VILLAGE,
                )
                (home,) = self.villages(branch, [name])
                plan.add(branch, self.rng.randint(12, 22), home, **people)
        town = self.unit(district, "KT.DT.TT", "Đảng bộ thị trấn Đăk Tô", UnitKind.GRASSROOTS_COMMITTEE)
        for g in range(places.DAK_TO_TOWN_GROUPS):
            branch = self.unit(
                town,
                f"KT.DT.TT.{g + 1:02d}",
                f"Chi bộ tổ dân phố {g + 1}",
                UnitKind.BRANCH,
                BranchType.RESIDENTIAL,
            )
            (home,) = self.villages(branch, [f"Tổ dân phố {g + 1} thị trấn Đăk Tô"], VillageKind.TO_DAN_PHO)
            plan.add(branch, self.rng.randint(15, 30), home, occupation=Occupation.OTHER, **people)
        for a_index, (name, branch_type) in enumerate(places.DAK_TO_AGENCIES):
            branch = self.unit(
                district,
                f"KT.DT.A{a_index + 1:02d}",
                f"Chi bộ {name}",
                UnitKind.GRASSROOTS_BRANCH,
                branch_type,
            )
            plan.add(branch, self.rng.randint(20, 40), occupation=Occupation.CIVIL_SERVANT, **people)

    # --- members ------------------------------------------------------------------------
    def members(
        self, plan: Plan, factories: dict[str, PersonFactory], slots
    ) -> list[tuple[PartyMember, date]]:
        """Members of every plan row; those given an admission slot joined through a case.

        Returns (member, ceremony date) of the latter, whose case paths are written next.
        """
        people, starts, admissions = [], [], []
        for index, (branch, count, village, options) in enumerate(plan.rows):
            factory = factories[branch.code.split(".")[0]]
            row_slots = slots.get(index, [])
            for n in range(count):
                slot = row_slots[n] if n < len(row_slots) else None
                admitted = (
                    slot.ceremony if slot else BEFORE_WINDOWS - timedelta(days=self.rng.randint(0, 365 * 35))
                )
                person = factory.person(branch, on=admitted, village=village, **options)
                if slot and slot.youth_union is not None:
                    person.youth_union = slot.youth_union
                people.append(person)
                starts.append((branch, admitted))
                admissions.append(slot)
        Person.objects.bulk_create(people, batch_size=500)
        index_names(people)
        members = PartyMember.objects.bulk_create(
            [
                PartyMember(
                    person=p,
                    branch=b,
                    status=MemberStatus.OFFICIAL,
                    admitted_on=d,
                    official_on=add_months(d, 12),
                )
                for p, (b, d) in zip(people, starts, strict=True)
            ],
            batch_size=500,
        )
        MemberEvent.objects.bulk_create(
            [event for member in members for event in _admitted_and_recognised(member)], batch_size=1000
        )
        return [(m, slot.ceremony) for m, slot in zip(members, admissions, strict=True) if slot]


def _admitted_and_recognised(member: PartyMember) -> list[MemberEvent]:
    common = dict(member=member, branch=member.branch)
    return [
        MemberEvent(
            kind=MemberEventKind.ADMITTED,
            date=member.admitted_on,
            status_after=MemberStatus.PROBATIONARY,
            **common,
        ),
        MemberEvent(
            kind=MemberEventKind.RECOGNISED,
            date=member.official_on,
            status_after=MemberStatus.OFFICIAL,
            **common,
        ),
    ]


def _rooms(plan: Plan, prefix: str, village: bool | None) -> dict[int, int]:
    """Plan rows under `prefix` (village branches, other branches, or all) and how many of
    their members may be recent admissions: half, in branches of at least 8."""
    return {
        i: count // 2
        for i, (branch, count, _, _) in enumerate(plan.rows)
        if branch.code.startswith(prefix)
        and count >= 8
        and (village is None or (branch.branch_type == BranchType.VILLAGE) == village)
    }


@transaction.atomic
def build(seed: int = 2023, *, reorganise: bool = True) -> None:
    """The demo as the articles describe it, then (unless `reorganise` is False) the 1/7/2025
    reorganisation recorded on it through the services (ptdv.demo.reorganisation)."""
    builder = Builder(seed)
    plan = Plan()
    builder.pac_nam(plan)
    builder.dak_to(plan)
    phya_ma = next(i for i, row in enumerate(plan.rows) if row[0].code == "BK.PN.X01.T01")
    cong_bang = {i for i, row in enumerate(plan.rows) if row[0].code.startswith("BK.PN.X01.")}
    slots = demo_cases.pac_nam_admissions(
        builder.rng,
        _rooms(plan, "BK.PN.", village=True),
        _rooms(plan, "BK.PN.", village=False),
        phya_ma,
        cong_bang,
    )
    tan_canh = _rooms(plan, "KT.DT.X01.", village=None)
    slots.update(demo_cases.dak_to_admissions(builder.rng, _rooms(plan, "KT.DT.", village=None), tan_canh))
    factories = {"BK": PersonFactory(builder.rng, "006"), "KT": PersonFactory(builder.rng, "062")}
    admitted = builder.members(plan, factories, slots)
    writer = demo_cases.CaseWriter(builder.rng, timezone.localdate())
    for member, ceremony in admitted:
        writer.admitted(member, ceremony)
    demo_cases.open_cases(writer, plan, factories)
    writer.save()
    june_2023_class()
    demo_plans()
    # Every demo case is historical, its acts all before today: "done on paper" before the
    # demo started using PTĐV, so from today on each act is judged (ptdv.org.adoption).
    for root in Unit.objects.get_root_nodes():
        adoption.set_ptdv_since(root, writer.today)
    record_first_versions()  # bulk_create wrote no history; every row gets its first version
    summaries.rebuild()  # members and events were bulk-created: their kept summaries from the events
    derived.rebuild()  # nor kept deadlines and findings (ptdv.cases.derived)
    if reorganise:
        apply_2025()  # through the services, which keep both kept states in step
