"""A viewer logs in and lands on the dashboard, its achievement chart drawn by Chart.js."""

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ptdv.plans.models import Quota
from tests import factories
from tests.browser.conftest import PHONE, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_viewer_lands_on_the_dashboard_and_sees_the_chart_drawn(new_page, live_server, world):
    year = timezone.localdate().year
    plan = factories.plan(world.pac_nam, "40/KH/HU", date(year, 1, 1), date(year, 12, 31), 10)
    Quota.objects.create(plan=plan, unit=world.cong_bang, target=6)
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)

    log_in(page, live_server, "victor", "x-victor")

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()
    expect(page.get_by_text("Kết nạp 0 / chỉ tiêu 10, đạt 0% chỉ tiêu")).to_be_visible()
    canvas = page.locator("canvas.achievement-chart")
    expect(canvas).to_be_visible()
    page.wait_for_function(
        "() => window.Chart && Chart.getChart(document.querySelector('canvas.achievement-chart'))"
    )
    drawn = page.evaluate(
        """() => {
            const chart = Chart.getChart(document.querySelector("canvas.achievement-chart"));
            return {labels: chart.data.labels, quota: chart.data.datasets[0].data, height: chart.height};
        }"""
    )
    assert drawn["labels"] == ["Đảng bộ xã Công Bằng"] and drawn["quota"] == [6] and drawn["height"] > 0
