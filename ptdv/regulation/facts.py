"""The facts of one case, as plain values: what the rules read.

The web application fills these from its models (and the import fills them from spreadsheets);
the rules never touch the database. Every field that may not be known yet is optional, and a
rule that needs a missing fact says nothing until the act that requires it (see ``rules``).
"""

from dataclasses import dataclass
from datetime import date

from ptdv.regulation.stages import Stage

#: Education levels (trình độ học vấn), lowest first.
EDUCATION_LEVELS: tuple[str, ...] = ("NONE", "PRIMARY", "THCS", "THPT", "COLLEGE")

EDUCATION_LABELS: dict[str, str] = {
    "NONE": "chưa hoàn thành tiểu học",
    "PRIMARY": "hoàn thành tiểu học",
    "THCS": "tốt nghiệp trung học cơ sở",
    "THPT": "tốt nghiệp trung học phổ thông",
    "COLLEGE": "cao đẳng, đại học trở lên",
}


@dataclass(frozen=True)
class RelativeCheck:
    """Thẩm tra lý lịch một người thân (hoặc chính người vào Đảng).

    ``exempt_relation`` is True when the relation is one that a party membership exempts
    (cha, mẹ, anh chị em ruột, con); the exemption applies only if that person is a member.
    """

    relation: str
    name: str
    verified: bool = False
    is_party_member: bool = False
    exempt_relation: bool = False

    @property
    def exempt(self) -> bool:
        return self.exempt_relation and self.is_party_member


@dataclass(frozen=True)
class Introducer:
    """Người giới thiệu (mẫu 3-KNĐ)."""

    name: str
    is_official_on_intro_date: bool = True
    months_together: int = 0  # cùng công tác, học tập, cư trú với người vào Đảng
    intro_date: date | None = None
    replacement: bool = False  # người giới thiệu thay thế: không cần đủ 12 tháng


@dataclass(frozen=True)
class CaseFacts:
    """Dữ kiện của một hồ sơ phát triển đảng viên tại thời điểm kiểm tra."""

    # The person.
    birth_date: date | None = None
    education: str | None = None  # one of EDUCATION_LEVELS
    literate: bool = False
    hardship_area: bool = False  # vùng cao, biên giới, hải đảo, đồng bào dân tộc, khó khăn
    fisherman: bool = False
    respected_elder: bool = False  # già làng, người có uy tín
    province_consent_over_60: date | None = None
    province_consent_elder: date | None = None

    # Awareness class and dossier.
    awareness_cert_no: str | None = None
    awareness_cert_date: date | None = None
    application_date: date | None = None  # 1-KNĐ
    history_date: date | None = None  # 2-KNĐ
    history_certified_date: date | None = None
    verification_results_date: date | None = None
    relatives: tuple[RelativeCheck, ...] = ()
    introducers: tuple[Introducer, ...] = ()
    youth_union_resolution_date: date | None = None  # 4-KNĐ
    trade_union_resolution_date: date | None = None  # 4A-KNĐ
    youth_union_exists: bool = True
    comments_mass_org_date: date | None = None  # 5-KNĐ
    comments_residence_branch_date: date | None = None

    # Branch meeting (6-KNĐ), counts on the meeting date.
    branch_meeting_date: date | None = None
    branch_official_members: int | None = None
    summoned_official_members: int | None = None
    votes_for: int | None = None

    # Grassroots committee (8-KNĐ), or a delegated committee deciding itself.
    committee_delegated: bool = False
    committee_meeting_date: date | None = None
    committee_members: int | None = None
    committee_votes_for: int | None = None

    # Readmission (kết nạp lại).
    former_member: bool = False
    left_party_date: date | None = None
    cleared_conviction: bool = False
    province_consent_readmission: date | None = None
    previously_readmitted: bool = False
    barred_reason: bool = False

    # The case itself.
    stage: Stage = Stage.SOURCE
    historical: bool = False  # loaded as history: findings shown, never blocking
    duplicate_of: str | None = None  # the person's other open case or membership, as the user may know it
