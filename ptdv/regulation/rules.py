"""Checking a case against the regulation in force: every rule code, and what blocks a move.

``check`` runs every rule as of a date (normally the branch meeting date) under the version in
force that day and returns all findings. ``check_transition`` is the same check made just before
recording a move: for BRANCH_RESOLVED the act's date stands in for the meeting date, so every
required item that is still missing becomes an error. ``blocking`` keeps the errors that stop a
given move. The rule functions live in small modules by subject; this one only lists them.
"""

from collections.abc import Callable
from datetime import date

from ptdv.regulation.dates import format_vn
from ptdv.regulation.facts import CaseFacts
from ptdv.regulation.findings import Finding
from ptdv.regulation.rulekit import error
from ptdv.regulation.rules_dossier import (
    APPLICATION,
    AWARENESS_CERT,
    AWARENESS_CERT_EXPIRING,
    COMMENTS,
    VERIFICATION,
    application,
    awareness_cert,
    awareness_cert_expiring,
    comments,
    verification,
)
from ptdv.regulation.rules_introducers import (
    INTRODUCER_OFFICIAL,
    INTRODUCER_TOGETHER,
    INTRODUCERS,
    introducer_official,
    introducer_together,
    introducers,
)
from ptdv.regulation.rules_meetings import (
    BRANCH_SIZE,
    BRANCH_VOTE,
    COMMITTEE_VOTE,
    branch_size,
    branch_vote,
    committee_vote,
)
from ptdv.regulation.rules_person import (
    AGE_MAX,
    AGE_MIN,
    DUPLICATE_PERSON,
    EDUCATION,
    READMISSION,
    age_max,
    age_min,
    duplicate_person,
    education,
    readmission,
)
from ptdv.regulation.stages import Stage
from ptdv.regulation.versions import VERSIONS, RegulationVersion, Settings, version_on

NO_REGULATION = "NO_REGULATION"

Rule = Callable[..., list[Finding]]

#: Rule code → function, in the order of DOMAIN.md's table.
RULES: dict[str, Rule] = {
    AGE_MIN: age_min,
    AGE_MAX: age_max,
    EDUCATION: education,
    AWARENESS_CERT: awareness_cert,
    AWARENESS_CERT_EXPIRING: awareness_cert_expiring,
    APPLICATION: application,
    VERIFICATION: verification,
    INTRODUCERS: introducers,
    INTRODUCER_OFFICIAL: introducer_official,
    INTRODUCER_TOGETHER: introducer_together,
    COMMENTS: comments,
    BRANCH_SIZE: branch_size,
    BRANCH_VOTE: branch_vote,
    COMMITTEE_VOTE: committee_vote,
    READMISSION: readmission,
    DUPLICATE_PERSON: duplicate_person,
}

RULE_CODES: tuple[str, ...] = (*RULES, NO_REGULATION)

#: Rule code → the short Vietnamese words people see instead of the code (the API keeps codes).
RULE_LABELS: dict[str, str] = {
    AGE_MIN: "Tuổi (đủ 18)",
    AGE_MAX: "Tuổi (trên 60)",
    EDUCATION: "Trình độ học vấn",
    AWARENESS_CERT: "Giấy chứng nhận lớp nhận thức",
    AWARENESS_CERT_EXPIRING: "Giấy chứng nhận sắp hết giá trị",
    APPLICATION: "Đơn, lý lịch",
    VERIFICATION: "Thẩm tra lý lịch",
    INTRODUCERS: "Người giới thiệu",
    INTRODUCER_OFFICIAL: "Người giới thiệu: đảng viên chính thức",
    INTRODUCER_TOGETHER: "Người giới thiệu: thời gian cùng công tác",
    COMMENTS: "Nhận xét đoàn thể, nơi cư trú",
    BRANCH_SIZE: "Số đảng viên của chi bộ",
    BRANCH_VOTE: "Biểu quyết của chi bộ",
    COMMITTEE_VOTE: "Biểu quyết của đảng ủy",
    READMISSION: "Kết nạp lại",
    DUPLICATE_PERSON: "Trùng người",
    NO_REGULATION: "Chưa có quy định áp dụng",
}

DEFAULT_SETTINGS = Settings()


def no_regulation(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion | None,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """NO_REGULATION: ngày của việc cần kiểm tra trước mọi văn bản quy định mà hệ thống biết."""
    if version is not None:
        return []
    earliest = min(VERSIONS, key=lambda v: v.valid_from)
    message = (
        f"Ngày {format_vn(as_of)} trước mọi văn bản quy định mà hệ thống biết "
        f"(sớm nhất: {earliest.title}, có hiệu lực từ ngày {format_vn(earliest.valid_from)})"
    )
    blocks = (target,) if target is not None else tuple(Stage)
    return [error(NO_REGULATION, message, None, facts, blocks)]


def _run(facts: CaseFacts, as_of: date, settings: Settings, target: Stage | None) -> list[Finding]:
    version = version_on(as_of)
    if version is None:
        return no_regulation(facts, as_of, None, settings, target)
    findings: list[Finding] = []
    for rule in RULES.values():
        findings.extend(rule(facts, as_of, version, settings, target))
    return findings


def check(facts: CaseFacts, as_of: date, settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    """Every finding on the case as of ``as_of`` (normally the branch meeting date)."""
    return _run(facts, as_of, settings, target=None)


def check_transition(
    facts: CaseFacts, target_stage: Stage, as_of: date, settings: Settings = DEFAULT_SETTINGS
) -> list[Finding]:
    """Every finding just before moving the case to ``target_stage`` by an act dated ``as_of``.

    Returns warnings too; ``blocking(findings, target_stage)`` is what stops the move.
    """
    return _run(facts, as_of, settings, target=target_stage)


def blocking(findings: list[Finding], target_stage: Stage) -> list[Finding]:
    """The error findings that block moving to ``target_stage``."""
    return [f for f in findings if f.is_error and target_stage in f.blocks]
