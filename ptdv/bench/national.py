"""The whole country in one PostgreSQL database, for `ptdv bench --scale national`.

Since 2025: 34 provinces, ≈ 3,300 commune committees directly under them, ≈ 52,000 branches,
≈ 5.5 million members. The product has no unit kind above a province, so the country is a
synthetic root ("Toàn quốc", a province-kind unit) holding the 34 provinces: a viewer and an
organizer of that root are the national accounts whose dashboard is measured.

At that size the province loader's way (model instances, then `summaries.rebuild()` reading
every event back) would take hours, so rows are generated here as the text lines of COPY,
branch after branch, a few hundred branches at a time: persons with their name-search words,
members, their events, and the kept rows `summaries.rebuild()` would write from those events
(MemberStanding, Milestone, BranchTotal), computed while the member is generated — the test
(tests/bench/test_national.py) holds them equal to what `rebuild()` writes. Secondary
indexes are dropped for the load and built afterwards (one sorted build instead of an
insert per row). No cases are generated at this scale: the dashboard's pipeline is empty.
"""

import os
import random
import time
from bisect import bisect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import connection
from django.urls import reverse
from django.utils import timezone

from ptdv.accounts.models import Role, User
from ptdv.bench import run as bench_run
from ptdv.bench import synthetic
from ptdv.bench.loader import Loader, _plain
from ptdv.bench.measure import Result, measure, signed_in
from ptdv.bench.pages import MEMBER_COUNT
from ptdv.demo.people import FAMILY, GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M
from ptdv.org import adoption
from ptdv.org.models import Unit, UnitKind, UnitPlacement
from ptdv.people import names
from ptdv.people.choices import KINH, Education, MemberEventKind, MemberStatus, Occupation, Religion
from ptdv.people.models import (
    EDUCATION_COLUMNS,
    BranchTotal,
    MemberEvent,
    MemberStanding,
    Milestone,
    MilestoneKind,
    NameWord,
    PartyMember,
    Person,
)
from ptdv.people.search import tails
from ptdv.people.summary_rows import CATEGORIES, COLUMNS
from ptdv.plans.models import Plan, Quota
from ptdv.regulation import add_months
from ptdv.reports import freshness

VIEWER = "lanhdao.toanquoc"  # a national leader's read-only account
ORGANIZER = "tochuc.toanquoc"  # the national organising commission
CHUNK = 400  # branches generated, then copied, at a time (≈ 40,000 members)
# Shares per 5.5 million members (the 2025 map): 34 provinces, 3,300 communes, 51,665 branches.
MEMBERS, COMMUNES, BRANCHES = 5_500_000, 3_300, 51_665
ADMITTED_RECENTLY = 0.175  # admitted in the last five years (≈ 3.5 % of the party a year)
LEFT = 0.02  # died or moved away since
EDUCATION = [
    (Education.COLLEGE, 45),
    (Education.THPT, 40),
    (Education.THCS, 12),
    (Education.PRIMARY, 2),
    (Education.NONE, 1),
]
VILLAGE_WORK = [(Occupation.FARMER, 60), (Occupation.OTHER, 20), (Occupation.WORKER, 10)]
NULL = r"\N"  # COPY text format
MINORITIES = ("02", "03", "04", "05", "07", "08", "09")


@dataclass(frozen=True)
class Country:
    members: int = MEMBERS
    provinces: int = 34
    communes: int = COMMUNES
    branches: int = BRANCHES

    @classmethod
    def for_members(cls, members: int) -> "Country":
        """The 2025 map scaled to `members`: as many members per branch and branches per commune."""
        communes = max(2, round(members * COMMUNES / MEMBERS))
        return cls(
            members=members,
            provinces=min(34, communes),
            communes=communes,
            branches=max(2 * communes, round(members * BRANCHES / MEMBERS)),
        )


@dataclass
class National:
    root: Unit
    provinces: list[Unit]
    viewer: User
    organizer: User
    plan: Plan


