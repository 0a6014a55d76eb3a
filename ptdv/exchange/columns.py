"""The sheet format of each kind of record exchanged with spreadsheets (units, villages,
persons, members, cases): one definition that the templates, the exports and the import read.

A file exported here is exactly what the import reads back: the same Vietnamese headers, a
unit named by its code, dates as dates, a choice by its Vietnamese label, yes/no as "Có"/
"Không". So an official can export their members, correct them in Excel and import the
file again, and a file written by hand from the template reads the same way.

`Kind.rows(queryset)` yields the values of each record in column order; `Kind.queryset(user)`
is the user's records of the kind, through the one scope mechanism (ptdv.scope).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from ptdv.cases.models import STAGE_CHOICES, Case, CaseEvent, SourceCategory, SourceOrganisation
from ptdv.org.models import BranchType, DecidingBody, Unit, UnitKind, Village, VillageKind
from ptdv.people.choices import ETHNICITIES, Education, MemberStatus, Occupation, Religion, Sex
from ptdv.people.models import PartyMember, Person
from ptdv.regulation import Stage
from ptdv.scope import sees_field

TEXT = "text"
DATE = "date"
CHOICE = "choice"
YES_NO = "yes_no"

YES, NO = "Có", "Không"
DATE_HELP = "Ngày dạng dd/mm/yyyy hoặc ô ngày của Excel."


@dataclass(frozen=True)
class Column:
    """One column: `key` is what the import calls the value, `header` what people read.

    A choice column lists its Vietnamese labels in `allowed` and the stored codes, in the
    same order, in `codes`. `sensitive` names the record's field whose readers (ptdv.scope
    FIELD_ROLES) alone see the column's values.
    """

    key: str
    header: str
    required: bool
    allowed: tuple[str, ...] = ()
    help: str = ""
    type: str = TEXT
    codes: tuple[str, ...] = ()
    sensitive: str = ""
    # (code, label) of stored values an export may show but the import does not take (a member
    # who left the party organisation, on the member list's export).
    shown_only: tuple[tuple[str, str], ...] = ()

    @cached_property
    def _labels(self) -> dict[str, str]:
        return {**dict(self.shown_only), **dict(zip(self.codes, self.allowed, strict=True))}

    @cached_property
    def show(self) -> Callable[[object], object]:
        """A stored value as the sheet shows it (decided once per column: an export calls it
        for every cell)."""
        if self.type == CHOICE:
            labels = self._labels

            def label(value):
                return None if value is None or value == "" else labels.get(value) or str(value)

            return label
        if self.type == YES_NO:
            return lambda value: YES if value else NO
        return lambda value: None if value == "" else value

    def label_of(self, code) -> str:
        """The Vietnamese label of a stored code ('' for none)."""
        if code in (None, ""):
            return ""
        return self._labels.get(code) or str(code)


def choice(key: str, header: str, required: bool, choices, help: str = "", sensitive: str = "") -> Column:
    """A column whose values are the labels of `choices` ((code, label) pairs)."""
    pairs = [(str(code), str(label)) for code, label in choices]
    return Column(
        key,
        header,
        required,
        allowed=tuple(label for _code, label in pairs),
        help=help,
        type=CHOICE,
        codes=tuple(code for code, _label in pairs),
        sensitive=sensitive,
    )


def yes_no(key: str, header: str, help: str = "") -> Column:
    return Column(key, header, False, allowed=(YES, NO), help=help, type=YES_NO)


def date_column(key: str, header: str, required: bool, help: str = "") -> Column:
    return Column(key, header, required, help=help or DATE_HELP, type=DATE)


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    columns: tuple[Column, ...]
    _queryset: Callable[[object], QuerySet] = field(repr=False, compare=False)
    _values: Callable[[object], dict] = field(repr=False, compare=False)
    # (name, ORM path) of what `_values` reads, when it reads a flat dict rather than a record:
    # the export then reads plain values (values_list), not model instances — a province's
    # export spends its time writing the sheet, not building 100,000 × 4 objects.
    lookups: tuple[tuple[str, str], ...] = ()
    # Values computed for each record (a case's step dates), added to whichever scoped
    # queryset is exported: the kind's own, or a list page's filtered one (the board's).
    annotations: Callable[[], dict] | None = field(default=None, repr=False, compare=False)

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def queryset(self, user) -> QuerySet:
        """The user's records of this kind, in their scope, ready for `rows`."""
        return self._queryset(user)

    def export_values(self, record) -> dict:
        """The record's values by column key, as stored (codes, dates, booleans)."""
        if self.lookups:
            return self._values({name: _follow(record, path) for name, path in self.lookups})
        return self._values(record)

    def rows(self, queryset_in_scope, *, viewer=None) -> Iterator[list]:
        """Each record's values in column order, in the form the import reads back.

        With `viewer`, a sensitive column is left empty for a viewer who may not read it.
        """
        hidden = {
            c.key
            for c in self.columns
            if c.sensitive and viewer is not None and not sees_field(viewer, c.sensitive)
        }
        # A text or date is written as read (an empty text is an empty cell either way); only
        # choices and yes/no are turned into their words.
        shown = [
            (c.key, c.show if c.type in (CHOICE, YES_NO) else None) if c.key not in hidden else (None, None)
            for c in self.columns
        ]
        if self.annotations is not None:
            queryset_in_scope = queryset_in_scope.annotate(**self.annotations())
        if self.lookups:
            names = [name for name, _path in self.lookups]
            found = queryset_in_scope.values_list(*(path for _name, path in self.lookups))
            records = (dict(zip(names, row, strict=True)) for row in found.iterator(chunk_size=2000))
        else:
            records = queryset_in_scope.iterator(chunk_size=2000)
        for record in records:
            value = self._values(record).get
            yield [value(key) if show is None else show(value(key)) for key, show in shown]


