"""Báo cáo cơ cấu tổ chức: branches by type, merged branches and the villages sharing them,
villages without members, branches with too few official members, and which villages could
form a branch of their own (≥ 3 official members living there, Điều lệ Đảng Điều 21) — all as
the tree stood on a day.

The tree on that day is read with ptdv.org.lineage (one query per level of the tree);
branch member counts are the kept totals and residents the kept standings
(ptdv.people.summaries); villages and open cases come from dated rows (village assignments,
case events) in one grouped query each.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from ptdv.cases.models import OPEN_STAGES, Case
from ptdv.org import lineage
from ptdv.org.models import GRASSROOTS_KINDS, BranchType, Unit, VillageAssignment
from ptdv.people import summaries
from ptdv.people.choices import MemberStatus
from ptdv.people.models import MemberStanding
from ptdv.regulation import format_vn
from ptdv.reports.cases import last_stage
from ptdv.reports.layout import Chart, Layout, Table
from ptdv.reports.units import UnitRef

# A branch needs at least this many official members to function and to vote (Điều 21).
BRANCH_MINIMUM = 3


@dataclass
class VillageRow:
    id: int
    name: str
    branch: str
    shares_branch: bool
    official_members: int
    members: int
    open_cases: int

    @property
    def lacking(self) -> int:
        """Official members still missing for a branch of its own."""
        return max(0, BRANCH_MINIMUM - self.official_members)


@dataclass
class BranchRow:
    unit: UnitRef
    branch_type: str
    grassroots: str
    official: int
    probationary: int
    villages: list[str] = field(default_factory=list)


@dataclass
class Structure:
    unit: UnitRef
    as_of: date
    predecessors: bool
    few_members: int
    grassroots_organisations: int
    branches_by_type: dict[str, int]
    branches: list[BranchRow]
    villages: list[VillageRow]

    @property
    def merged_branches(self) -> list[BranchRow]:
        """Chi bộ sinh hoạt ghép: branches serving two or more villages."""
        return [b for b in self.branches if len(b.villages) >= 2]

    @property
    def villages_sharing_a_branch(self) -> list[str]:
        return [v for b in self.merged_branches for v in b.villages]

    @property
    def villages_without_members(self) -> list[str]:
        return [v.name for v in self.villages if v.members == 0]

    @property
    def below_minimum(self) -> list[BranchRow]:
        return [b for b in self.branches if b.official < BRANCH_MINIMUM]

    @property
    def few_member_branches(self) -> list[BranchRow]:
        return [b for b in self.branches if b.official < self.few_members]

    @property
    def could_form_a_branch(self) -> list[VillageRow]:
        """Villages sharing a branch with ≥ 3 official members living there."""
        return [v for v in self.villages if v.shares_branch and v.lacking == 0]

    @property
    def not_yet_able(self) -> list[VillageRow]:
        """Villages sharing a branch that lack official members for one of their own."""
        return [v for v in self.villages if v.shares_branch and v.lacking > 0]


def _tree_on(roots: list[Unit], on: date) -> tuple[list[Unit], dict[int, Unit], int]:
    """(branches, {branch id: its grassroots organisation}, number of grassroots organisations)
    of the subtrees as they stood on `on`."""
    below = lineage.tree_on(roots, on)
    branches, grassroots_of, grassroots = [], {}, []
    level = [(root, root if root.is_grassroots else None) for root in roots]
    while level:
        following = []
        for unit, top in level:
            if unit.is_branch:
                branches.append(unit)
                grassroots_of[unit.id] = top or unit
                continue
            if unit.kind in GRASSROOTS_KINDS:
                grassroots.append(unit)
            following += [(child, child if child.is_grassroots else top) for child in below[unit.id]]
        level = following
    grassroots += [b for b in branches if b.is_grassroots]
    return branches, grassroots_of, len({g.id for g in grassroots})


def _residents(village_ids, on: date) -> tuple[Counter, Counter]:
    """(official members, all members) living in each village on `on`: the kept standings
    (ptdv.people.summaries) in force that day, one grouped query."""
    rows = (
        MemberStanding.objects.filter(member__person__village_id__in=village_ids, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
        .values("member__person__village_id", "status")
        .annotate(n=Count("id"))
        .order_by()
    )
    official, members = Counter(), Counter()
    for row in rows:
        village = row["member__person__village_id"]
        members[village] += row["n"]
        if row["status"] == MemberStatus.OFFICIAL:
            official[village] += row["n"]
    return official, members


def _open_cases(village_ids, on: date) -> Counter:
    """Open cases of people living in each village on `on` (by their last move by then)."""
    cases = Case.objects.filter(person__village_id__in=village_ids).annotate(stage_then=last_stage(on))
    rows = (
        cases.filter(stage_then__in=OPEN_STAGES)
        .values("person__village_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return Counter({row["person__village_id"]: row["n"] for row in rows})


def build(unit: Unit, on: date, *, predecessors: bool = True) -> Structure:
    roots = [unit]
    if predecessors:
        roots = [u for u in lineage.units_with_predecessors(unit) if u.active_on(on)] or [unit]
    branches, grassroots_of, grassroots_count = _tree_on(roots, on)
    counts = summaries.branch_totals([b.id for b in branches], on)
    assignments = (
        VillageAssignment.objects.filter(branch_id__in=[b.id for b in branches], valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gt=on))
        .select_related("village")
        .order_by("village__name")
    )
    villages_of, branch_name, village_ids = defaultdict(list), {b.id: b.name for b in branches}, {}
    for a in assignments:
        villages_of[a.branch_id].append(a.village.name)
        village_ids[a.village_id] = (a.village.name, a.branch_id)
    official, members = _residents(list(village_ids), on)
    cases = _open_cases(list(village_ids), on)
    empty = summaries.Totals()
    rows = [
        BranchRow(
            unit=UnitRef.of(b),
            branch_type=b.branch_type,
            grassroots=grassroots_of[b.id].name,
            official=counts.get(b.id, empty).official,
            probationary=counts.get(b.id, empty).probationary,
            villages=villages_of[b.id],
        )
        for b in branches
    ]
    return Structure(
        unit=UnitRef.of(unit),
        as_of=on,
        predecessors=predecessors,
        few_members=settings.PTDV_FEW_MEMBERS,
        grassroots_organisations=grassroots_count,
        branches_by_type=dict(Counter(b.branch_type for b in branches)),
        branches=rows,
        villages=[
            VillageRow(
                pk,
                name,
                branch_name[branch],
                len(villages_of[branch]) >= 2,
                official[pk],
                members[pk],
                cases[pk],
            )
            for pk, (name, branch) in village_ids.items()
        ],
    )


def _type_label(code: str) -> str:
    return str(BranchType(code).label) if code in BranchType.values else code


def layout(report: Structure) -> Layout:
    facts = [(_("Tổ chức cơ sở đảng"), report.grassroots_organisations), (_("Chi bộ"), len(report.branches))]
    facts += [
        (_("Chi bộ %(type)s") % {"type": _type_label(code).lower()}, n)
        for code, n in sorted(report.branches_by_type.items())
    ]
    facts += [
        (_("Chi bộ sinh hoạt ghép"), len(report.merged_branches)),
        (_("Thôn sinh hoạt chi bộ ghép"), len(report.villages_sharing_a_branch)),
        (_("Thôn chưa có đảng viên"), len(report.villages_without_members)),
        (_("Chi bộ dưới 3 đảng viên chính thức"), len(report.below_minimum)),
        (
            _("Chi bộ ít đảng viên (dưới %(n)s đảng viên chính thức)") % {"n": report.few_members},
            len(report.few_member_branches),
        ),
        (_("Thôn đủ điều kiện thành lập chi bộ riêng"), len(report.could_form_a_branch)),
    ]
    branch_headers = [_("Chi bộ"), _("Trực thuộc"), _("Đảng viên chính thức")]
    tables = [
        Table(
            _("Chi bộ sinh hoạt ghép"),
            [_("Chi bộ"), _("Trực thuộc"), _("Các thôn sinh hoạt chung")],
            [[b.unit.name, b.grassroots, ", ".join(b.villages)] for b in report.merged_branches],
        ),
        Table(_("Thôn chưa có đảng viên"), [_("Thôn")], [[name] for name in report.villages_without_members]),
        Table(
            _("Chi bộ dưới 3 đảng viên chính thức"),
            branch_headers,
            [[b.unit.name, b.grassroots, b.official] for b in report.below_minimum],
        ),
        Table(
            _("Chi bộ ít đảng viên"),
            branch_headers,
            [[b.unit.name, b.grassroots, b.official] for b in report.few_member_branches],
        ),
        Table(
            _("Thôn đủ điều kiện thành lập chi bộ riêng"),
            [_("Thôn"), _("Chi bộ đang sinh hoạt"), _("Đảng viên chính thức cư trú")],
            [[v.name, v.branch, v.official_members] for v in report.could_form_a_branch],
        ),
        Table(
            _("Thôn chưa đủ điều kiện thành lập chi bộ riêng"),
            [
                _("Thôn"),
                _("Chi bộ đang sinh hoạt"),
                _("Đảng viên chính thức"),
                _("Còn thiếu"),
                _("Hồ sơ đang phát triển"),
            ],
            [[v.name, v.branch, v.official_members, v.lacking, v.open_cases] for v in report.not_yet_able],
        ),
    ]
    types = sorted(report.branches_by_type.items())
    chart = Chart(
        _("Chi bộ theo loại"),
        [_type_label(code) for code, _n in types],
        [{"label": _("Số chi bộ"), "data": [n for _code, n in types]}],
    )
    return Layout(
        _("Báo cáo cơ cấu tổ chức đảng"),
        report.unit.name,
        _("Tại ngày %(day)s") % {"day": format_vn(report.as_of)},
        facts,
        tables,
        [chart],
    )
