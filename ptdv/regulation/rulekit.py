"""Shared vocabulary of the rules: when a rule may speak, and how a finding is made.

Every rule has the same shape, ``rule(facts, as_of, version, settings, target=None)``, and
follows the same two habits kept here in one place:

* It compares only facts that are present. The absence of a required item is reported once
  the branch meeting date is known, or when the caller checks the move to BRANCH_RESOLVED
  itself (``target``): then the date of that act stands in for a meeting date not yet typed.
  Before that, a missing certificate is not an error, just work still to do.
* An error names the transitions it blocks; a case loaded as history (``facts.historical``)
  still gets its findings, but they block nothing.
"""

from datetime import date
from fractions import Fraction

from ptdv.regulation.dates import format_vn
from ptdv.regulation.facts import CaseFacts
from ptdv.regulation.findings import Finding, Severity
from ptdv.regulation.stages import Stage
from ptdv.regulation.versions import RegulationVersion

#: What most dossier and eligibility rules block: the branch resolution (6-KNĐ).
BRANCH_RESOLUTION: tuple[Stage, ...] = (Stage.BRANCH_RESOLVED,)


def meeting_date(facts: CaseFacts, as_of: date, target: Stage | None) -> date | None:
    """The branch meeting date the dossier is judged on, when there is one to judge on."""
    if facts.branch_meeting_date is not None:
        return facts.branch_meeting_date
    if target == Stage.BRANCH_RESOLVED:
        return as_of
    return None


def error(
    code: str,
    message: str,
    version: RegulationVersion | None,
    facts: CaseFacts,
    blocks: tuple[Stage, ...] = BRANCH_RESOLUTION,
    item: str = "",
) -> Finding:
    return Finding(
        code=code,
        severity=Severity.ERROR,
        message=message,
        citation=version.title if version else "",
        blocks=() if facts.historical else blocks,
        item=item,
    )


def warning(code: str, message: str, version: RegulationVersion, item: str = "") -> Finding:
    return Finding(code=code, severity=Severity.WARNING, message=message, citation=version.title, item=item)


def votes_needed(total: int, fraction: Fraction) -> int:
    """The fewest votes v with v >= fraction × total (2/3 of 9 → 6, of 3 → 2, of 7 → 5)."""
    return -(-total * fraction.numerator // fraction.denominator)


def fraction_text(fraction: Fraction) -> str:
    return f"{fraction.numerator}/{fraction.denominator}"


def after_meeting(label: str, d: date | None, meeting: date) -> str | None:
    """A message when a document that must precede the meeting is dated after it."""
    if d is not None and d > meeting:
        return f"{label} ngày {format_vn(d)} sau ngày chi bộ họp {format_vn(meeting)}"
    return None
