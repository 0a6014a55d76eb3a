"""A report of a unit outside the user's scope answers exactly like one of a missing unit, on
every page, download and API endpoint of every report; a bad date is told, never a 500."""

import pytest
from rest_framework.test import APIClient

from ptdv.reports.catalogue import REPORTS
from tests.logins import log_in

pytestmark = pytest.mark.django_db

MISSING = 987654
OUTPUTS = ("", "in/", "excel/", "word/")


def _answer(response):
    return response.status_code, response.get("Content-Type")


def test_out_of_scope_units_answer_like_missing_ones(world, client):
    web, api = log_in(client, world.victor), log_in(APIClient(), world.victor)
    for name in REPORTS:
        for output in OUTPUTS:
            url = f"/bao-cao/{name}/{output}"
            outside = web.get(url, {"unit": world.dak_to.pk})
            assert outside.status_code == 404 and _answer(outside) == _answer(web.get(url, {"unit": MISSING}))
        url = f"/api/reports/{name}/"
        outside, missing = api.get(url, {"unit": world.dak_to.pk}), api.get(url, {"unit": MISSING})
        assert outside.status_code == missing.status_code == 404 and outside.json() == missing.json()


def test_a_branch_secretary_sees_their_branch_by_default_and_nothing_above(world, client):
    carol = log_in(client, world.carol)
    page = carol.get("/bao-cao/totals/")
    assert page.status_code == 200 and "Chi bộ thôn Phya Mạ" in page.content.decode()
    assert carol.get("/bao-cao/totals/", {"unit": world.cong_bang.pk}).status_code == 404


def test_a_bad_date_is_told_in_vietnamese(world, client):
    page = log_in(client, world.victor).get("/bao-cao/progress/", {"from": "31/02/2023"})
    assert page.status_code == 400 and "không phải là ngày hợp lệ" in page.content.decode()
    answer = log_in(APIClient(), world.victor).get("/api/reports/totals/", {"as_of": "hôm qua"})
    assert answer.status_code == 400 and "không phải là ngày hợp lệ" in answer.json()["detail"]


@pytest.mark.parametrize("unit", ["²", "1" * 40, "-1", ""])
def test_odd_unit_ids_answer_404_or_the_own_unit_never_a_500(world, client, unit):
    web, api = log_in(client, world.victor), log_in(APIClient(), world.victor)
    expected = 200 if unit == "" else 404
    assert web.get("/bao-cao/totals/", {"unit": unit}).status_code == expected
    assert api.get("/api/reports/totals/", {"unit": unit}).status_code == expected
