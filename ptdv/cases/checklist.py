"""What the next step of a case still needs, item by item: the checklist people read.

Built from the very judgement the move makes (``transitions.judge_move``), so a page cannot
say "nothing wrong" while the move would be refused. Each row is an item of the dossier with
its form code (mẫu …-KNĐ) or a condition of the regulation, with a status (present, missing,
wrong) and the rules' Vietnamese messages; repeated findings of one rule are merged and rule
codes are replaced by their short labels (``RULE_LABELS``). Plain data, so the API can serve
the same checklist.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from ptdv.cases import transitions
from ptdv.cases.facts import facts_for, regulation_settings
from ptdv.cases.models import Case
from ptdv.regulation import RULE_LABELS, Finding, Severity, Stage, check, next_stage
from ptdv.regulation.items import DOSSIER_ITEMS

PRESENT, MISSING, WRONG = "present", "missing", "wrong"
STATUS_LABELS = {PRESENT: _("Đã có"), MISSING: _("Còn thiếu"), WRONG: _("Chưa đạt")}

#: The resolution each step records (Hướng dẫn 12-HD/BTCTW), named beside the step.
STEP_FORMS: dict[Stage, str] = {
    Stage.BRANCH_RESOLVED: "6-KNĐ",
    Stage.COMMITTEE_RESOLVED: "8-KNĐ",
    Stage.DECIDED: "9-KNĐ",
    Stage.RECOGNITION_PROPOSED: "13-KNĐ",
}

#: Decided by the numbers typed into the move's own form: not a finding before they are typed.
MEETING_CODES = frozenset({"BRANCH_VOTE", "COMMITTEE_VOTE"})


@dataclass(frozen=True)
class Note:
    """The findings of one rule, merged: its label, the worst severity and each message once."""

    code: str
    label: str
    severity: str
    messages: tuple[str, ...]
    citation: str


@dataclass(frozen=True)
class Row:
    """One line of the checklist: a dossier item or a condition of the regulation."""

    label: str
    form_code: str
    status: str
    messages: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    citation: str = ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Checklist:
    """The next step (None when nothing follows), the date it is judged on, its rows, and the
    findings that do not stop it (warnings, or what a historical case recorded on paper)."""

    stage: Stage | None
    on: date
    rows: tuple[Row, ...]
    notes: tuple[Note, ...]

    @property
    def step_form(self) -> str:
        return STEP_FORMS.get(self.stage, "")

    @property
    def citation(self) -> str:
        """The regulation the step is judged under, named once for the whole list."""
        return next((x.citation for x in (*self.rows, *self.notes) if x.citation), "")

    @property
    def blocked(self) -> bool:
        return any(row.status != PRESENT for row in self.rows)

    @property
    def missing(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.status != PRESENT)


def merged(findings: list[Finding]) -> list[Note]:
    """One note per rule code, in the order the rules spoke, each message once."""
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.code, []).append(finding)
    return [
        Note(
            code=code,
            label=RULE_LABELS.get(code, code),
            severity=Severity.ERROR if any(f.is_error for f in group) else Severity.WARNING,
            messages=tuple(dict.fromkeys(f.message for f in group)),
            citation=group[0].citation,
        )
        for code, group in grouped.items()
    ]


def _row(label: str, form_code: str, status: str, findings: list[Finding]) -> Row:
    return Row(
        label=label,
        form_code=form_code,
        status=status,
        messages=tuple(dict.fromkeys(f.message for f in findings)),
        codes=tuple(dict.fromkeys(f.code for f in findings)),
        citation=findings[0].citation if findings else "",
    )


def for_case(case: Case, on: date, *, by, stage: Stage | None = None, data: dict | None = None) -> Checklist:
    """The checklist of the case's next step on the path, as `by` recording it on `on` would
    be judged; `data` is the move's own record once typed (a refused move is shown on it)."""
    target = stage or next_stage(Stage(case.stage), transitions.grassroots_branch(case))
    if target is None:
        # Official or closed: nothing follows; what the rules say of the record stays readable.
        findings = check(facts_for(case, viewer=by), on, regulation_settings())
        return Checklist(None, on, (), tuple(merged(findings)))
    facts, findings = transitions.judge_move(case, target, on, data or {}, by=by)
    stops = [
        f for f in findings if f.is_error and target in f.blocks and (data or f.code not in MEETING_CODES)
    ]
    rows = []
    if target == Stage.BRANCH_RESOLVED:
        for item in DOSSIER_ITEMS:
            about = [f for f in stops if f.item == item.key]
            status = PRESENT if not about else WRONG if item.present(facts) else MISSING
            rows.append(_row(item.label, item.form_code(facts), status, about))
    listed = {item.key for item in DOSSIER_ITEMS} if rows else set()
    for note in merged([f for f in stops if f.item not in listed]):
        about = [f for f in stops if f.code == note.code and f.item not in listed]
        rows.append(_row(note.label, "", WRONG, about))
    rest = [f for f in findings if f not in stops and not (f.code in MEETING_CODES and not data)]
    return Checklist(target, on, tuple(rows), tuple(merged(rest)))
