"""The day a unit started using PTĐV: set by an organizer on the unit page, inherited below."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from ptdv.org import adoption
from ptdv.org.models import Unit

pytestmark = pytest.mark.django_db


def test_a_unit_without_a_date_takes_the_nearest_ancestors(world):
    assert adoption.ptdv_since(world.phya_ma) is None
    adoption.set_ptdv_since(world.bac_kan, date(2023, 1, 1))
    adoption.set_ptdv_since(world.cong_bang, date(2024, 1, 1))
    assert adoption.ptdv_since(world.phya_ma) == date(2024, 1, 1)
    assert adoption.ptdv_since(world.pac_nam) == date(2023, 1, 1)
    assert adoption.ptdv_since(world.thon_1) is None


def test_an_organizer_sets_it_on_the_unit_page_and_units_below_show_it(world, client_for):
    alice = client_for(world.alice)
    response = alice.post(f"/don-vi/{world.pac_nam.pk}/since/", {"ptdv_since": "2024-01-01"})
    assert response.status_code == 302
    assert Unit.objects.get(pk=world.pac_nam.pk).ptdv_since == date(2024, 1, 1)
    assert Unit.objects.get(pk=world.pac_nam.pk).history.first().history_user == world.alice
    page = alice.get(f"/don-vi/{world.phya_ma.pk}/").content.decode()
    assert "Bắt đầu dùng PTĐV từ ngày 01/01/2024 (theo đơn vị cấp trên)" in page


def test_nobody_else_sets_it_and_never_in_the_future(world, client_for):
    url = f"/don-vi/{world.phya_ma.pk}/since/"
    assert client_for(world.carol).post(url, {"ptdv_since": "2024-01-01"}).status_code == 403
    assert client_for(world.olga).post(url, {"ptdv_since": "2024-01-01"}).status_code == 404
    tomorrow = timezone.localdate() + timedelta(days=1)
    future = client_for(world.alice).post(url, {"ptdv_since": tomorrow.isoformat()})
    assert future.status_code == 400 and "ở tương lai" in future.content.decode()
    assert Unit.objects.get(pk=world.phya_ma.pk).ptdv_since is None
