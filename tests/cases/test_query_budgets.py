"""The case pages answer in a fixed number of queries, however many cases there are.

Each page is read with a few cases, then with three times as many in the same branch and
stages; the count must not move, and stays within the budget named beside each page.
"""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from ptdv.cases.models import Case
from tests.cases.conftest import MEETING, VOTE, move, record_checklist
from tests.factories import case, member, spelled

pytestmark = pytest.mark.django_db

# Signed in through a session: session, user, two-factor device (3); the unread notices of the
# menu (1). The API client is authenticated directly (no query).
PAGE = 4

BUDGETS = {
    # + scope unit, scope paths (units merged into the subtree), stage counts, the cards of every
    # column (one windowed query), their kept findings, their deadlines not met, the calendar.
    "board": PAGE + 7,
    "board_overdue": PAGE + 7,
    # + scope unit, scope paths, the page of kept deadlines (with case, person, branch), the
    # calendar.
    "todo": PAGE + 4,
    # the page of kept deadlines, the calendar.
    "api_deadlines": 2,
    # + scope unit, the case with its events, documents, verifications, introductions (5), the
    # read log, grassroots committee and deciding body (2), each introducer's status on the
    # introduction date (2), official members of the branch on the meeting date, the other
    # path of the person (2), the calendar, the kept deadlines, the history, each introduction's
    # chosen introducer in the correction form (2); scope paths; the paperwork section: the
    # case's scans and the documents, verifications and events they attach to (4); one to spare.
    "case": PAGE + 25,
    # the unit page's queries are named in tests/web/test_count_budgets.py (24), and the
    # scope paths of the pickers' unit.
    "unit": 25,
}


def _grow(world, count, first):
    """`count` more cases in Phya Mạ: half in the source, half voted by the branch."""
    for i in range(count):
        c = case(world.phya_ma, "Người " + spelled(first + i), by=world.alice)
        if i % 2:
            move(
                c,
                "AWARENESS",
                date(2024, 5, 1),
                world.alice,
                class_name="L",
                cert_no="C",
                cert_date="2024-05-10",
            )
            move(c, "DOSSIER", date(2024, 6, 1), world.alice)
            record_checklist(c, world)
            move(c, "BRANCH_RESOLVED", MEETING, world.alice, **VOTE)


def _queries(get) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = get()
    assert response.status_code == 200
    return len(captured)


def test_case_pages_read_a_fixed_number_of_queries(world, client_for):
    world.introducers = [
        member(world.phya_ma, "Lục Văn Kiên", admitted=date(2005, 1, 1)),
        member(world.phya_ma, "Ma Thị Nhung", admitted=date(2008, 1, 1), sex="F"),
    ]
    client = client_for(world.alice)
    api = APIClient()
    api.force_authenticate(world.alice)
    pages = {
        "board": lambda: client.get("/ho-so/"),
        "board_overdue": lambda: client.get("/ho-so/", {"overdue": "1"}),
        "todo": lambda: client.get("/viec-can-lam/"),
        "api_deadlines": lambda: api.get("/api/deadlines/"),
        "case": lambda: client.get(f"/ho-so/{Case.objects.filter(stage='BRANCH_RESOLVED').first().pk}/"),
        "unit": lambda: client.get(f"/don-vi/{world.pac_nam.pk}/"),
    }
    counts = []
    for count, first in ((2, 10), (6, 20)):
        _grow(world, count, first)
        for get in pages.values():
            get()  # the first request of a client warms nothing the budget should hide
        counts.append({name: _queries(get) for name, get in pages.items()})
    assert counts[0] == counts[1]
    assert {name: n for name, n in counts[1].items() if n > BUDGETS[name]} == {}


def test_the_unit_page_offers_units_through_searchable_pickers(world, client_for):
    body = client_for(world.alice).get(f"/don-vi/{world.pac_nam.pk}/").content.decode()
    # Each picker holds only its empty choice; the options come from /chon/<source>/ as one types.
    assert body.count("data-picker=") >= 4
    # Fixed lists only: the kinds of unit and of branch, and the batch download's forms and stages.
    for fixed in re.findall(r'<select id="batch-(?:form|stage)".*?</select>', body, re.S):
        body = body.replace(fixed, "")
    assert body.count("<option") <= body.count("<select") + len(["kind", "branch_type"]) * 12
