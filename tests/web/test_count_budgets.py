"""The tree and a unit's page count members from the kept summaries: the same number of
queries with 3 members in 2 branches as with many more members in many more branches."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ptdv.org.models import BranchType, UnitKind
from tests.factories import member, unit

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _grow(world, branches=4, members=3):
    """More branches under Công Bằng, each with members (a bigger commune, same depth)."""
    for b in range(branches):
        branch = unit(
            world.cong_bang, f"BK.PN.X01.T1{b}", f"Chi bộ thôn Mới {b}", UnitKind.BRANCH, BranchType.VILLAGE
        )
        for m in range(members):
            member(branch, f"Nông Văn {'ABCDEFGHIJ'[b]}{'abcdefghij'[m]}ính", admitted=date(2015, 1, 1 + m))


# tree: session, user, two-factor device, the user's unit, its children, the branches under it,
#   their latest BranchTotal rows, unread notices = 8; opened on a unit (?mo=) + the unit in
#   scope (2: scope paths) = 10; a search: + scope paths, the names in scope, the rows = 10.
# unit: the same first five, the unit, its children, villages (shared, without members, listed),
#   member page count, counts (merged predecessors, roots, placements of 2 levels, BranchTotal
#   rows), ancestors, history, deciding unit, PTĐV since, notices, members, changes, the
#   subtree's kept data-completeness rows = 24.
BUDGET = {"tree": 8, "tree_opened": 10, "tree_search": 10, "unit": 24}


@pytest.mark.parametrize("page", BUDGET)
def test_count_pages_make_the_same_queries_whatever_the_size(world, client_for, page):
    alice = client_for(world.alice)
    url = {
        "tree": reverse("web:tree"),
        "tree_opened": f"{reverse('web:tree')}?mo={world.cong_bang.pk}",
        "tree_search": f"{reverse('web:tree')}?q=thon",
        "unit": reverse("web:unit", args=[world.cong_bang.pk]),
    }[page]
    alice.get(url)  # warm: the session and the user's first request
    small = _queries(alice, url)
    _grow(world)
    big = _queries(alice, url)
    assert big == small <= BUDGET[page]


def test_unit_page_counts_come_from_the_kept_summaries(world, client_for):
    _grow(world, branches=2, members=3)
    page = client_for(world.alice).get(reverse("web:unit", args=[world.cong_bang.pk])).content.decode()
    assert 'id="count-total">8<' in page