class Table:
    """One table loaded by COPY in text format: the columns the generator writes, then every
    other column with the model's default (one constant tail), so a column added by a later
    migration still loads."""

    def __init__(self, model, given: tuple[str, ...], loader: Loader):
        fields = model._meta.concrete_fields
        rest = [f for f in fields if f.attname not in given]
        quote = connection.ops.quote_name
        columns = [*given, *(f.column for f in rest)]
        self.model = model
        self.sql = f"COPY {model._meta.db_table} ({', '.join(map(quote, columns))}) FROM STDIN"
        self.tail = "".join("\t" + _text(loader._default(f)) for f in rest) + "\n"
        self.lines: list[str] = []
        self.next_id = loader.ids(model, 0).start
        self.rows = 0

    def take_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def flush(self, cursor) -> None:
        if self.lines:
            with cursor.copy(self.sql) as copy:
                copy.write("".join(self.lines))
            self.rows += len(self.lines)
            self.lines = []


def _text(value) -> str:
    if value is None:
        return NULL
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(_plain(value))


def _weighted(rng: random.Random, choices: list[tuple]) -> Callable[[], object]:
    """A chooser of one of `choices` ((value, weight) pairs) by weight, one random() a call."""
    values = [v for v, _ in choices]
    bounds, total = [], 0
    for _, weight in choices:
        total += weight
        bounds.append(total / sum(w for _, w in choices))
    return lambda: values[min(bisect(bounds, rng.random()), len(values) - 1)]


class Names:
    """Every generated name with its folded form, sort key and search words, computed once."""

    def __init__(self):
        self.men = [self._one(f"{f} {m} {g}") for f in FAMILY for m in MIDDLE_M for g in GIVEN_M]
        self.women = [self._one(f"{f} {m} {g}") for f in FAMILY for m in MIDDLE_F for g in GIVEN_F]

    @staticmethod
    def _one(full: str) -> tuple[str, list[str]]:
        folded = names.fold(full)[:120]
        return f"{full}\t{folded}\t{names.sort_key(full)}", tails(folded)