def _follow(record, path: str):
    """The value at an ORM path ("person__village__branch__code") of a record; None past a
    missing relation."""
    for name in path.split("__"):
        if record is None:
            return None
        record = getattr(record, name)
    return record


def cell(column: Column, value):
    """A stored value as the sheet shows it."""
    return column.show(value)


# --- Units -----------------------------------------------------------------------------

UNIT_COLUMNS = (
    Column("code", "Mã đơn vị", True, help="Mã duy nhất của tổ chức đảng, ví dụ BK.PN.CM."),
    Column("name", "Tên đơn vị", True),
    choice("kind", "Loại đơn vị", True, UnitKind.choices),
    Column(
        "parent",
        "Mã đơn vị cấp trên",
        False,
        help="Mã của tổ chức đảng cấp trên trực tiếp; để trống chỉ với đơn vị cấp cao nhất đã có.",
    ),
    choice("branch_type", "Loại chi bộ", False, BranchType.choices),
    choice("deciding_body", "Cấp quyết định kết nạp", False, DecidingBody.choices),
    date_column("valid_from", "Ngày thành lập", True),
)


def _units(user) -> QuerySet:
    parent_code = Unit.objects.filter(pk=OuterRef("parent_id")).values("code")[:1]
    return (
        Unit.objects.visible_to(user)
        .filter(valid_to__isnull=True)
        .with_parent_id()
        .annotate(parent_code=Subquery(parent_code))
        .order_by("path")
    )


def _unit_values(unit) -> dict:
    return {
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind,
        "parent": getattr(unit, "parent_code", None) or "",
        "branch_type": unit.branch_type,
        "deciding_body": unit.deciding_body,
        "valid_from": unit.valid_from,
    }


# --- Villages --------------------------------------------------------------------------

VILLAGE_COLUMNS = (
    Column("name", "Tên thôn, bản, tổ dân phố", True, help="Tên không kèm chữ “Thôn”, “Bản”."),
    choice("kind", "Loại", True, VillageKind.choices),
    Column("branch", "Mã chi bộ", True, help="Mã của chi bộ mà thôn sinh hoạt."),
    date_column("since", "Sinh hoạt tại chi bộ từ ngày", True),
)


def _villages(user) -> QuerySet:
    return (
        Village.objects.visible_to(user)
        .select_related("branch")
        .prefetch_related("assignments")
        .order_by("branch__path", "name", "id")
    )


def _village_since(village):
    current = [a for a in village.assignments.all() if a.valid_to is None]
    return current[-1].valid_from if current else None


def _village_values(village) -> dict:
    return {
        "name": village.name,
        "kind": village.kind,
        "branch": village.branch.code,
        "since": _village_since(village),
    }


# --- The columns that find a person (persons, members, cases) ---------------------------

