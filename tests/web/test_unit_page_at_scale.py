"""The unit page at province scale: members under the unit filtered by its path alone when it
lies in the user's scope (ptdv.scope.restrict_under), villages listed only up to a limit."""

import pytest

from ptdv.people.models import PartyMember
from ptdv.web.views import units

pytestmark = pytest.mark.django_db


def test_members_under_a_unit_are_those_of_the_scope_under_it(world):
    inside = PartyMember.objects.visible_under(world.alice, world.cong_bang.path)
    assert set(inside) == set(
        PartyMember.objects.visible_to(world.alice).filter(branch__path__startswith=world.cong_bang.path)
    )
    assert inside.exists()
    # Under a unit outside the scope: nothing, as if it did not exist.
    assert not PartyMember.objects.visible_under(world.alice, world.kon_tum.path).exists()
    assert PartyMember.objects.filter(branch__path__startswith=world.kon_tum.path).exists()


def test_a_unit_with_more_villages_than_the_limit_sends_to_its_children(world, client_for, monkeypatch):
    client = client_for(world.alice)
    listed = client.get(f"/don-vi/{world.cong_bang.pk}/").content.decode()
    assert "Thôn, bản, tổ dân phố (" in listed and 'id="villages-elsewhere"' not in listed
    monkeypatch.setattr(units, "VILLAGE_LIMIT", 1)
    page = client.get(f"/don-vi/{world.cong_bang.pk}/").content.decode()
    assert 'id="villages-elsewhere"' in page and "Thôn, bản, tổ dân phố (" not in page
