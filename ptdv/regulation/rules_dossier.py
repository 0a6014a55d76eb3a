"""Rules about the dossier (hồ sơ): awareness certificate, application, verification, comments.

A certificate "not older than 60 months" on the meeting date is valid up to and including the
day ``add_months(cert_date, 60)``: on that day it is exactly 60 months old, not older; the next
day it is. The expiry warning counts calendar days from the day of the check to that last
valid day.
"""

from datetime import date

from ptdv.regulation.dates import add_months, format_vn
from ptdv.regulation.facts import CaseFacts
from ptdv.regulation.findings import Finding
from ptdv.regulation.items import (
    APPLICATION_FORM,
    CERT,
    COMMENTS_MASS_ORG,
    COMMENTS_RESIDENCE,
    HISTORY,
    HISTORY_CERTIFIED,
    VERIFICATION_RESULTS,
)
from ptdv.regulation.rulekit import after_meeting, error, meeting_date, warning
from ptdv.regulation.stages import Stage, is_before
from ptdv.regulation.versions import RegulationVersion, Settings

AWARENESS_CERT = "AWARENESS_CERT"
AWARENESS_CERT_EXPIRING = "AWARENESS_CERT_EXPIRING"
APPLICATION = "APPLICATION"
VERIFICATION = "VERIFICATION"
COMMENTS = "COMMENTS"

_CERT = "Giấy chứng nhận học lớp nhận thức về Đảng"


def cert_last_valid_day(cert_date: date, version: RegulationVersion) -> date:
    """The last day a certificate issued on ``cert_date`` is still valid (inclusive)."""
    return add_months(cert_date, version.awareness_cert_valid_months)


def _cert_name(facts: CaseFacts) -> str:
    number = f" số {facts.awareness_cert_no}" if facts.awareness_cert_no else ""
    return f"{_CERT}{number} cấp ngày {format_vn(facts.awareness_cert_date)}"


