"""Rules about the person: age, education, readmission of a former member, duplicates.

Each function is one rule code of DOMAIN.md and reads like the sentence it cites. Ages and
waiting periods are whole months counted with ``dates.full_months_between`` on the branch
meeting date (ngày chi bộ họp xét kết nạp).
"""

from datetime import date

from ptdv.regulation.dates import add_months, format_age, format_vn, full_months_between
from ptdv.regulation.facts import EDUCATION_LABELS, EDUCATION_LEVELS, CaseFacts
from ptdv.regulation.findings import Finding
from ptdv.regulation.rulekit import error, meeting_date
from ptdv.regulation.stages import Stage
from ptdv.regulation.versions import RegulationVersion, Settings

AGE_MIN = "AGE_MIN"
AGE_MAX = "AGE_MAX"
EDUCATION = "EDUCATION"
READMISSION = "READMISSION"
DUPLICATE_PERSON = "DUPLICATE_PERSON"

_PROVINCE = "Ban Thường vụ Tỉnh ủy"
_RELAXED = "vùng cao, biên giới, hải đảo, vùng đồng bào dân tộc thiểu số, vùng khó khăn và với ngư dân"


def age_min(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """AGE_MIN: đủ 18 tuổi, tính theo tháng, vào ngày chi bộ họp xét kết nạp."""
    meeting = meeting_date(facts, as_of, target)
    if meeting is None:
        return []
    if facts.birth_date is None:
        return [error(AGE_MIN, "Chưa có ngày sinh của người vào Đảng", version, facts)]
    age = full_months_between(facts.birth_date, meeting)
    if age >= version.min_age_months:
        return []
    message = (
        f"Vào ngày chi bộ họp {format_vn(meeting)}, người vào Đảng "
        f"(sinh ngày {format_vn(facts.birth_date)}) "
        f"mới {format_age(max(age, 0))}, chưa đủ {format_age(version.min_age_months)}; "
        f"đủ tuổi từ ngày {format_vn(add_months(facts.birth_date, version.min_age_months))}"
    )
    return [error(AGE_MIN, message, version, facts)]


def age_max(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """AGE_MAX: người trên 60 tuổi cần văn bản đồng ý của Ban Thường vụ Tỉnh ủy."""
    meeting = meeting_date(facts, as_of, target)
    if meeting is None or facts.birth_date is None:
        return []
    age = full_months_between(facts.birth_date, meeting)
    if age <= version.max_age_months or facts.province_consent_over_60 is not None:
        return []
    message = (
        f"Vào ngày chi bộ họp {format_vn(meeting)}, người vào Đảng "
        f"(sinh ngày {format_vn(facts.birth_date)}) "
        f"đã {format_age(age)}, trên {format_age(version.max_age_months)}: "
        f"cần văn bản đồng ý của {_PROVINCE}, chưa có"
    )
    return [error(AGE_MAX, message, version, facts)]


def _at_least(level: str, minimum: str) -> bool:
    return EDUCATION_LEVELS.index(level) >= EDUCATION_LEVELS.index(minimum)


def education(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """EDUCATION: tốt nghiệp trung học cơ sở; hoàn thành tiểu học đủ ở vùng cao, biên giới, hải đảo,
    vùng đồng bào dân tộc thiểu số, vùng khó khăn và với ngư dân; già làng, người có uy tín ở
    những nơi đó: biết đọc, biết viết và được Ban Thường vụ Tỉnh ủy đồng ý."""
    meeting = meeting_date(facts, as_of, target)
    level = facts.education
    if level is None:
        if meeting is None:
            return []
        return [error(EDUCATION, "Chưa ghi trình độ học vấn của người vào Đảng", version, facts)]
    relaxed = facts.hardship_area or facts.fisherman
    if _at_least(level, "THCS") or (relaxed and _at_least(level, "PRIMARY")):
        return []
    label = EDUCATION_LABELS[level]
    if facts.respected_elder and facts.hardship_area:
        missing = []
        if not facts.literate:
            missing.append("chưa biết đọc, biết viết")
        if facts.province_consent_elder is None and meeting is not None:
            missing.append(f"chưa có văn bản đồng ý của {_PROVINCE}")
        if not missing:
            return []
        message = (
            f"Già làng, người có uy tín (trình độ học vấn: {label}) cần biết đọc, biết viết "
            f"và có văn bản đồng ý của {_PROVINCE}: " + "; ".join(missing)
        )
        return [error(EDUCATION, message, version, facts)]
    if relaxed:
        message = f"Trình độ học vấn: {label}; ở {_RELAXED} cần ít nhất hoàn thành tiểu học"
    else:
        message = (
            f"Trình độ học vấn: {label}; cần tốt nghiệp trung học cơ sở "
            f"(hoàn thành tiểu học chỉ đủ ở {_RELAXED})"
        )
    return [error(EDUCATION, message, version, facts)]


def readmission(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """READMISSION: người từng là đảng viên chỉ được xem xét kết nạp lại sau ít nhất 36 tháng kể từ
    khi ra khỏi Đảng (60 tháng nếu từng bị kết án, đã được xóa án tích), được Ban Thường vụ Tỉnh ủy
    đồng ý, chỉ một lần, và không thuộc các trường hợp không được kết nạp lại."""
    if not facts.former_member:
        return []
    findings = []
    if facts.barred_reason:
        message = (
            "Người xin kết nạp lại đã ra khỏi Đảng vì lý do thuộc trường hợp không được xem xét kết nạp lại"
        )
        findings.append(error(READMISSION, message, version, facts))
    if facts.previously_readmitted:
        message = "Người xin kết nạp lại đã được kết nạp lại một lần; chỉ được xem xét kết nạp lại một lần"
        findings.append(error(READMISSION, message, version, facts))
    meeting = meeting_date(facts, as_of, target)
    if meeting is None:
        return findings
    left = facts.left_party_date
    if left is None:
        findings.append(
            error(READMISSION, "Chưa ghi ngày ra khỏi Đảng của người xin kết nạp lại", version, facts)
        )
    else:
        if facts.cleared_conviction:
            wait, reason = (
                version.readmission_wait_after_conviction_months,
                " vì đã từng bị kết án (đã được xóa án tích)",
            )
        else:
            wait, reason = version.readmission_wait_months, ""
        months = full_months_between(left, meeting)
        if months < wait:
            message = (
                f"Ra khỏi Đảng ngày {format_vn(left)}, "
                f"đến ngày chi bộ họp {format_vn(meeting)} mới được {max(months, 0)} tháng; "
                f"cần ít nhất {wait} tháng{reason} "
                f"(đủ từ ngày {format_vn(add_months(left, wait))})"
            )
            findings.append(error(READMISSION, message, version, facts))
    if facts.province_consent_readmission is None:
        message = f"Chưa có văn bản đồng ý kết nạp lại của {_PROVINCE}"
        findings.append(error(READMISSION, message, version, facts))
    return findings


def duplicate_person(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """DUPLICATE_PERSON: một người chỉ có một hồ sơ đang mở hoặc một tư cách đảng viên.

    `duplicate_of` is already worded for the user it is shown to (ptdv.cases.facts): where the
    other path is, only when that is within their scope.
    """
    if not facts.duplicate_of:
        return []
    return [error(DUPLICATE_PERSON, facts.duplicate_of, version, facts, blocks=(Stage.SOURCE,))]
