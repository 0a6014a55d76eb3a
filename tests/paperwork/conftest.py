import io
from datetime import date

import docx
import pytest

from tests.cases.conftest import VOTE, complete_dossier, move
from tests.factories import member


def docx_text(content: bytes) -> str:
    """All the text of a .docx as python-docx reads it: paragraphs, then every table cell."""
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture
def official_case(world):
    """World's Phya Mạ case walked through every stage to official member, by the services."""
    world.introducers = [
        member(world.phya_ma, "Lục Văn Kiên", admitted=date(2005, 1, 1)),
        member(world.phya_ma, "Ma Thị Nhung", admitted=date(2008, 1, 1), sex="F"),
    ]
    case, alice = complete_dossier(world.case_phya_ma, world), world.alice
    case.documents.create(kind="YOUTH_UNION_RESOLUTION", date=date(2024, 12, 10), number="12")
    move(case, "BRANCH_RESOLVED", date(2025, 2, 3), alice, **VOTE)
    move(case, "COMMITTEE_RESOLVED", date(2025, 2, 10), alice, members=9, votes_for=8)
    move(case, "SUBMITTED", date(2025, 2, 12), alice, receiving_body="Ban Thường vụ Huyện ủy")
    move(case, "DECIDED", date(2025, 3, 1), alice, decision_no="123-QĐ/HU", received_on="2025-03-05")
    move(case, "PROBATION", date(2025, 3, 15), alice)
    move(case, "RECOGNITION_PROPOSED", date(2026, 3, 20), alice, summoned=3, votes_for=3)
    move(case, "OFFICIAL", date(2026, 6, 1), alice, decision_no="45-QĐ/HU")
    case.refresh_from_db()
    return case
