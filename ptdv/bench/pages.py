"""The pages `ptdv bench` measures and, beside each, the plain SQL it is compared with.

Adding a page is one line of PAGES: a name, a URL name (with its arguments and query,
filled from the measured unit), and a reference. A URL name that does not resolve in this
build (a report not merged yet), or a page that answers with a redirect (the home page
before the dashboard exists), is skipped and said so.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from ptdv.reports import freshness

# Plain SQL references, measured in the same run: a bare SELECT of the rows a list shows,
# a raw aggregate over members for the pages that count. `{path}` is the unit's path.
MEMBER_ROWS = (
    "SELECT m.id, p.full_name, p.birth_date, u.name FROM people_partymember m"
    " JOIN people_person p ON p.id = m.person_id JOIN org_unit u ON u.id = m.branch_id"
    " WHERE u.path LIKE '{path}%' ORDER BY p.sort_key, m.id LIMIT 50"
)
MEMBER_COUNT = (
    "SELECT m.branch_id, m.status, COUNT(*) FROM people_partymember m JOIN org_unit u"
    " ON u.id = m.branch_id WHERE u.path LIKE '{path}%' GROUP BY m.branch_id, m.status"
)
OPEN_CASES = (
    "SELECT c.id, c.stage, p.full_name, u.name FROM cases_case c JOIN people_person p"
    " ON p.id = c.person_id JOIN org_unit u ON u.id = c.branch_id WHERE u.path LIKE '{path}%'"
    " AND c.stage NOT IN ('OFFICIAL', 'WITHDRAWN', 'NOT_ADMITTED', 'REMOVED')"
)
# What the dashboard and the reports count (members by branch, standing and the categories
# officials report), aggregated straight from the member rows instead of the kept counts.
MEMBER_FIGURES = (
    "SELECT m.branch_id, m.status, p.sex, p.occupation, p.youth_union, p.education, COUNT(*)"
    " FROM people_partymember m JOIN people_person p ON p.id = m.person_id"
    " JOIN org_unit u ON u.id = m.branch_id WHERE u.path LIKE '{path}%'"
    " GROUP BY m.branch_id, m.status, p.sex, p.occupation, p.youth_union, p.education"
)
ONE_CASE = "SELECT * FROM cases_caseevent WHERE case_id = {case} ORDER BY date, id"
PERSON_ROWS = (
    "SELECT p.id, p.full_name FROM people_person p JOIN org_unit u ON u.id = p.unit_id"
    " LEFT JOIN people_partymember m ON m.person_id = p.id WHERE m.id IS NULL"
    " AND u.path LIKE '{path}%' ORDER BY p.sort_key, p.id LIMIT 50"
)


@dataclass(frozen=True)
class Page:
    name: str
    url: str  # a URL name
    reference: str
    args: tuple[str, ...] = ()  # "unit", "case": filled per measured unit; others literal
    query: dict = field(default_factory=dict)
    # Run before each timed request, untimed: `freshness.bump` times the dashboard computed anew
    # (the first visit after a change), where the plain row times it read back kept.
    before: Callable[[], None] | None = None


PAGES = [
    Page("board", "web:board", OPEN_CASES),
    Page("todo", "web:todo", OPEN_CASES),
    Page("api_deadlines", "deadline-list", OPEN_CASES),
    # The tree shows member counts: compared with counting the members of its branches. A bare
    # COUNT of the branches' rows takes a fraction of a millisecond, below what any signed-in
    # page costs before its first query (docs/performance.md).
    Page("tree", "web:tree", MEMBER_COUNT),
    Page("unit", "web:unit", MEMBER_COUNT, args=("unit",)),
    Page("case", "web:case", ONE_CASE, args=("case",)),
    Page("members_first", "web:members", MEMBER_ROWS),
    Page("members_last", "web:members", MEMBER_ROWS, query={"page": "last"}),
    Page("members_search", "web:members", MEMBER_ROWS, query={"q": "hoang van"}),
    Page("people_first", "web:people", PERSON_ROWS),
    Page("api_members", "member-list", MEMBER_ROWS),
    Page("dashboard", "web:home", MEMBER_FIGURES),
    Page("dashboard_computed", "web:home", MEMBER_FIGURES, before=freshness.bump),
    *(
        Page(f"report_{name}", "web:report", MEMBER_FIGURES, args=(name,), query={"unit": "{unit}"})
        for name in ("progress", "structure", "totals", "review")
    ),
]
