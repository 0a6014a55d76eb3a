"""A page shows an action only to the roles that may do it (issue 9): a button that leads to
403 is a dead end. Each case pairs the button's words with the request its view refuses."""

import pytest

pytestmark = pytest.mark.django_db

# (page, words of the action on it, the request the action makes)
ACTIONS = {
    "new case": ("/ho-so/", "Đưa người vào nguồn", ("get", "/ho-so/moi/")),
    "new person": ("/dang-vien/", "Thêm người", ("get", "/nguoi/moi/")),
}


def _allowed(client, method, url) -> bool:
    return getattr(client, method)(url).status_code != 403


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("username", ["alice", "bob", "carol", "victor", "adam"])
def test_an_action_is_shown_exactly_to_the_roles_that_may_do_it(world, client_for, username, action):
    page, words, (method, url) = ACTIONS[action]
    client = client_for(world.users[username])
    shown = words in client.get(page).content.decode()
    assert shown == _allowed(client, method, url)


@pytest.mark.parametrize("username", ["victor", "adam"])
def test_viewer_and_admin_do_not_see_new_case_button(world, client_for, username):
    assert "Đưa người vào nguồn" not in client_for(world.users[username]).get("/ho-so/").content.decode()


def test_viewer_sees_no_edit_or_event_form_on_a_member(world, client_for):
    page = client_for(world.victor).get(f"/dang-vien/{world.m_phya_ma.pk}/").content.decode()
    assert "Sửa thông tin" not in page and "Ghi sự kiện" not in page


def test_branch_secretary_sees_no_reorganisation_of_her_branch(world, client_for):
    page = client_for(world.carol).get(f"/don-vi/{world.phya_ma.pk}/").content.decode()
    assert "Đổi tên" not in page and "Giải thể" not in page


def test_viewer_sees_no_record_forms_or_moves_on_a_case(world, client_for):
    page = client_for(world.victor).get(f"/ho-so/{world.case_phya_ma.pk}/").content.decode()
    assert "Ghi giấy tờ" not in page and "Ghi: " not in page
