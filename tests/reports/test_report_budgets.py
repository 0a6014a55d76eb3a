"""Every report — page, Excel download and API — and the dashboard make the same number of
queries for a small tree as for a larger one (more communes, branches, quotas, members, cases):
the figures are read in batches over the children and one subtree query, never per unit."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from ptdv.org.models import BranchType, Unit, UnitKind
from ptdv.plans.models import Quota
from ptdv.reports import freshness
from ptdv.reports.catalogue import REPORTS
from tests import factories
from tests.logins import log_in
from tests.web.test_dashboard import _grow as communes

pytestmark = pytest.mark.django_db

PERIOD = {"from": "2021-01-01", "to": "2024-12-31"}


def _grow(world, first, n):
    """`n` more communes of Pác Nặm as the dashboard's tests grow them (a quota, a branch, a
    village, a running case), each with a second, merged branch serving two villages, and members."""
    communes(world, world.plan_pac_nam, first, n)
    for i in range(first, first + n):
        commune = Unit.objects.get(code=f"BK.PN.Y{i:02d}")
        merged = factories.unit(
            commune, f"{commune.code}.T02", "Chi bộ ghép", UnitKind.BRANCH, BranchType.VILLAGE
        )
        villages = [factories.village(merged, f"Bản {factories.spelled(i)} {v}") for v in ("trên", "dưới")]
        for m, village in enumerate(villages):
            factories.member(
                merged,
                f"Nông Văn {factories.spelled(i)} {'ab'[m]}",
                admitted=date(2022, 3, 1 + m),
                village=village,
            )


def _count(client, url, params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def _urls(name):
    yield f"/bao-cao/{name}/", "web"
    yield f"/bao-cao/{name}/excel/", "web"
    yield f"/api/reports/{name}/", "api"


def _all_counts(world):
    web, api = log_in(Client(), world.alice), log_in(APIClient(), world.alice)
    clients = {"web": web, "api": api}
    counts = {}
    for name in REPORTS:
        for url, via in _urls(name):
            params = {"unit": world.pac_nam.pk, **(PERIOD if REPORTS[name].dated == "period" else {})}
            clients[via].get(url, params)  # warm: the session and the user's first request
            counts[url] = _count(clients[via], url, params)
    for user in (world.alice, world.victor, world.carol):
        client = log_in(Client(), user)
        client.get("/")
        freshness.bump()  # computed anew, as on the first visit after a change (ptdv.reports.freshness)
        counts[f"/ ({user.role})"] = _count(client, "/", {})
    return counts


# Session, user, two-factor device (3; the API: its token or session, 2); the unit asked for
# and its scope (2–3); the report's own: lineage (children, predecessors, placements per level),
# kept rows (BranchTotal, Milestone), targets (plans, quotas), case counts; the page adds the
# unit picker and notices. Measured on this world; they must not grow with it.
BUDGET = {
    "/bao-cao/progress/": 26,
    "/bao-cao/progress/excel/": 22,
    "/api/reports/progress/": 22,
    "/bao-cao/structure/": 18,
    "/bao-cao/structure/excel/": 14,
    "/api/reports/structure/": 14,
    "/bao-cao/totals/": 17,
    "/bao-cao/totals/excel/": 13,
    "/api/reports/totals/": 13,
    "/bao-cao/review/": 33,
    "/bao-cao/review/excel/": 29,
    "/api/reports/review/": 29,
    "/ (organizer)": 33,  # the dashboard with its kept figures read (stale) and written anew
    "/ (viewer)": 33,
    "/ (branch)": 23,
}


def test_report_and_dashboard_queries_do_not_grow_with_the_tree(world):
    year = timezone.localdate().year
    branch_plan = factories.plan(world.cong_bang, "05/KH/ĐU", date(year, 1, 1), date(year, 12, 31), 3)
    Quota.objects.create(plan=branch_plan, unit=world.phya_ma, target=2)  # the branch's own version
    _grow(world, 0, 1)
    small = _all_counts(world)
    _grow(world, 1, 6)
    big = _all_counts(world)
    assert big == small
    assert {url: n for url, n in small.items() if n > BUDGET[url]} == {}
