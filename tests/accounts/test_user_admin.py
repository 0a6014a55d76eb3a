"""Organizers manage the accounts of their subtree, never above their own role; all in history."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ptdv.accounts.models import User


def new_user(client, **fields):
    data = {"username": "bithu.napai", "full_name": "Lục Văn Pác", "email": "", "role": "branch"}
    return client.post(reverse("accounts:user-new"), {**data, **fields})


def test_organizer_lists_the_users_of_her_subtree_only(world, client_for):
    page = client_for(world.alice).get(reverse("accounts:users")).content.decode()
    assert all(name in page for name in ("alice", "bob", "carol", "victor"))
    assert "olga" not in page and "adam" not in page


def test_organizer_creates_a_user_with_a_random_password_shown_once(world, client_for):
    response = new_user(client_for(world.alice), unit=world.na_pai.pk)
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    password = re.search(r'id="secret">(\S+)<', response.content.decode()).group(1)
    user = User.objects.get(username="bithu.napai")
    assert (user.role, user.unit, user.get_full_name()) == ("branch", world.na_pai, "Lục Văn Pác")
    assert user.must_change_password and user.check_password(password)
    assert user.history.get().history_user == world.alice
    client = Client()
    client.post(reverse("login"), {"username": "bithu.napai", "password": password})
    assert client.get("/don-vi/").url == reverse("accounts:password-change")


def test_organizer_cannot_create_admins_or_users_outside_her_subtree(world, client_for):
    alice = client_for(world.alice)
    form = alice.get(reverse("accounts:user-new")).content.decode()
    assert 'value="admin"' not in form and "Đăk Tô" not in form and "Bắc Kạn" not in form
    for fields in ({"role": "admin", "unit": world.na_pai.pk}, {"role": "branch", "unit": world.thon_1.pk}):
        response = new_user(alice, **fields)
        assert response.status_code == 200 and "Hãy chọn" in response.content.decode()
    assert not User.objects.filter(username="bithu.napai").exists()


def test_a_duplicate_username_is_refused_in_vietnamese(world, client_for):
    response = new_user(client_for(world.alice), username="carol", unit=world.na_pai.pk)
    assert "Tên đăng nhập đã được sử dụng" in response.content.decode()


@pytest.mark.parametrize("username", ["bob", "carol", "victor"])
def test_other_roles_have_no_user_management(world, client_for, username):
    client = client_for(world.users[username])
    assert client.get(reverse("accounts:users")).status_code == 403
    assert new_user(client, unit=world.phya_ma.pk).status_code == 403
    assert client.get(reverse("accounts:user", args=[world.carol.pk])).status_code == 404
    assert client.post(reverse("accounts:user-active", args=[world.carol.pk])).status_code == 404


def test_organizer_disables_and_re_enables_a_user_and_history_names_her(world, client_for):
    alice, carol = client_for(world.alice), client_for(world.carol)
    url = reverse("accounts:user-active", args=[world.carol.pk])
    assert alice.post(url, {"active": "0"}).status_code == 302
    world.carol.refresh_from_db()
    assert not world.carol.is_active and User.objects.filter(pk=world.carol.pk).exists()
    assert carol.get("/don-vi/").status_code == 302
    assert Client().post(reverse("login"), {"username": "carol", "password": "x-carol"}).status_code == 200
    alice.post(url, {"active": "1"})
    world.carol.refresh_from_db()
    assert world.carol.is_active
    reasons = [(h.history_change_reason, h.history_user) for h in world.carol.history.all()[:2]]
    assert reasons == [("Mở lại tài khoản", world.alice), ("Khóa tài khoản", world.alice)]
    page = alice.get(reverse("accounts:user", args=[world.carol.pk])).content.decode()
    assert "Khóa tài khoản — bởi alice" in page


def test_organizer_cannot_touch_her_own_account_or_a_higher_role(world, client_for):
    adam_in_pac_nam = User.objects.create_user(username="admin.pn", role="admin", unit=world.pac_nam)
    alice = client_for(world.alice)
    for target in (world.alice, adam_in_pac_nam):
        response = alice.post(reverse("accounts:user-active", args=[target.pk]), {"active": "0"})
        assert response.status_code == 403
        target.refresh_from_db()
        assert target.is_active


def test_users_of_another_province_answer_like_missing_ones(world, client_for):
    alice = client_for(world.alice)
    for name in ("accounts:user", "accounts:user-active", "accounts:user-reset", "accounts:user-unlock"):
        assert alice.post(reverse(name, args=[world.olga.pk])).status_code == 404
    world.olga.refresh_from_db()
    assert world.olga.is_active and world.olga.check_password("x-olga")


def test_management_pages_fit_a_phone_layout_and_are_linked_from_the_profile(world, client_for):
    alice = client_for(world.alice)
    assert reverse("accounts:users") in alice.get(reverse("accounts:profile")).content.decode()
    bob_profile = client_for(world.bob).get(reverse("accounts:profile")).content.decode()
    assert reverse("accounts:users") not in bob_profile
    page = alice.get(reverse("accounts:users")).content.decode()
    assert "table-responsive" in page and 'style="' not in page and "<script>" not in page


def test_user_list_costs_the_same_queries_however_many_users(world, client_for):
    alice = client_for(world.alice)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert alice.get(reverse("accounts:users")).status_code == 200
        return len(captured)

    before = queries()
    for i in range(15):
        User.objects.create_user(username=f"chibo{i}", role="branch", unit=world.na_pai)
    assert queries() == before
