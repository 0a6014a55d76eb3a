"""Số thôn on a unit's page: the villages of the subtree, not only those of the unit itself."""

import re

import pytest

from tests.factories import village

pytestmark = pytest.mark.django_db


def _village_counts(body):
    rows = re.findall(r"<tr[^>]*><td><a href=\"/don-vi/\d+/\">([^<]+)</a>.*?</tr>", body, re.S)
    cells = re.findall(r"<tr[^>]*><td><a href=\"/don-vi/\d+/\">[^<]+</a>.*?count\">([\d.]+)</td>", body, re.S)
    return dict(zip(rows, (int(c.replace(".", "")) for c in cells), strict=True))


def test_a_commune_counts_the_villages_of_its_branches(world, client_for):
    village(world.na_pai, "Nà Lại")
    body = client_for(world.alice).get(f"/don-vi/{world.pac_nam.pk}/").content.decode()
    assert _village_counts(body) == {"Đảng bộ xã Công Bằng": 3}


def test_a_branch_counts_its_own_villages_and_only_a_branch_is_called_merged(world, client_for):
    village(world.na_pai, "Nà Lại")
    body = client_for(world.alice).get(f"/don-vi/{world.cong_bang.pk}/").content.decode()
    assert _village_counts(body) == {"Chi bộ thôn Phya Mạ": 1, "Chi bộ thôn Nà Pài": 2}
    assert "ghép 2 thôn" in body
    pac_nam = client_for(world.alice).get(f"/don-vi/{world.pac_nam.pk}/").content.decode()
    assert "ghép 3 thôn" not in pac_nam and "ghép 2 thôn" not in pac_nam
