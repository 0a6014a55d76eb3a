"""Rules about the meetings that vote: branch size, the branch vote, the committee vote.

Two-thirds is computed in integers from the version's ``vote_fraction``: votes × 3 ≥ members × 2,
so 9 summoned need 6 votes and 3 need 2. The branch vote counts the official members
summoned (triệu tập), not those present; the committee vote counts all its members.
"""

from datetime import date

from ptdv.regulation.dates import format_vn
from ptdv.regulation.facts import CaseFacts
from ptdv.regulation.findings import Finding
from ptdv.regulation.rulekit import error, fraction_text, meeting_date, votes_needed
from ptdv.regulation.stages import Stage
from ptdv.regulation.versions import RegulationVersion, Settings

BRANCH_SIZE = "BRANCH_SIZE"
BRANCH_VOTE = "BRANCH_VOTE"
COMMITTEE_VOTE = "COMMITTEE_VOTE"


def branch_size(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """BRANCH_SIZE: chi bộ có ít nhất 3 đảng viên chính thức vào ngày họp
    (Điều lệ Đảng, Điều 21)."""
    meeting = meeting_date(facts, as_of, target)
    if meeting is None:
        return []
    members = facts.branch_official_members
    if members is None:
        message = f"Chưa ghi số đảng viên chính thức của chi bộ vào ngày họp {format_vn(meeting)}"
        return [error(BRANCH_SIZE, message, version, facts)]
    if members >= version.branch_min_official:
        return []
    message = (
        f"Chi bộ chỉ có {members} đảng viên chính thức vào ngày {format_vn(meeting)}, "
        f"cần ít nhất {version.branch_min_official}"
    )
    return [error(BRANCH_SIZE, message, version, facts)]


def branch_vote(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """BRANCH_VOTE: có ít nhất hai phần ba số đảng viên chính thức được triệu tập tán thành."""
    meeting = meeting_date(facts, as_of, target)
    if meeting is None:
        return []
    summoned, votes = facts.summoned_official_members, facts.votes_for
    if summoned is None or votes is None:
        message = (
            "Chưa ghi số đảng viên chính thức được triệu tập và số phiếu tán thành "
            f"của cuộc họp chi bộ ngày {format_vn(meeting)}"
        )
        return [error(BRANCH_VOTE, message, version, facts)]
    members = facts.branch_official_members
    if summoned < 1:
        message = f"Cuộc họp chi bộ ngày {format_vn(meeting)} không triệu tập đảng viên chính thức nào"
    elif members is not None and summoned > members:
        message = (
            f"Số đảng viên chính thức được triệu tập ({summoned}) nhiều hơn "
            f"số đảng viên chính thức của chi bộ ({members}) vào ngày {format_vn(meeting)}"
        )
    elif votes > summoned:
        message = (
            f"Số phiếu tán thành ({votes}) nhiều hơn số đảng viên chính thức được triệu tập ({summoned})"
        )
    elif votes < (needed := votes_needed(summoned, version.vote_fraction)):
        message = (
            f"Cần ít nhất {needed} phiếu tán thành "
            f"({fraction_text(version.vote_fraction)} của {summoned} "
            f"đảng viên chính thức được triệu tập), chỉ có {votes}"
        )
    else:
        return []
    return [error(BRANCH_VOTE, message, version, facts)]


def committee_vote(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """COMMITTEE_VOTE: đảng ủy cơ sở đề nghị (hoặc, khi được ủy quyền, quyết định) kết nạp khi
    có ít nhất hai phần ba tổng số cấp ủy viên tán thành."""
    blocks = (
        (Stage.COMMITTEE_RESOLVED, Stage.DECIDED)
        if facts.committee_delegated
        else (Stage.COMMITTEE_RESOLVED,)
    )
    members, votes = facts.committee_members, facts.committee_votes_for
    on = f" ngày {format_vn(facts.committee_meeting_date)}" if facts.committee_meeting_date else ""
    if members is None or votes is None:
        if target in blocks:
            message = f"Chưa ghi tổng số ủy viên đảng ủy và số phiếu tán thành của cuộc họp đảng ủy{on}"
            return [error(COMMITTEE_VOTE, message, version, facts, blocks)]
        return []
    if members < 1:
        message = f"Cuộc họp đảng ủy{on} không có ủy viên nào"
    elif votes > members:
        message = f"Số phiếu tán thành ({votes}) nhiều hơn tổng số ủy viên đảng ủy ({members})"
    elif votes < (needed := votes_needed(members, version.vote_fraction)):
        deciding = " được ủy quyền quyết định kết nạp" if facts.committee_delegated else ""
        message = (
            f"Cuộc họp đảng ủy{deciding}{on}: cần ít nhất {needed} phiếu tán thành "
            f"({fraction_text(version.vote_fraction)} của {members} ủy viên đảng ủy), "
            f"chỉ có {votes}"
        )
    else:
        return []
    return [error(COMMITTEE_VOTE, message, version, facts, blocks)]
