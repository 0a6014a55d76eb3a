"""A complete, valid dossier to start from; each test changes only the fact it is about."""

from dataclasses import replace
from datetime import date

from ptdv.regulation.facts import CaseFacts, Introducer, RelativeCheck
from ptdv.regulation.stages import Stage
from ptdv.regulation.versions import Settings, version_on

MEETING = date(2025, 2, 3)  # Monday; Quy định 232-QĐ/TW in force
VERSION = version_on(MEETING)
SETTINGS = Settings()


def valid_case(**changes) -> CaseFacts:
    """A 34-year-old with a complete dossier, voted by all 9 official members on MEETING."""
    facts = CaseFacts(
        birth_date=date(1990, 5, 10),
        education="THPT",
        awareness_cert_no="125-CN/TTCT",
        awareness_cert_date=date(2023, 6, 15),
        application_date=date(2024, 9, 2),
        history_date=date(2024, 9, 2),
        verification_results_date=date(2024, 12, 2),
        history_certified_date=date(2024, 12, 10),
        relatives=(
            RelativeCheck("Cha", "Lò Văn Hạnh", verified=True),
            RelativeCheck("Mẹ", "Lường Thị Ngân", verified=True),
            RelativeCheck("Anh trai", "Lò Văn Toàn", is_party_member=True, exempt_relation=True),
        ),
        introducers=(
            Introducer("Hoàng Văn Sơn", months_together=24, intro_date=date(2025, 1, 10)),
            Introducer("Nông Thị Lan", months_together=36, intro_date=date(2025, 1, 10)),
        ),
        comments_mass_org_date=date(2025, 1, 15),
        comments_residence_branch_date=date(2025, 1, 16),
        branch_meeting_date=MEETING,
        branch_official_members=9,
        summoned_official_members=9,
        votes_for=9,
        stage=Stage.DOSSIER,
    )
    return replace(facts, **changes)


def codes(findings) -> list[str]:
    return [f.code for f in findings]
