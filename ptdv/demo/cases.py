"""Demo development cases, consistent with the seed articles (DOMAIN.md figures).

- Pác Nặm: 220 admissions from 2021 to 30/06/2023, 96 of them farmers; 23 in the first half
  of 2023, 9 farmers; in xã Công Bằng one of them at Phya Mạ on 15/03/2023, two dossiers at the
  district committee and six people in the awareness class in June 2023 — as of 30/06/2023:
  those cases went on since with later dated events (`cong_bang_since_2023`).
- Đăk Tô: 425 admissions in the term 2015–2020 (to 30/06/2020), 306 of them Youth Union members.
- Open and closed cases at every stage, dated up to today, so the board and "việc cần làm"
  have something to show.

Every demo case is `historical`: recorded as facts, findings shown but never blocking.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from ptdv.cases.models import Case, CaseEvent, DocumentKind, DossierDocument
from ptdv.demo.reorganisation import REFORM_DAY
from ptdv.people.choices import MemberEventKind, MemberStatus
from ptdv.people.models import MemberEvent, PartyMember, Person
from ptdv.people.search import index_names
from ptdv.regulation import PATH, Stage, add_months

PAC_NAM_WINDOWS = [
    # (first day, last day, admissions, of them farmers)
    (date(2021, 1, 1), date(2022, 12, 31), 197, 87),
    (date(2023, 1, 1), date(2023, 6, 30), 23, 9),
]
PHYA_MA_CEREMONY = date(2023, 3, 15)
DAK_TO_TERM = (date(2015, 8, 1), date(2020, 6, 30), 425, 306)  # first, last, admissions, Youth Union
TAN_CANH_ADMISSIONS = 51  # of them in xã Tân Cảnh, against its quota of 50 (ptdv.demo.plans)


@dataclass
class Admission:
    """A member of the demo admitted through a case: ceremony date and what to count."""

    ceremony: date
    youth_union: bool | None = None


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _place(rng, room: dict[int, int], exclude=frozenset()) -> int:
    """A plan row that still has room (at most half a branch's members were admitted lately)."""
    row = rng.choice([r for r, left in room.items() if left > 0 and r not in exclude])
    room[row] -= 1
    return row


def pac_nam_admissions(rng, village_room, other_room, phya_ma, cong_bang) -> dict[int, list[Admission]]:
    """{plan row index: admissions}: the farmers in village branches, the others elsewhere.

    Công Bằng (rows `cong_bang`) admitted only the Phya Mạ member in 2023 ("từ đầu năm kết nạp 01").
    """
    slots: dict[int, list[Admission]] = {phya_ma: [Admission(PHYA_MA_CEREMONY)]}
    village_room[phya_ma] -= 1
    for first, last, total, farmers in PAC_NAM_WINDOWS:
        fixed = 1 if first <= PHYA_MA_CEREMONY <= last else 0
        exclude = cong_bang if fixed else frozenset()
        for room, count in ((village_room, farmers - fixed), (other_room, total - farmers)):
            for _ in range(count):
                slots.setdefault(_place(rng, room, exclude), []).append(Admission(_day(rng, first, last)))
    return slots


def dak_to_admissions(rng, room, tan_canh) -> dict[int, list[Admission]]:
    """{plan row index: admissions} of the 2015–2020 term: TAN_CANH_ADMISSIONS of them in
    Tân Cảnh's rows `tan_canh` (51 of its quota of 50: "đạt 102% chỉ tiêu"), the rest elsewhere."""
    first, last, total, youth = DAK_TO_TERM
    in_tan_canh = set(rng.sample(range(total), TAN_CANH_ADMISSIONS))
    elsewhere = frozenset(room) - frozenset(tan_canh)
    slots: dict[int, list[Admission]] = {}
    for i in range(total):
        row = _place(rng, room, exclude=elsewhere if i in in_tan_canh else frozenset(tan_canh))
        slots.setdefault(row, []).append(Admission(_day(rng, first, last), youth_union=i < youth))
    return slots


class CaseWriter:
    """Collects cases, events and documents, and writes them in a few bulk inserts."""

    def __init__(self, rng: random.Random, today: date):
        self.rng, self.today = rng, today
        self.cases: list[Case] = []
        self.pending: list[tuple[Case, list[tuple[str, date, dict, str]], list[tuple[str, date]]]] = []

    def path(
        self,
        person,
        branch,
        *,
        until: Stage,
        on: date,
        anchor: Stage | None = None,
        member=None,
        reason: str = "",
        later: tuple[tuple[Stage, date], ...] = (),
    ) -> Case:
        """A case that reached `until`; the step `anchor` (default: `until`) was taken on `on`.

        `later`: the steps it took since (stage, date), so that it stood at `until` on the
        articles' date and stands at the last of them today.
        """
        steps = _steps(branch, until)
        dates = _dates(steps, anchor or until, on, self.rng)
        reasons = {until: reason} if not later else {later[-1][0]: reason}
        steps += [stage for stage, _ in later]
        dates += [day for _, day in later]
        case = Case(
            person=person,
            branch=branch,
            stage=steps[-1],
            opened_on=dates[0],
            historical=True,
            source_organisation="YOUTH_UNION" if person.youth_union else "FARMERS",
            source_category="YOUTH" if person.youth_union else "FARMER",
            member=member,
            hardship_area=True,
            version=len(steps),
        )
        events = [
            (stage, day, _data(stage, day, branch), reasons.get(stage, ""))
            for stage, day in zip(steps, dates, strict=True)
        ]
        self.pending.append((case, events, _documents(dates, steps)))
        return case

    def admitted(self, member, ceremony: date) -> None:
        """The whole path of a member admitted on `ceremony`, to official when the decision came."""
        official = add_months(ceremony, 12) + timedelta(days=30) <= self.today
        until = Stage.OFFICIAL if official else Stage.PROBATION
        self.path(
            member.person, member.branch, until=until, on=ceremony, anchor=Stage.PROBATION, member=member
        )

    def save(self) -> None:
        Case.objects.bulk_create([case for case, _, _ in self.pending], batch_size=500)
        CaseEvent.objects.bulk_create(
            [
                CaseEvent(case=case, stage=stage, date=day, data=data, reason=reason)
                for case, events, _ in self.pending
                for stage, day, data, reason in events
            ],
            batch_size=1000,
        )
        DossierDocument.objects.bulk_create(
            [
                DossierDocument(case=case, kind=kind, date=day)
                for case, _, docs in self.pending
                for kind, day in docs
            ],
            batch_size=1000,
        )


def _steps(branch, until: Stage) -> list[Stage]:
    path = [s for s in PATH if not (s == Stage.COMMITTEE_RESOLVED and branch.kind == "GRASSROOTS_BRANCH")]
    if until in path:
        return path[: path.index(until) + 1]
    # A closed case: the path up to where it stopped, then the outcome.
    stop = Stage.PROBATION if until == Stage.REMOVED else Stage.DOSSIER
    return [*path[: path.index(stop) + 1], until]


def _dates(steps: list[Stage], anchor: Stage, on: date, rng) -> list[date]:
    """Dates of the steps: `anchor` on `on`, earlier steps weeks apart before it, and the
    recognition 12 months after a ceremony (DOMAIN.md: probation ends ceremony + 12 months)."""
    at = steps.index(anchor)
    days = [on]
    for _ in steps[:at]:
        days.insert(0, days[0] - timedelta(days=rng.randint(20, 80)))
    for stage in steps[at + 1 :]:
        if stage == Stage.RECOGNITION_PROPOSED:
            days.append(add_months(on, 12) + timedelta(days=10))
        elif stage == Stage.REMOVED:
            days.append(on + REMOVED_AFTER)
        else:
            days.append(days[-1] + timedelta(days=rng.randint(15, 40)))
    return days


def _data(stage: Stage, day: date, branch) -> dict:
    if stage == Stage.AWARENESS:
        return {
            "class_name": f"Lớp bồi dưỡng nhận thức về Đảng tháng {day:%m/%Y}",
            "cert_no": f"{day:%y%m}-{branch.pk}",
            "cert_date": (day + timedelta(days=5)).isoformat(),
        }
    if stage in (Stage.BRANCH_RESOLVED, Stage.RECOGNITION_PROPOSED):
        return {"summoned": 12, "votes_for": 12}
    if stage == Stage.COMMITTEE_RESOLVED:
        return {"members": 11, "votes_for": 11}
    # Since 1/7/2025 the commune committee decides (ptdv.demo.reorganisation), before it the
    # district's standing committee.
    reformed = day >= REFORM_DAY
    if stage == Stage.SUBMITTED:
        return {"receiving_body": "Ban Thường vụ Đảng ủy xã" if reformed else "Ban Thường vụ Huyện ủy"}
    if stage in (Stage.DECIDED, Stage.OFFICIAL):
        suffix = "QĐ/ĐU" if reformed else "QĐ/HU"
        return {"decision_no": f"{day:%d%m}-{suffix}", "received_on": (day + timedelta(days=3)).isoformat()}
    return {}


def _documents(dates: list[date], steps: list[Stage]) -> list[tuple[str, date]]:
    if Stage.DOSSIER not in steps:
        return []
    opened = dates[steps.index(Stage.DOSSIER)]
    docs = [
        (DocumentKind.APPLICATION, opened),
        (DocumentKind.HISTORY, opened + timedelta(days=2)),
        (DocumentKind.VERIFICATION_RESULTS, opened + timedelta(days=40)),
        (DocumentKind.HISTORY_CERTIFIED, opened + timedelta(days=45)),
        (DocumentKind.COMMENTS_MASS_ORG, opened + timedelta(days=50)),
        (DocumentKind.COMMENTS_RESIDENCE, opened + timedelta(days=50)),
    ]
    if Stage.PROBATION in steps:
        docs.append((DocumentKind.PARTY_HISTORY, dates[steps.index(Stage.PROBATION)] + timedelta(days=20)))
    return docs


def open_cases(writer: CaseWriter, plan, factories) -> None:
    """Cases still on the way (and a few closed), in Công Bằng as the article tells and
    elsewhere dated up to today, so every stage of the board has cards."""
    today = writer.today
    rows = {row[0].code: row for row in plan.rows}
    cong_bang_villages = [rows[f"BK.PN.X01.T{n:02d}"] for n in range(1, 10)]
    specs = [  # (plan row, stage reached, date of that step, steps taken since)
        (cong_bang_villages[n], stage, on, since) for n, stage, on, since in cong_bang_since_2023(today)
    ]
    # (stage reached, days ago of the step that counts: the ceremony for members)
    recent = [
        (Stage.SOURCE, 20),
        (Stage.AWARENESS, 40),
        (Stage.DOSSIER, 30),
        (Stage.BRANCH_RESOLVED, 75),
        (Stage.COMMITTEE_RESOLVED, 45),
        (Stage.SUBMITTED, 40),
        (Stage.DECIDED, 20),
        (Stage.PROBATION, 200),
        (Stage.RECOGNITION_PROPOSED, 390),
        (Stage.WITHDRAWN, 100),
        (Stage.NOT_ADMITTED, 150),
        (Stage.REMOVED, 250),
    ]
    for n, (stage, days) in enumerate(recent * 2):
        branch_code = f"BK.PN.{('X02', 'X03', 'X04')[n % 3]}.T{n % 7 + 3:02d}"
        specs.append((rows[branch_code], stage, today - timedelta(days=days + n), ()))
    specs += [
        (rows[f"KT.DT.X01.T{n:02d}"], Stage.SOURCE, today - timedelta(days=10 * n), ()) for n in range(1, 4)
    ]

    people = []
    for (branch, _, village, options), _stage, on, _since in specs:
        factory = factories[branch.code.split(".")[0]]
        people.append(factory.person(branch, on=on, village=village, age=(19, 30), **options))
    Person.objects.bulk_create(people)
    index_names(people)
    for person, ((branch, *_), stage, on, since) in zip(people, specs, strict=True):
        if since:
            _went_on(writer, person, branch, stage, on, since)
        elif stage in MEMBER_STAGES:
            member = _probationary(person, branch, ceremony=on)
            if stage == Stage.REMOVED:
                _remove(member, on + REMOVED_AFTER)
            writer.path(
                person,
                branch,
                until=stage,
                on=on,
                anchor=Stage.PROBATION,
                member=member,
                reason="Vi phạm tư cách đảng viên" if stage == Stage.REMOVED else "",
            )
        else:
            reason = {Stage.WITHDRAWN: "Đi làm ăn xa", Stage.NOT_ADMITTED: "Chưa đủ tiêu chuẩn"}.get(
                stage, ""
            )
            writer.path(person, branch, until=stage, on=on, reason=reason)


def cong_bang_since_2023(today: date) -> list[tuple[int, Stage, date, tuple[tuple[Stage, date], ...]]]:
    """Công Bằng's cases of the article, (village index, stage on 30/06/2023, its date, steps since).

    On 30/06/2023 two dossiers were at the district committee and six people had been to the
    awareness class in June: that stays true as of that date, and the cases went on since with
    later dated events, so that today they are not years old. One is left where it stood on
    purpose: the Nà Lạn dossier, sent to the district committee on 20/06/2023 and never decided
    before the district was dissolved — the demo's deliberately overdue case (docs/demo.md).
    """
    admitted_2024 = (
        (Stage.DOSSIER, date(2023, 9, 4)),
        (Stage.BRANCH_RESOLVED, date(2023, 11, 15)),
        (Stage.COMMITTEE_RESOLVED, date(2023, 12, 5)),
        (Stage.SUBMITTED, date(2023, 12, 20)),
        (Stage.DECIDED, date(2024, 2, 1)),
        (Stage.PROBATION, date(2024, 2, 20)),
        (Stage.RECOGNITION_PROPOSED, date(2025, 3, 3)),
        (Stage.OFFICIAL, date(2025, 3, 20)),
    )
    later = [(stage, add_months(day, 2)) for stage, day in admitted_2024]
    return [
        (
            1,
            Stage.SUBMITTED,
            date(2023, 6, 5),
            (
                (Stage.DECIDED, date(2023, 8, 10)),
                (Stage.PROBATION, date(2023, 9, 2)),
                (Stage.RECOGNITION_PROPOSED, date(2024, 9, 12)),
                (Stage.OFFICIAL, date(2024, 10, 8)),
            ),
        ),
        (4, Stage.SUBMITTED, date(2023, 6, 20), ()),  # the deliberately overdue case
        (0, Stage.AWARENESS, AWARENESS_JUNE_2023, admitted_2024),
        (2, Stage.AWARENESS, AWARENESS_JUNE_2023, tuple(later)),
        (3, Stage.AWARENESS, AWARENESS_JUNE_2023, ((Stage.WITHDRAWN, date(2024, 5, 20)),)),
        (5, Stage.AWARENESS, AWARENESS_JUNE_2023, ((Stage.DOSSIER, today - timedelta(days=70)),)),
        (
            6,
            Stage.AWARENESS,
            AWARENESS_JUNE_2023,
            (
                (Stage.DOSSIER, today - timedelta(days=120)),
                (Stage.BRANCH_RESOLVED, today - timedelta(days=25)),
            ),
        ),
        (8, Stage.AWARENESS, AWARENESS_JUNE_2023, ()),  # still a source, waiting to open a dossier
    ]


AWARENESS_JUNE_2023 = date(2023, 6, 12)


def _went_on(writer: CaseWriter, person, branch, stage: Stage, on: date, since) -> None:
    """A case that stood at `stage` on `on` and took the steps `since`: a member from the
    ceremony, official from the recognition decision."""
    dates = dict(since)
    member = None
    if Stage.PROBATION in dates:
        member = _probationary(person, branch, ceremony=dates[Stage.PROBATION])
        if Stage.OFFICIAL in dates:
            _recognise(member)
    reason = "Đi làm ăn xa" if Stage.WITHDRAWN in dates else ""
    writer.path(person, branch, until=stage, on=on, member=member, reason=reason, later=tuple(since))


MEMBER_STAGES = (Stage.PROBATION, Stage.RECOGNITION_PROPOSED, Stage.REMOVED)
REMOVED_AFTER = timedelta(days=120)


def _probationary(person, branch, ceremony: date) -> PartyMember:
    member = PartyMember.objects.create(
        person=person, branch=branch, status=MemberStatus.PROBATIONARY, admitted_on=ceremony
    )
    MemberEvent.objects.create(
        member=member,
        kind=MemberEventKind.ADMITTED,
        date=ceremony,
        branch=branch,
        status_after=MemberStatus.PROBATIONARY,
    )
    return member


def _recognise(member: PartyMember) -> None:
    """Official 12 months after the ceremony (DOMAIN.md), as the recognition decision says."""
    member.status, member.official_on = MemberStatus.OFFICIAL, add_months(member.admitted_on, 12)
    member.save()
    MemberEvent.objects.create(
        member=member,
        kind=MemberEventKind.RECOGNISED,
        date=member.official_on,
        branch=member.branch,
        status_after=MemberStatus.OFFICIAL,
    )


def _remove(member: PartyMember, on: date) -> None:
    member.status, member.left_on = MemberStatus.LEFT, on
    member.save()
    MemberEvent.objects.create(
        member=member,
        kind=MemberEventKind.REMOVED,
        date=on,
        branch=member.branch,
        status_after=MemberStatus.LEFT,
        note="Xóa tên đảng viên dự bị",
    )