PERSON_KEY_COLUMNS = (
    Column("full_name", "Họ và tên", True),
    date_column("birth_date", "Ngày sinh", True),
    Column(
        "citizen_id",
        "Số CCCD",
        False,
        help="12 chữ số. Người được tìm theo số CCCD, hoặc theo họ tên, ngày sinh và thôn.",
        sensitive="citizen_id",
    ),
    Column("village", "Thôn, bản, tổ dân phố", False, help="Ví dụ: Thôn Phya Mạ."),
    Column("village_branch", "Mã chi bộ của thôn", False, help="Cần khi hai thôn trong phạm vi trùng tên."),
)


# What the person key columns read, from a person (through a prefix from a member or case).
PERSON_KEY_LOOKUPS = (
    ("full_name", "full_name"),
    ("birth_date", "birth_date"),
    ("citizen_id", "citizen_id"),
    ("village_kind", "village__kind"),
    ("village_name", "village__name"),
    ("village_branch", "village__branch__code"),
)
# Village.__str__, by code (the labels read once, as choice() reads them).
VILLAGE_KINDS = {str(code): str(label) for code, label in VillageKind.choices}


def _through(prefix: str, lookups) -> tuple[tuple[str, str], ...]:
    return tuple((name, prefix + path) for name, path in lookups)


def _village_label(kind, name) -> str:
    return f"{VILLAGE_KINDS.get(kind, kind)} {name}" if name is not None else ""


def _person_key_values(v: dict) -> dict:
    """The values of a person, member or case read by their lookups, in the sheet's form: the
    lookups already name the kind's other columns, so the dict read is completed in place
    (no copy of each of a province's rows)."""
    v["citizen_id"] = v["citizen_id"] or ""
    v["village"] = _village_label(v["village_kind"], v["village_name"])
    v["village_branch"] = v["village_branch"] or ""
    return v


# --- Persons ---------------------------------------------------------------------------

PERSON_COLUMNS = (
    *PERSON_KEY_COLUMNS[:2],
    choice("sex", "Giới tính", True, Sex.choices),
    PERSON_KEY_COLUMNS[2],
    choice("ethnicity", "Dân tộc", False, ETHNICITIES, help="Để trống: Kinh.", sensitive="ethnicity"),
    choice("religion", "Tôn giáo", False, Religion.choices, help="Để trống: Không.", sensitive="religion"),
    choice("education", "Trình độ học vấn", True, Education.choices),
    choice("occupation", "Nghề nghiệp", True, Occupation.choices),
    yes_no("youth_union", "Đoàn viên"),
    *PERSON_KEY_COLUMNS[3:],
    Column("home_town", "Quê quán", False, sensitive="home_town"),
    Column("phone", "Số điện thoại", False, sensitive="phone"),
    Column("unit", "Mã đơn vị quản lý", True, help="Mã của tổ chức đảng quản lý người này."),
)


def _persons(user) -> QuerySet:
    return (
        Person.objects.visible_to(user).select_related("unit", "village__branch").order_by("sort_key", "id")
    )


PERSON_FIELDS = (
    "sex",
    "ethnicity",
    "religion",
    "education",
    "occupation",
    "youth_union",
    "home_town",
    "phone",
)
PERSON_LOOKUPS = (*PERSON_KEY_LOOKUPS, *((f, f) for f in PERSON_FIELDS), ("unit", "unit__code"))


# --- Members ---------------------------------------------------------------------------

MEMBER_STATUSES = [(s.value, s.label) for s in (MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL)]

MEMBER_COLUMNS = (
    *PERSON_KEY_COLUMNS,
    Column("branch", "Mã chi bộ", True, help="Mã của chi bộ đảng viên đang sinh hoạt."),
    replace(
        choice("status", "Trạng thái", True, MEMBER_STATUSES),
        shown_only=((MemberStatus.LEFT.value, str(MemberStatus.LEFT.label)),),
    ),
    date_column("admitted_on", "Ngày vào Đảng", True),
    date_column("official_on", "Ngày chính thức", False, help="Bắt buộc với đảng viên chính thức."),
    Column("card_number", "Số thẻ đảng viên", False),
    Column("dossier_number", "Số hồ sơ đảng viên", False),
)


def _members(user) -> QuerySet:
    return (
        PartyMember.objects.visible_to(user)
        .current()
        .select_related("person__village__branch", "branch")
        .order_by("person__sort_key", "id")
    )


