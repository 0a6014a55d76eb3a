"""What a rule says about a case: a finding with a code, a severity and the text it cites.

An error blocks the transitions listed in ``blocks``; a warning never blocks. ``item`` names the
dossier item the finding is about (ptdv.regulation.items), so a checklist can say which paper is
missing or wrong; a finding about the person or a meeting has none. Findings are
plain values so the web layer can show them, store them with a transition, or send them
through the API (``to_dict``) without knowing how they were produced.
"""

from dataclasses import dataclass
from enum import StrEnum

from ptdv.regulation.stages import Stage


class Severity(StrEnum):
    ERROR = "error"  # lỗi: chặn bước chuyển liên quan
    WARNING = "warning"  # cảnh báo: không chặn


@dataclass(frozen=True)
class Finding:
    """Một kết quả kiểm tra theo quy định."""

    code: str
    severity: Severity
    message: str
    citation: str
    blocks: tuple[Stage, ...] = ()
    item: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    def to_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "citation": self.citation,
        }
