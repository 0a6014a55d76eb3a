import pytest


@pytest.mark.django_db
def test_pages_render(world, client_for):
    c = client_for(world.alice)
    assert c.get("/don-vi/").status_code == 200
    assert c.get(f"/don-vi/{world.cong_bang.pk}/").status_code == 200
    assert c.get(f"/dang-vien/{world.m_phya_ma.pk}/").status_code == 200
    assert c.get("/dang-vien/?q=ly van dung").status_code == 200
    assert c.get("/nguoi/moi/").status_code == 200