MEMBER_FIELDS = ("status", "admitted_on", "official_on", "card_number", "dossier_number")
MEMBER_LOOKUPS = (
    *_through("person__", PERSON_KEY_LOOKUPS),
    ("branch", "branch__code"),
    *((f, f) for f in MEMBER_FIELDS),
)


# --- Cases -----------------------------------------------------------------------------

#: The date column of each step of the path after the source: a case's sheet row says how far
#: it has come and when each step was taken, as officials keep it in their own books.
STEP_DATES: dict[Stage, Column] = {
    stage: date_column(f"{stage.value.lower()}_on", header, False)
    for stage, header in (
        (Stage.AWARENESS, "Ngày học lớp nhận thức"),
        (Stage.DOSSIER, "Ngày lập hồ sơ"),
        (Stage.BRANCH_RESOLVED, "Ngày chi bộ đề nghị"),
        (Stage.COMMITTEE_RESOLVED, "Ngày đảng ủy cơ sở đề nghị"),
        (Stage.SUBMITTED, "Ngày trình cấp có thẩm quyền"),
        (Stage.DECIDED, "Ngày quyết định kết nạp"),
        (Stage.PROBATION, "Ngày kết nạp"),
        (Stage.RECOGNITION_PROPOSED, "Ngày đề nghị công nhận chính thức"),
        (Stage.OFFICIAL, "Ngày công nhận chính thức"),
    )
}

CASE_COLUMNS = (
    *PERSON_KEY_COLUMNS,
    Column("branch", "Mã chi bộ", True),
    date_column("opened_on", "Ngày đưa vào nguồn", True),
    choice("source_organisation", "Tổ chức giới thiệu nguồn", True, SourceOrganisation.choices),
    choice("source_category", "Loại nguồn", True, SourceCategory.choices),
    choice(
        "stage",
        "Giai đoạn",
        False,
        STAGE_CHOICES,
        help=(
            "Giai đoạn hồ sơ đã đến; mỗi bước đến giai đoạn này cần ngày của bước ở cột của nó. "
            "Để trống: bước cuối cùng có ngày (Nguồn khi không có ngày nào)."
        ),
    ),
    *STEP_DATES.values(),
    yes_no("hardship_area", "Vùng khó khăn", help="Vùng cao, biên giới, hải đảo, dân tộc, khó khăn."),
    yes_no(
        "youth_union_exists", "Có tổ chức Đoàn", help="Nơi làm việc/cư trú có tổ chức Đoàn. Để trống: Có."
    ),
)


def _step_date(stage: Stage) -> Subquery:
    """The date of the case's latest move in force to `stage` (an undone move and the event
    undoing it are not in force: ptdv.cases.facts.effective_events)."""
    in_force = CaseEvent.objects.filter(case=OuterRef("pk"), stage=stage, reverts__isnull=True).exclude(
        Exists(CaseEvent.objects.filter(reverts=OuterRef("pk")))
    )
    return Subquery(in_force.order_by("-date", "-id").values("date")[:1])


def _step_dates() -> dict:
    return {column.key: _step_date(stage) for stage, column in STEP_DATES.items()}


def _cases(user) -> QuerySet:
    return (
        Case.objects.visible_to(user)
        .select_related("person__village__branch", "branch")
        .order_by("person__sort_key", "id")
    )


CASE_FIELDS = (
    "opened_on",
    "source_organisation",
    "source_category",
    "stage",
    *(column.key for column in STEP_DATES.values()),
    "hardship_area",
    "youth_union_exists",
)
CASE_LOOKUPS = (
    *_through("person__", PERSON_KEY_LOOKUPS),
    ("branch", "branch__code"),
    *((f, f) for f in CASE_FIELDS),
)


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("units", "Tổ chức đảng", UNIT_COLUMNS, _units, _unit_values),
        Kind("villages", "Thôn, bản, tổ dân phố", VILLAGE_COLUMNS, _villages, _village_values),
        Kind("persons", "Người", PERSON_COLUMNS, _persons, _person_key_values, PERSON_LOOKUPS),
        Kind("members", "Đảng viên", MEMBER_COLUMNS, _members, _person_key_values, MEMBER_LOOKUPS),
        Kind(
            "cases",
            "Hồ sơ phát triển đảng viên",
            CASE_COLUMNS,
            _cases,
            _person_key_values,
            CASE_LOOKUPS,
            _step_dates,
        ),
    )
}
