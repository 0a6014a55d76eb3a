"""API tokens in the admin: listed for the users in scope without any token material; revoke only."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from ptdv.accounts.models import ApiToken
from tests.admins import AdminWorld


@pytest.fixture
def world(db):
    return AdminWorld()


@pytest.fixture
def alice_token(world):
    token, secret = ApiToken.objects.create(user=world.alice, name="Ứng dụng thống kê")
    return token, secret


def _api(secret):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def test_the_token_list_shows_who_what_and_until_when_of_the_admins_scope_only(
    world, client_for, alice_token
):
    token, secret = alice_token
    page = client_for(world.adam).get(reverse("admin:accounts_apitoken_changelist"))
    assert page.status_code == 200
    assert {t.pk for t in page.context["cl"].result_list} == {token.pk, world.token_alice.pk}
    body = page.content.decode()
    assert "Ứng dụng thống kê" in body and "alice" in body and "olga" not in body
    assert secret not in body and token.token_key not in body


def test_a_token_page_shows_no_token_material_and_the_hash_opens_nothing(world, client_for, alice_token):
    token, secret = alice_token
    adam = client_for(world.adam)
    for url in (
        reverse("admin:accounts_apitoken_change", args=[token.pk]),
        reverse("admin:accounts_apitoken_history", args=[token.pk]),
    ):
        body = adam.get(url).content.decode()
        assert secret not in body and token.token_key not in body
    assert _api(secret).get("/api/units/").status_code == 200
    assert _api(token.digest).get("/api/units/").status_code == 401  # the stored hash is no key


def test_revoking_a_token_ends_it_and_keeps_its_history(world, client_for, alice_token):
    token, secret = alice_token
    revoke = {"action": "revoke", "_selected_action": [token.pk, world.token_olga.pk], "index": "0"}
    client_for(world.adam).post(reverse("admin:accounts_apitoken_changelist"), revoke)
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    assert ApiToken.objects.filter(pk=world.token_olga.pk).exists()  # another tree's: untouched
    assert _api(secret).get("/api/units/").status_code == 401
    revoked = ApiToken.history.filter(digest=token.pk).latest()
    assert revoked.history_type == "-" and revoked.history_user == world.adam


def test_tokens_are_not_added_or_changed_from_the_admin(world, client_for, alice_token):
    token, _ = alice_token
    adam = client_for(world.adam)
    assert adam.get(reverse("admin:accounts_apitoken_add")).status_code == 403
    change = reverse("admin:accounts_apitoken_change", args=[token.pk])
    assert adam.post(change, {"name": "Đổi tên", "expiry": ""}).status_code == 403
    token.refresh_from_db()
    assert token.name == "Ứng dụng thống kê"
