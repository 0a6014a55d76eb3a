"""Rules about who introduces the applicant (người giới thiệu, mẫu 3-KNĐ, 4-KNĐ, 4A-KNĐ).

Introduction is accepted in any of the forms the regulation allows: two official members; or,
for an applicant of Youth Union age (Settings.youth_union_age, on the date of the resolution or
else of the meeting) where a Youth Union exists, its resolution plus one official member; or,
where there is no Youth Union, the trade union's resolution plus one official member. Whether
each introducer is official, and long enough with the applicant, are separate rule codes.
"""

from datetime import date

from ptdv.regulation.dates import add_months, format_age, format_vn, full_months_between
from ptdv.regulation.facts import CaseFacts
from ptdv.regulation.findings import Finding
from ptdv.regulation.items import INTRODUCTION
from ptdv.regulation.rulekit import after_meeting, error, meeting_date
from ptdv.regulation.stages import Stage
from ptdv.regulation.versions import RegulationVersion, Settings

INTRODUCERS = "INTRODUCERS"
INTRODUCER_OFFICIAL = "INTRODUCER_OFFICIAL"
INTRODUCER_TOGETHER = "INTRODUCER_TOGETHER"

_YOUTH_UNION = "nghị quyết giới thiệu của Ban Chấp hành Đoàn cơ sở (mẫu 4-KNĐ)"
_TRADE_UNION = "nghị quyết giới thiệu của Ban Chấp hành Công đoàn cơ sở (mẫu 4A-KNĐ)"


def youth_union_age_months(facts: CaseFacts, on: date) -> int | None:
    """The applicant's age in whole months on ``on``, or None without a birth date."""
    if facts.birth_date is None:
        return None
    return full_months_between(facts.birth_date, on)


def in_youth_union_age(age_months: int | None, settings: Settings) -> bool:
    """Trong độ tuổi đoàn: from full ``low`` years until the day before ``high + 1`` years."""
    if age_months is None:
        return False
    low, high = settings.youth_union_age
    return low * 12 <= age_months < (high + 1) * 12


def introducers(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """INTRODUCERS: hai đảng viên chính thức giới thiệu; người trong độ tuổi đoàn nơi có tổ chức
    Đoàn: Ban Chấp hành Đoàn cơ sở và một đảng viên chính thức; nơi không có tổ chức Đoàn: Ban
    Chấp hành Công đoàn cơ sở và một đảng viên chính thức."""
    meeting = meeting_date(facts, as_of, target)
    if meeting is None:
        return []
    stale = _stale_or_late(facts, meeting, settings)
    findings = [error(INTRODUCERS, m, version, facts, item=INTRODUCTION) for m in stale]
    count = len(facts.introducers)
    if count >= 2:
        return findings
    if facts.youth_union_exists:
        resolution, resolution_text = facts.youth_union_resolution_date, _YOUTH_UNION
    else:
        resolution, resolution_text = facts.trade_union_resolution_date, _TRADE_UNION
    age = youth_union_age_months(facts, resolution or meeting)
    youth = in_youth_union_age(age, settings)
    if youth and resolution is not None and count >= 1:
        return findings
    if youth:
        where = "" if facts.youth_union_exists else ", nơi không có tổ chức Đoàn"
        have = f"có {count} đảng viên giới thiệu" + (", chưa có nghị quyết" if resolution is None else "")
        message = (
            f"Người vào Đảng {format_age(age)} (trong độ tuổi đoàn{where}) cần {resolution_text} "
            "và một đảng viên chính thức giới thiệu, hoặc hai đảng viên chính thức giới thiệu; "
            f"hiện {have}"
        )
    else:
        message = f"Cần hai đảng viên chính thức giới thiệu (mẫu 3-KNĐ), hiện có {count}"
    findings.append(error(INTRODUCERS, message, version, facts, item=INTRODUCTION))
    return findings


def _stale_or_late(facts: CaseFacts, meeting: date, settings: Settings) -> list[str]:
    """Introductions dated after the meeting, or older than Settings.introduction_valid_months."""
    dated = [(f"Giấy giới thiệu của đảng viên {i.name}", i.intro_date) for i in facts.introducers]
    dated.append(("Nghị quyết giới thiệu của Đoàn", facts.youth_union_resolution_date))
    dated.append(("Nghị quyết giới thiệu của Công đoàn", facts.trade_union_resolution_date))
    valid = settings.introduction_valid_months
    messages = []
    for label, d in dated:
        if d is None:
            continue
        late = after_meeting(label, d, meeting)
        if late:
            messages.append(late)
        elif valid is not None and add_months(d, valid) < meeting:
            messages.append(
                f"{label} ngày {format_vn(d)} đã quá {valid} tháng vào ngày chi bộ họp {format_vn(meeting)}"
            )
    return messages


def introducer_official(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """INTRODUCER_OFFICIAL: người giới thiệu phải là đảng viên chính thức vào ngày giới thiệu."""
    findings = []
    for introducer in facts.introducers:
        if introducer.is_official_on_intro_date:
            continue
        on = (
            f" vào ngày giới thiệu {format_vn(introducer.intro_date)}"
            if introducer.intro_date
            else " khi giới thiệu"
        )
        message = f"Người giới thiệu {introducer.name} chưa là đảng viên chính thức{on}"
        findings.append(error(INTRODUCER_OFFICIAL, message, version, facts, item=INTRODUCTION))
    return findings


def introducer_together(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """INTRODUCER_TOGETHER: người giới thiệu cùng công tác, học tập hoặc cư trú với người vào
    Đảng ít nhất 12 tháng; không bắt buộc với người giới thiệu thay thế."""
    findings = []
    needed = version.introducer_together_months
    for introducer in facts.introducers:
        if introducer.replacement or introducer.months_together >= needed:
            continue
        on = f" tính đến ngày giới thiệu {format_vn(introducer.intro_date)}" if introducer.intro_date else ""
        message = (
            f"Người giới thiệu {introducer.name} mới cùng công tác, học tập hoặc cư trú "
            f"với người vào Đảng {introducer.months_together} tháng{on}, cần ít nhất {needed} tháng"
        )
        findings.append(error(INTRODUCER_TOGETHER, message, version, facts, item=INTRODUCTION))
    return findings