def awareness_cert(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """AWARENESS_CERT: có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng, không quá 60 tháng
    tính đến ngày chi bộ họp xét kết nạp."""
    meeting = meeting_date(facts, as_of, target)
    if meeting is None:
        return []
    if facts.awareness_cert_date is None:
        return [error(AWARENESS_CERT, f"Chưa có {_CERT}", version, facts, item=CERT)]
    if facts.awareness_cert_date > meeting:
        message = f"{_cert_name(facts)}, sau ngày chi bộ họp {format_vn(meeting)}"
        return [error(AWARENESS_CERT, message, version, facts, item=CERT)]
    last_valid = cert_last_valid_day(facts.awareness_cert_date, version)
    if meeting <= last_valid:
        return []
    message = (
        f"{_cert_name(facts)} đã quá {version.awareness_cert_valid_months} tháng "
        f"vào ngày chi bộ họp {format_vn(meeting)} "
        f"(chỉ có giá trị đến hết ngày {format_vn(last_valid)})"
    )
    return [error(AWARENESS_CERT, message, version, facts, item=CERT)]


def awareness_cert_expiring(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """AWARENESS_CERT_EXPIRING: giấy chứng nhận sắp hết giá trị (trong 90 ngày) mà chi bộ
    chưa họp xét kết nạp."""
    if facts.awareness_cert_date is None or not is_before(facts.stage, Stage.BRANCH_RESOLVED):
        return []
    last_valid = cert_last_valid_day(facts.awareness_cert_date, version)
    meeting = meeting_date(facts, as_of, target)
    if meeting is not None and meeting > last_valid:
        return []  # AWARENESS_CERT already says it is too old for that meeting
    remaining = (last_valid - as_of).days
    if remaining > version.cert_expiring_warning_days:
        return []
    if remaining < 0:
        message = (
            f"{_cert_name(facts)} đã hết giá trị sau ngày {format_vn(last_valid)}; "
            "cần học lại lớp nhận thức về Đảng trước khi chi bộ xét kết nạp"
        )
    else:
        message = (
            f"{_cert_name(facts)} chỉ còn giá trị đến hết ngày {format_vn(last_valid)} "
            f"(còn {remaining} ngày); chi bộ cần họp xét kết nạp trước ngày đó"
        )
    return [warning(AWARENESS_CERT_EXPIRING, message, version, item=CERT)]


def application(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """APPLICATION: có Đơn xin vào Đảng (1-KNĐ) và Lý lịch người xin vào Đảng (2-KNĐ); cấp ủy cơ sở
    chỉ chứng nhận lý lịch sau khi có kết quả thẩm tra lý lịch."""
    certified, results = facts.history_certified_date, facts.verification_results_date
    messages = []
    if certified is not None and results is not None and certified < results:
        messages.append(
            (
                HISTORY_CERTIFIED,
                f"Lý lịch (mẫu 2-KNĐ) được chứng nhận ngày {format_vn(certified)}, "
                f"trước khi có kết quả thẩm tra lý lịch ngày {format_vn(results)}",
            )
        )
    meeting = meeting_date(facts, as_of, target)
    if meeting is not None:
        if facts.application_date is None:
            messages.append((APPLICATION_FORM, "Chưa có Đơn xin vào Đảng (mẫu 1-KNĐ)"))
        if facts.history_date is None:
            messages.append((HISTORY, "Chưa có Lý lịch của người xin vào Đảng (mẫu 2-KNĐ)"))
        if certified is None:
            messages.append((HISTORY_CERTIFIED, "Lý lịch (mẫu 2-KNĐ) chưa được cấp ủy cơ sở chứng nhận"))
        elif results is None:
            messages.append(
                (
                    HISTORY_CERTIFIED,
                    f"Lý lịch (mẫu 2-KNĐ) được chứng nhận ngày {format_vn(certified)} "
                    "nhưng chưa có kết quả thẩm tra lý lịch",
                )
            )
        for item, label, d in (
            (APPLICATION_FORM, "Đơn xin vào Đảng (mẫu 1-KNĐ)", facts.application_date),
            (HISTORY, "Lý lịch (mẫu 2-KNĐ)", facts.history_date),
            (HISTORY_CERTIFIED, "Chứng nhận lý lịch", certified),
        ):
            late = after_meeting(label, d, meeting)
            if late:
                messages.append((item, late))
    return [error(APPLICATION, message, version, facts, item=item) for item, message in messages]


def verification(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """VERIFICATION: thẩm tra lý lịch người vào Đảng, cha mẹ đẻ, cha mẹ vợ (chồng) hoặc người nuôi
    dưỡng, vợ (chồng), con đẻ đã trưởng thành; người thân là đảng viên (cha mẹ, anh chị em ruột,
    con) thì không phải thẩm tra."""
    meeting = meeting_date(facts, as_of, target)
    if meeting is None:
        return []
    messages = []
    results = facts.verification_results_date
    valid_months = settings.verification_valid_months
    if results is None:
        messages.append("Chưa có kết quả thẩm tra lý lịch")
    elif results > meeting:
        messages.append(after_meeting("Kết quả thẩm tra lý lịch", results, meeting))
    elif valid_months is not None and add_months(results, valid_months) < meeting:
        messages.append(
            f"Kết quả thẩm tra lý lịch ngày {format_vn(results)} đã quá {valid_months} tháng "
            f"vào ngày chi bộ họp {format_vn(meeting)}"
        )
    pending = [r for r in facts.relatives if not r.verified and not r.exempt]
    if pending:
        names = "; ".join(f"{r.relation} {r.name}" for r in pending)
        messages.append(f"Chưa thẩm tra lý lịch: {names}")
    return [error(VERIFICATION, message, version, facts, item=VERIFICATION_RESULTS) for message in messages]


def comments(
    facts: CaseFacts,
    as_of: date,
    version: RegulationVersion,
    settings: Settings,
    target: Stage | None = None,
) -> list[Finding]:
    """COMMENTS: tổng hợp ý kiến nhận xét của tổ chức chính trị - xã hội nơi người vào Đảng
    sinh hoạt và của chi ủy nơi cư trú (mẫu 5-KNĐ)."""
    meeting = meeting_date(facts, as_of, target)
    if meeting is None:
        return []
    messages = []
    for item, label, d in (
        (
            COMMENTS_MASS_ORG,
            "nhận xét của tổ chức chính trị - xã hội nơi người vào Đảng sinh hoạt",
            facts.comments_mass_org_date,
        ),
        (COMMENTS_RESIDENCE, "nhận xét của chi ủy nơi cư trú", facts.comments_residence_branch_date),
    ):
        if d is None:
            messages.append((item, f"Chưa có {label} (tổng hợp mẫu 5-KNĐ)"))
        else:
            late = after_meeting(label[0].upper() + label[1:], d, meeting)
            if late:
                messages.append((item, late))
    return [error(COMMENTS, message, version, facts, item=item) for item, message in messages]