class Generator:
    """Members of one branch after another, as COPY lines of every table they touch."""

    def __init__(self, size: Country, seed: int, today: date, loader: Loader):
        self.size, self.today, self.rng = size, today, random.Random(seed)
        self.names = Names()
        self.education = _weighted(self.rng, EDUCATION)
        self.village_work = _weighted(self.rng, VILLAGE_WORK)
        self.days: dict[int, str] = {}
        self.official: dict[int, int] = {}
        self.tables = {
            "person": Table(
                Person,
                ("id", "full_name", "search_name", "sort_key", "sex", "birth_date", "ethnicity", "religion")
                + ("education", "occupation", "youth_union", "village_id", "unit_id"),
                loader,
            ),
            "word": Table(NameWord, ("id", "person_id", "tail"), loader),
            "member": Table(
                PartyMember,
                ("id", "person_id", "branch_id", "status", "admitted_on", "official_on", "left_on"),
                loader,
            ),
            "event": Table(
                MemberEvent, ("id", "member_id", "kind", "date", "branch_id", "status_after"), loader
            ),
            "standing": Table(
                MemberStanding,
                (
                    "id",
                    "member_id",
                    "branch_id",
                    "status",
                    "valid_from",
                    "valid_to",
                    *CATEGORIES,
                    "education",
                ),
                loader,
            ),
            "milestone": Table(
                Milestone,
                ("id", "member_id", "kind", "branch_id", "date", "decision_date", "aged_18_30", *CATEGORIES)
                + ("education",),
                loader,
            ),
            "total": Table(BranchTotal, ("id", "branch_id", "date", *COLUMNS), loader),
        }

    def day(self, ordinal: int) -> str:
        text = self.days.get(ordinal)
        if text is None:
            text = self.days[ordinal] = date.fromordinal(ordinal).isoformat()
        return text

    def official_on(self, admitted: int) -> int:
        """The day a member admitted on `admitted` is recognised: twelve months later."""
        day = self.official.get(admitted)
        if day is None:
            day = self.official[admitted] = add_months(date.fromordinal(admitted), 12).toordinal()
        return day

    def branch(self, branch: Unit, count: int, village_id: int | None) -> None:
        """`count` members of `branch` with everything kept about them, and its BranchTotal rows."""
        rng, t, today = self.rng, self.tables, self.today.toordinal()
        persons, words, members, events = t["person"], t["word"], t["member"], t["event"]
        standings, milestones = t["standing"], t["milestone"]
        village = NULL if village_id is None else str(village_id)
        work = synthetic.OCCUPATION[branch.branch_type]
        deltas: dict[int, list[int]] = {}
        edu_index = {code: COLUMNS.index(column) for code, column in EDUCATION_COLUMNS.items()}
        category_index = [COLUMNS.index(c) for c in CATEGORIES]
        b = branch.pk
        for _ in range(count):
            woman = rng.random() < 0.38
            name, tails_ = rng.choice(self.names.women if woman else self.names.men)
            if rng.random() < ADMITTED_RECENTLY:
                admitted = today - rng.randint(1, 365 * 5)
            else:
                admitted = today - rng.randint(365 * 5 + 1, 365 * 45)
            age_days = rng.randint(365 * 18 + 5, 365 * 45)
            birth = date.fromordinal(admitted - age_days)
            minority = rng.random() < 0.14
            religion = Religion.BUDDHISM if rng.random() < 0.05 else Religion.NONE
            education = self.education()
            occupation = work or self.village_work()
            young = age_days < 365 * 30 and rng.random() < 0.7
            categories = (
                woman,
                minority,
                religion != Religion.NONE,
                young,
                occupation == Occupation.FARMER,
            )
            flags = "\t".join("t" if c else "f" for c in categories) + f"\t{education}"
            pid = persons.take_id()
            persons.lines.append(
                f"{pid}\t{name}\t{'F' if woman else 'M'}\t{birth.isoformat()}"
                f"\t{rng.choice(MINORITIES) if minority else KINH}\t{religion}\t{education}\t{occupation}"
                f"\t{'t' if young else 'f'}\t{village}\t{b}{persons.tail}"
            )
            for tail in tails_:
                words.lines.append(f"{words.take_id()}\t{pid}\t{tail}{words.tail}")
            official = self.official_on(admitted)
            left = None
            if official > today:
                official = None
            elif rng.random() < LEFT and official < today:
                left = rng.randint(official + 1, today)
            status = (
                MemberStatus.PROBATIONARY
                if official is None
                else (MemberStatus.LEFT if left else MemberStatus.OFFICIAL)
            )
            mid = members.take_id()
            recognised, gone = self.day(official) if official else NULL, self.day(left) if left else NULL
            members.lines.append(
                f"{mid}\t{pid}\t{b}\t{status}\t{self.day(admitted)}\t{recognised}\t{gone}{members.tail}"
            )
            history = [(MemberEventKind.ADMITTED, admitted, MemberStatus.PROBATIONARY)]
            if official:
                history.append((MemberEventKind.RECOGNISED, official, MemberStatus.OFFICIAL))
            if left:
                kind = MemberEventKind.DIED if rng.random() < 0.5 else MemberEventKind.TRANSFERRED_OUT
                history.append((kind, left, MemberStatus.LEFT))
            for i, (kind, day, after) in enumerate(history):
                events.lines.append(
                    f"{events.take_id()}\t{mid}\t{kind}\t{self.day(day)}\t{b}\t{after}{events.tail}"
                )
                if after == MemberStatus.LEFT:
                    continue
                until = history[i + 1][1] if i + 1 < len(history) else None
                standings.lines.append(
                    f"{standings.take_id()}\t{mid}\t{b}\t{after}\t{self.day(day)}"
                    f"\t{self.day(until) if until else NULL}\t{flags}{standings.tail}"
                )
                vector = [COLUMNS.index("official" if after == MemberStatus.OFFICIAL else "probationary")]
                vector += [i for i, c in zip(category_index, categories, strict=True) if c]
                vector.append(edu_index[education])
                for when, sign in ((day, 1), (until, -1)):
                    if when is not None:
                        row = deltas.setdefault(when, [0] * len(COLUMNS))
                        for column in vector:
                            row[column] += sign
            aged = 18 <= _age(birth, date.fromordinal(admitted)) <= 30
            milestones.lines.append(
                f"{milestones.take_id()}\t{mid}\t{MilestoneKind.ADMITTED}\t{b}\t{self.day(admitted)}\t{NULL}"
                f"\t{'t' if aged else 'f'}\t{flags}{milestones.tail}"
            )
            if official:
                milestones.lines.append(
                    f"{milestones.take_id()}\t{mid}\t{MilestoneKind.RECOGNISED}\t{b}\t{self.day(official)}"
                    f"\t{NULL}\tf\t{flags}{milestones.tail}"
                )
        self._totals(b, deltas)

    def _totals(self, branch_id: int, deltas: dict[int, list[int]]) -> None:
        """The branch's cumulative rows on each day its figures change (as rebuild writes them)."""
        totals = self.tables["total"]
        running = [0] * len(COLUMNS)
        for day in sorted(deltas):
            change = deltas[day]
            if any(change):
                running = [a + c for a, c in zip(running, change, strict=True)]
                figures = "\t".join(map(str, running))
                totals.lines.append(
                    f"{totals.take_id()}\t{branch_id}\t{self.day(day)}\t{figures}{totals.tail}"
                )

    def flush(self) -> None:
        with connection.cursor() as cursor:
            for table in self.tables.values():  # in the order of their foreign keys
                table.flush(cursor.cursor)


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


