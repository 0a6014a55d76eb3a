"""Cases imported at any stage: the dated steps moved through the transitions service, the
stage checked against the dates, existing cases taken further as an update."""

from datetime import date

import pytest

from ptdv.cases.facts import effective_events
from ptdv.cases.models import Case
from ptdv.exchange.columns import KINDS, STEP_DATES
from ptdv.exchange.importing import CREATE, ERROR, UNCHANGED, UPDATE, run
from ptdv.org.adoption import set_ptdv_since
from ptdv.org.models import UnitKind
from ptdv.people.choices import MemberStatus
from ptdv.regulation import Stage
from tests.exchange.sheets import errors_by_cell, kind_sheet, preview
from tests.factories import person, spelled, unit

pytestmark = pytest.mark.django_db

#: A case that went through every step on paper, from the source in March 2022 to the ceremony.
PAPER_STEPS = {
    Stage.AWARENESS: date(2022, 6, 10),
    Stage.DOSSIER: date(2022, 7, 1),
    Stage.BRANCH_RESOLVED: date(2022, 8, 1),
    Stage.COMMITTEE_RESOLVED: date(2022, 8, 15),
    Stage.SUBMITTED: date(2022, 9, 1),
    Stage.DECIDED: date(2022, 10, 3),
    Stage.PROBATION: date(2022, 11, 1),
}


def header(stage: Stage) -> str:
    return STEP_DATES[stage].header


def record(someone, branch, stage: str | None = None, steps=None, **values) -> dict:
    """A case row for `someone` in `branch`, with the date column of each of `steps`."""
    return {
        "full_name": someone.full_name,
        "birth_date": someone.birth_date,
        "citizen_id": someone.citizen_id,
        "branch": branch.code,
        "opened_on": date(2022, 3, 1),
        "source_organisation": "Đoàn Thanh niên",
        "source_category": "Đoàn viên thanh niên",
        "stage": stage,
        **{STEP_DATES[s].key: on for s, on in (steps or {}).items()},
        **values,
    }


@pytest.fixture
def on_paper(world):
    """Pác Nặm has used PTĐV since 1/1/2025: what its branches did before is paper work."""
    set_ptdv_since(world.pac_nam, date(2025, 1, 1), by=world.alice)
    return world


def test_a_case_at_a_later_stage_is_opened_and_moved_along_its_dated_steps(on_paper, tmp_path):
    world = on_paper
    someone = person(world.phya_ma, "Hà Văn Tú", birth=date(2001, 2, 3), village=world.v_phya_ma)
    path = kind_sheet(
        tmp_path / "c.xlsx", "cases", [record(someone, world.phya_ma, "Đảng viên dự bị", PAPER_STEPS)]
    )
    summary, outcomes = preview("cases", path, world.alice)
    assert [o.action for o in outcomes] == [CREATE], outcomes[0].errors
    assert not Case.objects.filter(person=someone).exists()  # the rehearsal was rolled back

    assert run("cases", path, path.name, world.alice, write=True).written
    case = Case.objects.get(person=someone)
    assert (case.stage, case.historical, case.created_by) == (Stage.PROBATION, True, world.alice)
    assert [(e.stage, e.date) for e in effective_events(case)] == [
        (Stage.SOURCE, date(2022, 3, 1)),
        *PAPER_STEPS.items(),
    ]
    assert (case.member.status, case.member.admitted_on) == (MemberStatus.PROBATIONARY, date(2022, 11, 1))
    assert [o.action for o in preview("cases", path, world.alice)[1]] == [UNCHANGED]


def test_the_export_of_cases_reads_back_unchanged(on_paper, tmp_path):
    """Each step's date is exported in its column, so the exported file imports as unchanged."""
    world = on_paper
    someone = person(world.phya_ma, "Hà Văn Tú", birth=date(2001, 2, 3), village=world.v_phya_ma)
    first = kind_sheet(tmp_path / "c.xlsx", "cases", [record(someone, world.phya_ma, None, PAPER_STEPS)])
    assert run("cases", first, first.name, world.alice, write=True).written
    kind = KINDS["cases"]
    exported = [
        dict(zip((c.key for c in kind.columns), row, strict=True))
        for row in kind.rows(kind.queryset(world.alice))
    ]
    assert {r["full_name"] for r in exported} == {someone.full_name, world.case_phya_ma.person.full_name}
    ours = next(r for r in exported if r["full_name"] == someone.full_name)
    assert ours["stage"] == "Đảng viên dự bị"
    assert [ours[STEP_DATES[s].key] for s in PAPER_STEPS] == list(PAPER_STEPS.values())
    assert ours[STEP_DATES[Stage.OFFICIAL].key] is None
    again = kind_sheet(tmp_path / "e.xlsx", "cases", exported)
    assert [o.action for o in preview("cases", again, world.alice)[1]] == [UNCHANGED, UNCHANGED]


