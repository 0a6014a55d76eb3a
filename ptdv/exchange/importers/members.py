"""Importing party members: a membership for a person already in PTĐV, through ptdv.people.membership.

A new member arrives as the membership service records a member coming from outside the
system (`transfer_in`): dated on admission, or on the day the branch was formed when it is
younger, with the admission and official dates kept, so the kept summaries and every count
follow from the member's events as for any other member. On an existing member the import
may record the recognition (probationary → official, `membership.record`) and the card and
dossier numbers; a change of branch or of the dates is a movement recorded on the member's
page, and refused here. The status must agree with the dates.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ptdv.exchange.importers.finding import PersonFinder
from ptdv.exchange.importers.persons import in_file_duplicate
from ptdv.exchange.importing import CREATE, ERROR, UNCHANGED, UPDATE, Importer, Outcome
from ptdv.people import membership
from ptdv.people.choices import MemberEventKind, MemberStatus
from ptdv.people.models import PartyMember
from ptdv.scope import ORGANIZER

NUMBERS = ("card_number", "dossier_number")
NOT_FOUND = _lazy(
    "Không tìm thấy người này trong phạm vi của bạn (theo số CCCD, hoặc họ tên, ngày sinh và thôn); "
    "hãy nhập danh sách người trước."
)


def _vn(day) -> str:
    return day.strftime("%d/%m/%Y")


def find_person(importer: Importer, finder: PersonFinder, outcome: Outcome, values: dict):
    """The existing person a member or case row names (an error on the row if none)."""
    village = None
    if values.get("village"):
        village = importer.attempt(
            outcome, "village", importer.places.village, values["village"], values.get("village_branch")
        )
        if village is None:
            return None
    person = importer.attempt(outcome, "citizen_id", finder.find, values, village)
    if outcome.action == ERROR:
        return None
    if person is None:
        outcome.fail(importer.header("full_name"), str(NOT_FOUND))
    return person


class MemberImporter(Importer):
    kind_name = "members"
    roles = frozenset({ORGANIZER})
    field_columns = {"date": "admitted_on", "kind": "status", "unit": "branch"}

    def __init__(self, user):
        super().__init__(user)
        self.finder = PersonFinder(user, related=("unit", "village__branch", "membership__branch"))
        self.seen: dict = {}

    def prepare(self, parsed_rows):
        self.finder.prepare([values for _outcome, values in parsed_rows])

    def _dates(self, outcome: Outcome, values: dict) -> None:
        """The status agrees with the dates, none of which is ahead of today."""
        today = timezone.localdate()
        admitted, official = values.get("admitted_on"), values.get("official_on")
        for key in ("admitted_on", "official_on"):
            if values.get(key) and values[key] > today:
                outcome.fail(self.header(key), _("Ngày %(d)s ở tương lai.") % {"d": _vn(values[key])})
        status = values.get("status")
        if status == MemberStatus.OFFICIAL and not official:
            outcome.fail(self.header("official_on"), _("Đảng viên chính thức phải có ngày chính thức."))
        if status == MemberStatus.PROBATIONARY and official:
            outcome.fail(
                self.header("official_on"),
                _("Đảng viên dự bị chưa có ngày chính thức: trạng thái và ngày mâu thuẫn nhau."),
            )
        if admitted and official and official <= admitted:
            outcome.fail(
                self.header("official_on"),
                _("Ngày chính thức %(o)s không sau ngày vào Đảng %(a)s.")
                % {"o": _vn(official), "a": _vn(admitted)},
            )

    def judge(self, outcome: Outcome, values: dict) -> None:
        outcome.label = values.get("full_name", "")
        self._dates(outcome, values)
        person = find_person(self, self.finder, outcome, values)
        branch = self.attempt(outcome, "branch", self.places.branch, values["branch"])
        if outcome.action == ERROR or person is None:
            return
        if (earlier := in_file_duplicate(self.seen, person.pk, outcome.number)) is not None:
            outcome.fail(self.header("full_name"), _("Trùng với dòng %(n)s của tệp.") % {"n": earlier})
            return
        try:
            PartyMember(**{k: values.get(k, "") for k in NUMBERS}).clean_fields(
                exclude=[f.name for f in PartyMember._meta.fields if f.name not in NUMBERS]
            )
        except ValidationError as error:
            self.refused(outcome, error)
            return
        member = getattr(person, "membership", None)
        if member is None:
            self._new(outcome, values, person, branch)
        else:
            self._existing(outcome, values, member, branch)

    def _new(self, outcome, values, person, branch) -> None:
        on = max(values["admitted_on"], branch.valid_from or values["admitted_on"])
        if self.attempt(outcome, "branch", self.places.branch, branch.code, on) is None:
            return
        outcome.action, outcome.plan = CREATE, (person, branch, on, values)

    def _existing(self, outcome, values, member: PartyMember, branch) -> None:
        if member.status == MemberStatus.LEFT:
            outcome.fail("", _("%(p)s đã ra khỏi Đảng bộ; không nhập lại.") % {"p": member.person.full_name})
            return
        moved = []
        if member.branch_id != branch.pk:
            moved.append(self.header("branch"))
        if member.admitted_on != values["admitted_on"]:
            moved.append(self.header("admitted_on"))
        recognise = member.status == MemberStatus.PROBATIONARY and values["status"] == MemberStatus.OFFICIAL
        if not recognise and (member.status, member.official_on) != (
            values["status"],
            values.get("official_on"),
        ):
            moved.append(self.header("status"))
        if moved:
            outcome.fail(
                "",
                _(
                    "Đảng viên đã có, khác tệp ở: %(c)s. Chuyển sinh hoạt và các sự kiện của đảng viên "
                    "được ghi ở trang đảng viên."
                )
                % {"c": ", ".join(moved)},
            )
            return
        numbers = {k: values[k] for k in NUMBERS if k in values and values[k] != getattr(member, k)}
        if not recognise and not numbers:
            outcome.action = UNCHANGED
            return
        changed = [self.header("status")] * recognise + [self.header(k) for k in numbers]
        outcome.label += " — " + _("sửa: %(c)s") % {"c": ", ".join(changed)}
        outcome.action, outcome.plan = UPDATE, (member, values["official_on"] if recognise else None, numbers)

    def write(self, outcome: Outcome) -> None:
        if outcome.action == CREATE:
            person, branch, on, values = outcome.plan
            member = membership.transfer_in(
                person,
                branch,
                on,
                status=values["status"],
                admitted_on=values["admitted_on"],
                official_on=values.get("official_on"),
                by=self.user,
            )
            numbers = {k: values[k] for k in NUMBERS if k in values}
        else:
            member, official_on, numbers = outcome.plan
            if official_on is not None:
                membership.record(member, MemberEventKind.RECOGNISED, official_on, by=self.user)
                member.refresh_from_db()
        if numbers:
            for key, value in numbers.items():
                setattr(member, key, value)
            member.version += 1
            member.save(update_fields=[*numbers, "version"])