# --- the tree -----------------------------------------------------------------------------


def tree(size: Country, gen: synthetic.Generator, loader: Loader) -> tuple[Unit, list[Unit], list[Unit]]:
    """Root, provinces, communes and branches, with paths computed here and one COPY per table;
    villages as the province bench makes them; one placement per unit (the tree has no past)."""
    path = Unit._get_path
    rows, placements = [], []

    def add(parent, depth, step, **values) -> dict:
        row = {"id": loader.ids(Unit, 1).start, "path": path(parent and parent["path"], depth, step)}
        row.update(depth=depth, valid_from=synthetic.FOUNDED, numchild=0, **values)
        rows.append(row)
        if parent:
            parent["numchild"] += 1
        placements.append({"unit_id": row["id"], "parent_id": parent and parent["id"]})
        return row

    root = add(None, 1, 1, code="VN", name="Toàn quốc (tổng hợp)", kind=UnitKind.PROVINCE)
    provinces = [
        add(root, 2, p + 1, code=f"T{p + 1:02d}", name=f"Đảng bộ tỉnh {p + 1:02d}", kind=UnitKind.PROVINCE)
        for p in range(size.provinces)
    ]
    communes = [
        add(
            provinces[c % size.provinces],
            3,
            c // size.provinces + 1,
            code=f"T{c % size.provinces + 1:02d}.X{c // size.provinces + 1:03d}",
            name=f"Đảng bộ xã {c // size.provinces + 1}",
            kind=UnitKind.GRASSROOTS_COMMITTEE,
        )
        for c in range(size.communes)
    ]
    branches = []
    for commune, count in zip(communes, synthetic._shares(size.branches, [1] * size.communes), strict=True):
        for b, kind in enumerate(gen._branch_types(count)):
            branches.append(
                add(
                    commune,
                    4,
                    b + 1,
                    code=f"{commune['code']}.{b + 1:03d}",
                    name=f"Chi bộ {synthetic.BRANCH_NAME[kind]} {b + 1}",
                    kind=UnitKind.BRANCH,
                    branch_type=kind,
                )
            )
    loader.insert(Unit, rows)
    for placement, pk in zip(placements, loader.ids(UnitPlacement, len(placements)), strict=True):
        placement["id"] = pk
    loader.insert(UnitPlacement, placements)
    branch_units = [Unit(**row) for row in branches]
    gen._villages(branch_units)
    by_id = {u.pk: u for u in Unit.objects.filter(depth__lte=2)}
    return by_id[root["id"]], [by_id[p["id"]] for p in provinces], branch_units


# --- indexes, loading, measuring ------------------------------------------------------------

BIG = (Person, NameWord, PartyMember, MemberEvent, MemberStanding, Milestone, BranchTotal)


@contextmanager
def bulk_mode(models) -> Iterator[None]:
    """What pg_restore does for a load: drop the secondary indexes of `models`' tables and build
    them after (those behind a constraint — primary keys, unique — stay); no foreign-key
    triggers (the generator gives every id itself: the test holds the rows' joins), no wait for
    the disk at each commit. Needs a superuser, as the bench's CREATE DATABASE does."""
    tables = [m._meta.db_table for m in models]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
            " WHERE i.indrelid::regclass::text = ANY(%s) AND NOT i.indisprimary"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
            [tables],
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("SET synchronous_commit = off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET session_replication_role")
            cursor.execute("RESET synchronous_commit")
    with connection.cursor() as cursor:
        for _, definition in indexes:
            cursor.execute(definition)


