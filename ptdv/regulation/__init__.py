"""The regulation engine (quy định về công tác phát triển đảng viên) as data plus pure functions.

Kept outside the web framework on purpose: the rules must be readable next to the text they
cite, testable without a database, and a new regulation version must be a new table row in
``versions.py`` rather than a code change. This package imports only the standard library and
``holidays``; the models, views and API build on it, never the other way round.
"""

from ptdv.regulation.calendar import WorkingCalendar
from ptdv.regulation.dates import add_months, format_vn, full_months_between
from ptdv.regulation.deadlines import (
    CaseDates,
    Deadline,
    deadlines_for,
    official_date,
    probation_end,
    status,
)
from ptdv.regulation.facts import CaseFacts, Introducer, RelativeCheck
from ptdv.regulation.findings import Finding, Severity
from ptdv.regulation.rules import RULE_CODES, RULE_LABELS, blocking, check, check_transition
from ptdv.regulation.stages import (
    PATH,
    ROLE_MAX_STAGE,
    STAGE_LABELS,
    Stage,
    allowed_transitions,
    is_closed,
    next_stage,
    role_may_move,
)
from ptdv.regulation.versions import VERSIONS, RegulationVersion, Settings, version_on

__all__ = [
    "PATH",
    "ROLE_MAX_STAGE",
    "RULE_CODES",
    "RULE_LABELS",
    "STAGE_LABELS",
    "VERSIONS",
    "CaseDates",
    "CaseFacts",
    "Deadline",
    "Finding",
    "Introducer",
    "RegulationVersion",
    "RelativeCheck",
    "Settings",
    "Severity",
    "Stage",
    "WorkingCalendar",
    "add_months",
    "allowed_transitions",
    "blocking",
    "check",
    "check_transition",
    "deadlines_for",
    "format_vn",
    "full_months_between",
    "is_closed",
    "next_stage",
    "official_date",
    "probation_end",
    "role_may_move",
    "status",
    "version_on",
]
