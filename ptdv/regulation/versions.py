"""Regulation versions (văn bản quy định) as a table, and the settings the texts leave open.

Every number a rule or deadline uses lives on a ``RegulationVersion`` row, so the version in
force on the date of an act decides both the numbers and the citation a finding carries.
A new regulation is a new row in ``VERSIONS``, not a code change. The four versions known so
far use the same numbers; they differ in what they are called.
"""

from dataclasses import dataclass
from datetime import date
from fractions import Fraction


@dataclass(frozen=True)
class RegulationVersion:
    """Một văn bản quy định (Quy định + Hướng dẫn) và các thông số của nó."""

    code: str
    title: str
    valid_from: date
    valid_to: date | None = None  # inclusive; None: still in force

    # Eligibility and dossier (tuổi đời, giấy chứng nhận, người giới thiệu).
    min_age_months: int = 216  # đủ 18 tuổi
    max_age_months: int = 720  # trên 60 tuổi cần Ban Thường vụ Tỉnh ủy đồng ý
    awareness_cert_valid_months: int = 60
    cert_expiring_warning_days: int = 90
    introducer_together_months: int = 12

    # Meetings (biểu quyết) and branch size.
    vote_fraction: Fraction = Fraction(2, 3)
    branch_min_official: int = 3

    # Readmission (kết nạp lại).
    readmission_wait_months: int = 36
    readmission_wait_after_conviction_months: int = 60

    # Probation and deadlines, in working days.
    probation_months: int = 12
    decision_due_working_days: int = 60
    decision_extension_working_days: int = 30
    ceremony_due_working_days: int = 30
    history_due_working_days: int = 30
    recognition_meeting_due_working_days: int = 30
    recognition_decision_due_working_days: int = 30
    recognition_decision_extension_working_days: int = 30

    def in_force_on(self, d: date) -> bool:
        return self.valid_from <= d and (self.valid_to is None or d <= self.valid_to)


VERSIONS: tuple[RegulationVersion, ...] = (
    RegulationVersion(
        code="29-QD-TW-2016",
        title="Quy định 29-QĐ/TW, Hướng dẫn 01-HD/TW năm 2016",
        valid_from=date(2016, 7, 25),
        valid_to=date(2021, 7, 29),
    ),
    RegulationVersion(
        code="24-QD-TW-2021",
        title="Quy định 24-QĐ/TW, Hướng dẫn 01-HD/TW năm 2021",
        valid_from=date(2021, 7, 30),
        valid_to=date(2025, 1, 19),
    ),
    RegulationVersion(
        code="232-QD-TW-2025",
        title="Quy định 232-QĐ/TW",
        valid_from=date(2025, 1, 20),
        valid_to=date(2025, 6, 30),
    ),
    RegulationVersion(
        code="294-QD-TW-2025",
        title="Quy định 294-QĐ/TW, Hướng dẫn 06-HD/TW",
        valid_from=date(2025, 7, 1),
    ),
)


def version_on(d: date, versions: tuple[RegulationVersion, ...] = VERSIONS) -> RegulationVersion | None:
    """The version in force on ``d``, or None when ``d`` is before every version known."""
    for version in versions:
        if version.in_force_on(d):
            return version
    return None


@dataclass(frozen=True)
class Settings:
    """Thông số chưa được văn bản xác nhận: do quản trị cấu hình, không viết cứng.

    ``None`` for a validity period switches that check off.
    """

    verification_valid_months: int | None = 12  # kết quả thẩm tra lý lịch
    introduction_valid_months: int | None = 6  # giấy giới thiệu, nghị quyết giới thiệu
    youth_union_age: tuple[int, int] = (16, 30)  # độ tuổi đoàn viên, Điều lệ Đoàn
