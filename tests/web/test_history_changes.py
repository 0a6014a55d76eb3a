"""The change history says what changed, old → new, and hides what the reader may not see."""

import pytest

from ptdv import changes
from tests.factories import person_edit_form

pytestmark = pytest.mark.django_db


def _edit_member_person(world, client_for, **changed):
    person = world.m_phya_ma.person
    response = client_for(world.carol).post(f"/nguoi/{person.pk}/sua/", person_edit_form(person, **changed))
    assert response.status_code == 302


def _history(world, client_for, user):
    page = client_for(user).get(f"/dang-vien/{world.m_phya_ma.pk}/").content.decode()
    return page[page.index('id="history"') :]


def test_history_shows_changed_field_with_old_and_new_value(world, client_for):
    _edit_member_person(world, client_for, full_name="Lý Văn Dũng Anh")
    history = _history(world, client_for, world.carol)
    assert "Họ và tên</span>: " in history
    assert "Lý Văn Dũng</span> → Lý Văn Dũng Anh" in history


def test_history_shows_choice_labels_not_codes(world, client_for):
    _edit_member_person(world, client_for, religion="BUDDHISM")
    history = _history(world, client_for, world.carol)
    assert "Tôn giáo" in history and "Phật giáo" in history and "BUDDHISM" not in history


def test_history_hides_sensitive_values_from_a_viewer(world, client_for):
    _edit_member_person(world, client_for, citizen_id="001090012345", religion="BUDDHISM")
    for_viewer = _history(world, client_for, world.victor)
    assert "001090012345" not in for_viewer and "Phật giáo" not in for_viewer
    assert "(ẩn)" in for_viewer
    assert "001090012345" in _history(world, client_for, world.carol)


def test_history_lists_no_bookkeeping_fields(world, client_for):
    _edit_member_person(world, client_for, full_name="Lý Văn Dũng Anh")
    labels = [
        c.label for v in changes.versions(world.carol, world.m_phya_ma.person.history) for c in v.changes
    ]
    assert labels == ["họ và tên"]