def build(size: Country, seed: int = 2026, today: date | None = None, say=lambda text: None) -> National:
    """Load the country: tree, villages, members with their events and kept rows, a national
    plan with a quota per province, and the two national accounts."""
    today = today or timezone.localdate()
    loader = Loader()
    gen = synthetic.Generator(synthetic.Size(members=0, branches=0, communes=0, cases=0), seed, today)
    gen.load = loader
    with timed(say, f"Cây tổ chức ({1 + size.provinces + size.communes + size.branches:,} đơn vị) và thôn"):
        root, provinces, branches = tree(size, gen, loader)
    members = Generator(size, seed, today, loader)
    weights = [dict((k, w) for k, _, w in synthetic.BRANCH_MIX)[b.branch_type] for b in branches]
    counts = synthetic._shares(size.members, weights)
    with timed(say, f"Nạp {size.members:,} đảng viên bằng COPY (người, đảng viên, sự kiện, số liệu lưu sẵn)"):
        with bulk_mode(BIG):
            for start in range(0, len(branches), CHUNK):
                for branch, count in zip(
                    branches[start : start + CHUNK], counts[start : start + CHUNK], strict=True
                ):
                    home = gen.homes.get(branch.pk)
                    members.branch(branch, count, home.pk if home else None)
                members.flush()
    for table in members.tables.values():
        loader.last_id[table.model] = table.next_id - 1
    loader.finish()
    with timed(say, "ANALYZE"), connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    adoption.set_ptdv_since(root, today)
    return National(root, provinces, *_accounts(root), _plan(root, provinces, size, today))


def _accounts(root: Unit) -> tuple[User, User]:
    viewer = User.objects.create(username=VIEWER, role=Role.VIEWER, unit=root)
    organizer = User.objects.create(username=ORGANIZER, role=Role.ORGANIZER, unit=root)
    for user in (viewer, organizer):
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return viewer, organizer


def _plan(root: Unit, provinces: list[Unit], size: Country, today: date) -> Plan:
    """The term plan of the country (2025–2030) and a quota for each province."""
    start = date(2025, 1, 1)
    target = round(size.members * 0.035 * 6)
    plan = Plan.objects.create(
        unit=root,
        number="01-KH/TW",
        issued_on=start,
        title="Kế hoạch phát triển đảng viên nhiệm kỳ 2025–2030 (tổng hợp)",
        starts_on=start,
        ends_on=date(2030, 12, 31),
        target=target,
    )
    Quota.objects.bulk_create(Quota(plan=plan, unit=p, target=target // len(provinces)) for p in provinces)
    return plan


def database_size() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        return cursor.fetchone()[0]


def server_cpu() -> float:
    """CPU seconds this connection's PostgreSQL backend has used (when the server runs on this
    machine): the work of COPY and of the queries, which the Python process's CPU time omits."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(stat[11]) + int(stat[12])) / _ticks()


def _ticks() -> int:
    return os.sysconf("SC_CLK_TCK")


@contextmanager
def timed(say, what: str) -> Iterator[None]:
    """bench.run.timed, with the PostgreSQL backend's CPU time beside the Python process's."""
    before = server_cpu()
    with bench_run.timed(lambda text: say(f"{text}, PostgreSQL {server_cpu() - before:.1f} s CPU"), what):
        yield


def run(members: int | None, runs: int, seed: int, say) -> Iterator[Result]:
    """Migrate, load the country, then the dashboard of each national account and of one
    province's organizer beside the raw scan of the same members: read back kept, and
    computed anew."""
    from django.core.management import call_command

    wall, cpu = time.perf_counter(), time.process_time()
    with timed(say, "Tạo cấu trúc cơ sở dữ liệu"):
        call_command("migrate", verbosity=0)
    country = build(Country.for_members(members or MEMBERS), seed, say=say)
    say(f"Dung lượng cơ sở dữ liệu: {database_size()}")
    province = country.provinces[0]
    organizer = User.objects.create(username="tochuc.tinh01", role=Role.ORGANIZER, unit=province)
    url = reverse("web:home")
    accounts = (("viewer", country.viewer), ("organizer", country.organizer), ("province", organizer))
    # Read back kept (every visit but the first after a change), then computed anew each time.
    for suffix, before in (("dashboard", None), ("dashboard_computed", freshness.bump)):
        for name, user in accounts:
            reference = MEMBER_COUNT.format(path=user.unit.path)
            result = measure(f"national:{name}:{suffix}", signed_in(user), url, reference, runs, before)
            share = result.median_ms / result.reference_ms if result.reference_ms else float("nan")
            say(f"{result.name}: bằng {share:.3f} lần quét thô (mục tiêu ≤ 0,1)")
            yield result
    say(f"Cả lượt đo: {time.perf_counter() - wall:.0f} s ({time.process_time() - cpu:.0f} s CPU Python)")
