"""Importing development cases: opened by ptdv.cases.transitions.open_case, then moved along
the path by transitions.move, one step per dated column, as the case page records them.

A case is rehearsed (ptdv.exchange.importing): the services themselves judge each row — the
branch active on the day, no date ahead, a person on one path at a time (the regulation's
DUPLICATE_PERSON), and every step by the regulation in force on its date — in a savepoint
that a preview rolls back. Before that, the row's stage must agree with its dates: each step
up to the stage has a date, none after it, in the order of the path.

A case that began before its branch used PTĐV (ptdv.org.adoption) is imported as historical
(ptdv.cases.historical): its steps dated before that day were done on paper and are recorded
as facts; a step on or after that day is judged like one recorded on the case page. A row
matching an existing case (person, branch, date of entering the source) that agrees with it
is unchanged; one that takes it further records the further steps (an update); any other
difference is refused, since a recorded step is corrected on the case page.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ptdv.cases import transitions
from ptdv.cases.facts import last_events
from ptdv.cases.models import Case
from ptdv.exchange.columns import STEP_DATES
from ptdv.exchange.importers.finding import PersonFinder
from ptdv.exchange.importers.members import find_person
from ptdv.exchange.importers.persons import in_file_duplicate
from ptdv.exchange.importing import CREATE, ERROR, UNCHANGED, UPDATE, Importer, Outcome
from ptdv.org.adoption import ptdv_since
from ptdv.org.models import UnitKind
from ptdv.regulation import PATH, STAGE_LABELS, Stage, format_vn
from ptdv.regulation.stages import is_closed, position
from ptdv.scope import ORGANIZER

COMPARED = ("source_organisation", "source_category", "hardship_area", "youth_union_exists")
FLAGS = ("hardship_area", "youth_union_exists")


def path_of(branch) -> list[Stage]:
    """The steps after the source a case of `branch` takes (a grassroots branch has no
    committee step: ptdv.regulation.stages.next_stage)."""
    grassroots = branch.kind == UnitKind.GRASSROOTS_BRANCH
    return [s for s in PATH[1:] if not (grassroots and s == Stage.COMMITTEE_RESOLVED)]


class CaseImporter(Importer):
    kind_name = "cases"
    roles = frozenset({ORGANIZER})
    rehearsed = True
    field_columns = {"date": "opened_on", "unit": "branch", "person": "full_name", "historical": "opened_on"}

    def __init__(self, user):
        super().__init__(user)
        self.finder = PersonFinder(user)
        self.seen: dict = {}

    def prepare(self, parsed_rows):
        self.finder.prepare([values for _outcome, values in parsed_rows])

    def judge(self, outcome: Outcome, values: dict) -> None:
        outcome.label = values.get("full_name", "")
        person = find_person(self, self.finder, outcome, values)
        branch = self.attempt(outcome, "branch", self.places.branch, values["branch"])
        if outcome.action == ERROR:
            return
        stage, steps = self._steps(outcome, values, branch)
        if outcome.action == ERROR:
            return
        key = (person.pk, values["opened_on"])
        if (earlier := in_file_duplicate(self.seen, key, outcome.number)) is not None:
            outcome.fail(self.header("full_name"), _("Trùng với dòng %(n)s của tệp.") % {"n": earlier})
            return
        existing = Case.objects.filter(person=person, branch=branch, opened_on=values["opened_on"]).first()
        if existing is not None:
            self._existing(outcome, values, existing, stage, steps)
            return
        if is_closed(stage):
            outcome.fail(
                self.header("stage"),
                _(
                    "Hồ sơ đã kết thúc (“%(s)s”) không nhập mới được: việc kết thúc được ghi ở trang "
                    "hồ sơ, kèm lý do."
                )
                % {"s": STAGE_LABELS[stage]},
            )
            return
        since = ptdv_since(branch)
        case = transitions.open_case(
            person,
            branch,
            values["opened_on"],
            by=self.user,
            source_organisation=values["source_organisation"],
            source_category=values["source_category"],
            historical=since is not None and values["opened_on"] < since,
            **{k: values[k] for k in FLAGS if k in values},
        )
        if self._move_along(outcome, case, steps):
            outcome.action = CREATE

    def _steps(self, outcome: Outcome, values: dict, branch) -> tuple[Stage, list[tuple[Stage, date]]]:
        """The row's stage and its dated steps, in path order; where the stage and the dates
        contradict each other, an error on the column of each step at fault."""
        path = path_of(branch)
        dated = {stage: values[column.key] for stage, column in STEP_DATES.items() if column.key in values}
        for stage in set(dated) - set(path):  # the committee step of a grassroots branch
            outcome.fail(
                self.header(STEP_DATES[stage].key),
                _("Chi bộ cơ sở không qua bước “%(s)s”: để trống cột này.") % {"s": STAGE_LABELS[stage]},
            )
        furthest = max((position(s) for s in dated if s in path), default=0)
        stage = Stage(values.get("stage") or PATH[furthest])
        if stage in path or stage == Stage.SOURCE:
            reached = path[: path.index(stage) + 1] if stage != Stage.SOURCE else []
        else:  # a closing outcome: the case stopped after its last dated step
            reached = [s for s in path if position(s) <= furthest]
        for step in path:
            header = self.header(STEP_DATES[step].key)
            if step in reached and step not in dated:
                outcome.fail(
                    header,
                    _("Giai đoạn “%(g)s” cần ngày của bước “%(s)s”: giai đoạn và ngày mâu thuẫn nhau.")
                    % {"g": STAGE_LABELS[stage], "s": STAGE_LABELS[step]},
                )
            elif step in dated and step not in reached:
                outcome.fail(
                    header,
                    _("Hồ sơ ở giai đoạn “%(g)s” chưa đến bước “%(s)s”: giai đoạn và ngày mâu thuẫn nhau.")
                    % {"g": STAGE_LABELS[stage], "s": STAGE_LABELS[step]},
                )
        steps = [(step, dated[step]) for step in reached if step in dated]
        previous = (Stage.SOURCE, values["opened_on"])
        for step, on in steps:
            if on < previous[1]:
                outcome.fail(
                    self.header(STEP_DATES[step].key),
                    _("Ngày %(d)s trước ngày của bước trước (%(s)s, %(l)s).")
                    % {"d": format_vn(on), "s": STAGE_LABELS[previous[0]], "l": format_vn(previous[1])},
                )
            previous = (step, on)
        return stage, steps

    def _existing(self, outcome: Outcome, values: dict, case: Case, stage: Stage, steps) -> None:
        """Unchanged when the file says what the case holds; an update when it only adds the
        steps after the case's stage; otherwise refused with the columns that differ."""
        differ = [self.header(k) for k in COMPARED if k in values and values[k] != getattr(case, k)]
        recorded = {s: event.date for s, event in last_events(case).items() if s in STEP_DATES}
        for step, on in steps:
            if step in recorded and recorded[step] != on:
                differ.append(self.header(STEP_DATES[step].key))
        further = [(step, on) for step, on in steps if step not in recorded]
        behind = set(recorded) - {step for step, _on in steps}
        # Further steps take an open case to the file's open stage; without them the stages agree.
        carried = case.stage in PATH and stage in PATH if further else stage == case.stage
        if behind or not carried:
            differ.append(self.header("stage"))
        if differ:
            outcome.fail(
                "",
                _("Hồ sơ đã có, khác tệp ở: %(c)s. Các bước đã ghi được sửa ở trang hồ sơ.")
                % {"c": ", ".join(dict.fromkeys(differ))},
            )
            return
        if not further:
            outcome.action = UNCHANGED
            return
        if self._move_along(outcome, case, further):
            outcome.label += " — " + _("thêm bước: %(s)s") % {
                "s": ", ".join(STAGE_LABELS[step] for step, _on in further)
            }
            outcome.action = UPDATE

    def _move_along(self, outcome: Outcome, case: Case, steps) -> bool:
        """Record each step with transitions.move on its date; a refusal is the row's error on
        that step's column (the rehearsal's savepoint rolls the row back)."""
        for step, on in steps:
            case.refresh_from_db(fields=["stage", "version"])
            try:
                transitions.move(case, step, on, {}, by=self.user, version=case.version)
            except ValidationError as refusal:
                header = self.header(STEP_DATES[step].key)
                for message in refusal.messages:
                    outcome.fail(header, _("Bước “%(s)s”: %(m)s") % {"s": STAGE_LABELS[step], "m": message})
                if isinstance(refusal, transitions.TransitionRefused) and not case.historical:
                    outcome.fail(header, self._judged_hint(case))
                return False
        return True

    def _judged_hint(self, case: Case) -> str:
        since = ptdv_since(case.branch)
        if since is None:
            return _(
                "Bước này được xét theo quy định như khi ghi ở trang hồ sơ. Nếu đây là việc đã làm trên "
                "giấy, hãy đặt ngày %(u)s bắt đầu dùng PTĐV ở trang đơn vị rồi nhập lại."
            ) % {"u": case.branch.name}
        return _(
            "Hồ sơ đưa vào nguồn khi %(u)s đã dùng PTĐV (từ ngày %(s)s), nên mỗi bước được xét theo quy "
            "định; hãy ghi các giấy tờ của hồ sơ ở trang hồ sơ rồi ghi bước này ở đó."
        ) % {"u": case.branch.name, "s": format_vn(since)}
