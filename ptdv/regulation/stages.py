"""The path of a case (quy trình kết nạp đảng viên) and who may move a case along it.

Stage codes are stable identifiers used by the API, imports and reports; the labels are the
Vietnamese words officials use. The path is data (``PATH``), so the views, the API and the
import all agree on what may follow what, and on which role may record which step.
"""

from enum import StrEnum


class Stage(StrEnum):
    """Giai đoạn của hồ sơ phát triển đảng viên."""

    SOURCE = "SOURCE"
    AWARENESS = "AWARENESS"
    DOSSIER = "DOSSIER"
    BRANCH_RESOLVED = "BRANCH_RESOLVED"
    COMMITTEE_RESOLVED = "COMMITTEE_RESOLVED"
    SUBMITTED = "SUBMITTED"
    DECIDED = "DECIDED"
    PROBATION = "PROBATION"
    RECOGNITION_PROPOSED = "RECOGNITION_PROPOSED"
    OFFICIAL = "OFFICIAL"
    WITHDRAWN = "WITHDRAWN"
    NOT_ADMITTED = "NOT_ADMITTED"
    REMOVED = "REMOVED"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


STAGE_LABELS: dict[Stage, str] = {
    Stage.SOURCE: "Nguồn / cảm tình Đảng",
    Stage.AWARENESS: "Học lớp nhận thức về Đảng",
    Stage.DOSSIER: "Lập hồ sơ",
    Stage.BRANCH_RESOLVED: "Chi bộ đề nghị",
    Stage.COMMITTEE_RESOLVED: "Đảng ủy cơ sở đề nghị",
    Stage.SUBMITTED: "Trình cấp có thẩm quyền",
    Stage.DECIDED: "Có quyết định kết nạp",
    Stage.PROBATION: "Đảng viên dự bị",
    Stage.RECOGNITION_PROPOSED: "Đề nghị công nhận chính thức",
    Stage.OFFICIAL: "Đảng viên chính thức",
    Stage.WITHDRAWN: "Rút khỏi nguồn / không tiếp tục",
    Stage.NOT_ADMITTED: "Không được kết nạp",
    Stage.REMOVED: "Xóa tên đảng viên dự bị",
}

#: The open path, in order. OFFICIAL ends it successfully.
PATH: tuple[Stage, ...] = (
    Stage.SOURCE,
    Stage.AWARENESS,
    Stage.DOSSIER,
    Stage.BRANCH_RESOLVED,
    Stage.COMMITTEE_RESOLVED,
    Stage.SUBMITTED,
    Stage.DECIDED,
    Stage.PROBATION,
    Stage.RECOGNITION_PROPOSED,
    Stage.OFFICIAL,
)

#: Closing outcomes; a closed case keeps its history and reason.
CLOSING_OUTCOMES: tuple[Stage, ...] = (Stage.WITHDRAWN, Stage.NOT_ADMITTED, Stage.REMOVED)

#: A probationary member is removed (xóa tên), not "not admitted": only from these stages.
_REMOVABLE_FROM = frozenset({Stage.PROBATION, Stage.RECOGNITION_PROPOSED})


def position(stage: Stage) -> int:
    """Index of an open stage on the path (closing outcomes have none)."""
    return PATH.index(stage)


def is_before(stage: Stage, other: Stage) -> bool:
    """True when ``stage`` is an open stage that comes strictly before ``other`` on the path."""
    return stage in PATH and position(stage) < position(other)


def is_closed(stage: Stage) -> bool:
    """True for the closing outcomes; OFFICIAL is terminal but a success, not a closing outcome."""
    return stage in CLOSING_OUTCOMES


def is_terminal(stage: Stage) -> bool:
    """Nothing can follow: the case is official or closed."""
    return stage == Stage.OFFICIAL or is_closed(stage)


def next_stage(stage: Stage, branch_is_grassroots: bool) -> Stage | None:
    """The next stage on the path; a grassroots branch (chi bộ cơ sở) has no committee step."""
    if is_terminal(stage):
        return None
    following = PATH[position(stage) + 1]
    if following == Stage.COMMITTEE_RESOLVED and branch_is_grassroots:
        following = Stage.SUBMITTED
    return following


def allowed_transitions(stage: Stage, branch_is_grassroots: bool) -> set[Stage]:
    """The stages a case may move to: the next one on the path plus the closing outcomes."""
    if is_terminal(stage):
        return set()
    allowed = {next_stage(stage, branch_is_grassroots)}
    if is_before(stage, Stage.PROBATION):
        allowed |= {Stage.WITHDRAWN, Stage.NOT_ADMITTED}
    if stage in _REMOVABLE_FROM:
        allowed.add(Stage.REMOVED)
    return allowed


#: The furthest open stage each role may record; None: the role records no step at all.
ROLE_MAX_STAGE: dict[str, Stage | None] = {
    "branch": Stage.BRANCH_RESOLVED,
    "committee": Stage.SUBMITTED,
    "organizer": Stage.OFFICIAL,
    "viewer": None,
    "admin": None,
}

#: Closing outcomes a role may record besides the organizer, and the stage a case must be before.
_ROLE_OUTCOMES: dict[str, tuple[frozenset[Stage], Stage]] = {
    # A branch may only record that its own source stopped, before it has voted.
    "branch": (frozenset({Stage.WITHDRAWN}), Stage.BRANCH_RESOLVED),
    # A committee handles cases up to the dossier's submission, not after a decision exists.
    "committee": (frozenset({Stage.WITHDRAWN, Stage.NOT_ADMITTED}), Stage.DECIDED),
}


def role_may_move(role: str, from_stage: Stage, to_stage: Stage) -> bool:
    """May a user with ``role`` record the move of a case from ``from_stage`` to ``to_stage``?

    This answers "is it this role's step to record"; whether the move itself is allowed is
    ``allowed_transitions``' question.
    """
    if role == "organizer":
        return True
    max_stage = ROLE_MAX_STAGE.get(role)
    if max_stage is None:
        return False
    if to_stage in PATH:
        return position(to_stage) <= position(max_stage)
    outcomes, before = _ROLE_OUTCOMES.get(role, (frozenset(), Stage.SOURCE))
    return to_stage in outcomes and is_before(from_stage, before)