def test_a_stage_that_contradicts_the_dates_is_refused_on_the_step_at_fault(on_paper, tmp_path):
    world = on_paper
    people = [person(world.phya_ma, f"Lò Văn {spelled(n)}", birth=date(2000, 1, n + 1)) for n in range(6)]
    without_dossier = {s: d for s, d in PAPER_STEPS.items() if s != Stage.DOSSIER}
    records = [
        record(people[0], world.phya_ma, "Có quyết định kết nạp", without_dossier),  # a step missing
        record(people[1], world.phya_ma, "Học lớp nhận thức về Đảng", PAPER_STEPS),  # dates beyond
        record(people[2], world.phya_ma, None, {Stage.AWARENESS: date(2022, 2, 1)}),  # before source
        record(people[3], world.phya_ma, "Nguồn / cảm tình Đảng", {Stage.AWARENESS: date(2022, 6, 1)}),
        record(  # recognition proposed before the 12 months of probation are over
            people[4],
            world.phya_ma,
            "Đề nghị công nhận chính thức",
            {**PAPER_STEPS, Stage.RECOGNITION_PROPOSED: date(2023, 5, 1)},
        ),
        record(people[5], world.phya_ma, "Rút khỏi nguồn / không tiếp tục"),  # a closed case
    ]
    summary, outcomes = preview("cases", kind_sheet(tmp_path / "c.xlsx", "cases", records), world.alice)
    assert [o.action for o in outcomes] == [ERROR] * 6
    found = errors_by_cell(outcomes)
    assert "cần ngày của bước “Lập hồ sơ”" in found[(2, header(Stage.DOSSIER))]
    assert (2, header(Stage.DECIDED)) not in found
    assert "chưa đến bước “Có quyết định kết nạp”" in found[(3, header(Stage.DECIDED))]
    assert "mâu thuẫn" in found[(3, header(Stage.DOSSIER))]
    assert (3, header(Stage.AWARENESS)) not in found
    assert (
        "trước ngày của bước trước (Nguồn / cảm tình Đảng, 01/03/2022)" in found[(4, header(Stage.AWARENESS))]
    )
    assert "chưa đến bước “Học lớp nhận thức về Đảng”" in found[(5, header(Stage.AWARENESS))]
    assert "Chưa hết 12 tháng dự bị" in found[(6, header(Stage.RECOGNITION_PROPOSED))]
    assert "không nhập mới được" in found[(7, "Giai đoạn")]
    assert not Case.objects.filter(person__in=people).exists()


def test_a_grassroots_branch_has_no_committee_step(on_paper, tmp_path):
    world = on_paper
    branch = unit(world.pac_nam, "BK.PN.CQ1", "Chi bộ cơ quan Huyện đoàn", UnitKind.GRASSROOTS_BRANCH)
    someone = person(branch, "Hà Văn Tú", birth=date(2001, 2, 3))
    steps = {s: d for s, d in PAPER_STEPS.items() if s != Stage.COMMITTEE_RESOLVED}
    ok = record(
        someone, branch, "Có quyết định kết nạp", {s: d for s, d in steps.items() if s != Stage.PROBATION}
    )
    wrong = record(someone, branch, "Đảng viên dự bị", PAPER_STEPS, opened_on=date(2022, 3, 2))
    summary, outcomes = preview("cases", kind_sheet(tmp_path / "c.xlsx", "cases", [ok, wrong]), world.alice)
    assert outcomes[0].action == CREATE, outcomes[0].errors
    assert "Chi bộ cơ sở không qua bước" in errors_by_cell(outcomes)[(3, header(Stage.COMMITTEE_RESOLVED))]


def test_an_existing_case_is_taken_further_as_an_update(on_paper, tmp_path):
    world = on_paper
    someone = person(world.phya_ma, "Hà Văn Tú", birth=date(2001, 2, 3), village=world.v_phya_ma)
    early = {s: PAPER_STEPS[s] for s in (Stage.AWARENESS, Stage.DOSSIER)}
    first = kind_sheet(tmp_path / "a.xlsx", "cases", [record(someone, world.phya_ma, None, early)])
    assert run("cases", first, first.name, world.alice, write=True).written

    further = kind_sheet(tmp_path / "b.xlsx", "cases", [record(someone, world.phya_ma, None, PAPER_STEPS)])
    outcome = preview("cases", further, world.alice)[1][0]
    assert outcome.action == UPDATE, outcome.errors
    assert "thêm bước: Chi bộ đề nghị" in outcome.label
    assert Case.objects.get(person=someone).stage == Stage.DOSSIER  # the preview wrote nothing
    assert run("cases", further, further.name, world.alice, write=True).written
    assert Case.objects.get(person=someone).stage == Stage.PROBATION

    moved = {**PAPER_STEPS, Stage.DOSSIER: date(2022, 7, 2)}
    behind = kind_sheet(
        tmp_path / "c.xlsx",
        "cases",
        [
            record(someone, world.phya_ma, None, moved),
            record(someone, world.phya_ma, None, early, opened_on=date(2022, 3, 1)),
        ],
    )
    outcomes = preview("cases", behind, world.alice)[1]
    assert outcomes[0].action == ERROR and header(Stage.DOSSIER) in outcomes[0].errors[0][1]
    assert outcomes[1].action == ERROR and "Trùng với dòng 2" in outcomes[1].errors[0][1]
    later = kind_sheet(tmp_path / "d.xlsx", "cases", [record(someone, world.phya_ma, None, early)])
    refusal = preview("cases", later, world.alice)[1][0]
    assert refusal.action == ERROR and "Giai đoạn" in refusal.errors[0][1]


def test_steps_after_the_branch_used_ptdv_are_judged_by_the_regulation(on_paper, tmp_path):
    """A case opened on paper is historical only up to the day PTĐV took over: a step after
    that day needs its records, as on the case page, and the row says so on the step's column."""
    world = on_paper
    someone = person(world.phya_ma, "Hà Văn Tú", birth=date(2001, 2, 3), village=world.v_phya_ma)
    steps = {**PAPER_STEPS, Stage.RECOGNITION_PROPOSED: date(2025, 3, 3)}
    path = kind_sheet(tmp_path / "c.xlsx", "cases", [record(someone, world.phya_ma, None, steps)])
    outcome = preview("cases", path, world.alice)[1][0]
    assert outcome.action == ERROR
    assert {h for h, _m in outcome.errors} == {header(Stage.RECOGNITION_PROPOSED)}
    assert outcome.errors[0][1].startswith("Bước “Đề nghị công nhận chính thức”: ")
