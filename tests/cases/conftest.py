from datetime import date

import pytest

from ptdv.cases import transitions
from ptdv.cases.models import Case, DocumentKind
from tests.factories import member

MEETING = date(2025, 2, 3)
VOTE = {"summoned": 3, "votes_for": 3}


def move(case, stage, on, by, **data):
    case.refresh_from_db()
    reason = data.pop("reason", "")
    return transitions.move(case, stage, on, data, by=by, version=case.version, reason=reason)


def blocking_codes(case, by, target="BRANCH_RESOLVED", on=MEETING, data=VOTE) -> set[str]:
    """The codes that would refuse moving `case` to `target` now: the findings as they follow."""
    case.refresh_from_db()
    return {
        f.code
        for f in transitions.blocking(transitions.findings_for_move(case, target, on, data, by=by), target)
    }


def complete_dossier(case: Case, world, cert_date=date(2024, 5, 10)):
    """Everything the branch vote needs: certificate, documents, verification, two introducers."""
    by = world.alice
    move(
        case,
        "AWARENESS",
        date(2024, 5, 1),
        by,
        class_name="Lớp NTVĐ 5/2024",
        cert_no="CN-01",
        cert_date=cert_date.isoformat(),
    )
    move(case, "DOSSIER", date(2024, 6, 1), by)
    record_checklist(case, world)
    return case


def record_checklist(case: Case, world) -> None:
    """The dossier records (documents, verification, introductions) the branch vote needs."""
    for kind, day in [
        (DocumentKind.APPLICATION, date(2024, 6, 2)),
        (DocumentKind.HISTORY, date(2024, 6, 3)),
        (DocumentKind.VERIFICATION_RESULTS, date(2024, 9, 1)),
        (DocumentKind.HISTORY_CERTIFIED, date(2024, 9, 5)),
        (DocumentKind.COMMENTS_MASS_ORG, date(2024, 12, 1)),
        (DocumentKind.COMMENTS_RESIDENCE, date(2024, 12, 2)),
    ]:
        case.documents.create(kind=kind, date=day)
    case.relatives.create(relation="SELF", name=case.person.full_name, verified_on=date(2024, 9, 1))
    case.relatives.create(relation="FATHER", name="Hà Văn Tư", is_party_member=True)
    case.relatives.create(relation="MOTHER", name="Lò Thị Mến", verified_on=date(2024, 9, 1))
    for introducer in world.introducers:
        case.introductions.create(introducer=introducer, date=date(2024, 12, 15), months_together=24)


@pytest.fixture
def ready(world):
    """World's Phya Mạ case with a complete dossier, in a branch of 3 official members."""
    world.introducers = [
        member(world.phya_ma, "Lục Văn Kiên", admitted=date(2005, 1, 1)),
        member(world.phya_ma, "Ma Thị Nhung", admitted=date(2008, 1, 1), sex="F"),
    ]
    return complete_dossier(world.case_phya_ma, world)
