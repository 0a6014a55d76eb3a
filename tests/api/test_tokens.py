"""API tokens: made and revoked by their owner on the profile page, hashed, expiring, shown once."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from rest_framework.test import APIClient

from ptdv.accounts.models import ApiToken
from ptdv.accounts.tokens import create_token

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r"ptdv_[0-9a-f]{64}")


def _works(token) -> bool:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client.get("/api/cases/").status_code == 200


def _create_on_profile(client, name="Báo cáo tự động", days=90):
    response = client.post("/tai-khoan/khoa-api/", {"name": name, "days": days})
    found = TOKEN.findall(response.content.decode())
    return response, found[0] if found else None


def test_a_token_made_on_the_profile_is_shown_once_and_opens_the_api(world, client_for):
    alice = client_for(world.alice)
    response, token = _create_on_profile(alice)
    assert response.status_code == 201 and token and _works(token)
    assert "no-store" in response["Cache-Control"]
    profile = alice.get("/tai-khoan/").content.decode()
    stored = ApiToken.objects.get(user=world.alice)
    assert token not in profile
    assert stored.token_key in profile and "Báo cáo tự động" in profile
    assert stored.expiry - timezone.now() == pytest.approx(timedelta(days=90), abs=timedelta(minutes=1))


def test_the_token_itself_is_stored_in_no_column(world, client_for):
    _, token = _create_on_profile(client_for(world.alice))
    rows = [*ApiToken.objects.values(), *ApiToken.history.values()]
    assert rows
    for row in rows:
        for column, value in row.items():
            assert token not in str(value), column


@pytest.mark.parametrize("days", [0, 7, 3650, "", "mãi mãi"])
def test_a_token_lasts_only_one_of_the_offered_durations(world, client_for, days):
    alice = client_for(world.alice)
    response = alice.post("/tai-khoan/khoa-api/", {"name": "x", "days": days}, follow=True)
    assert not TOKEN.search(response.content.decode())
    assert "Chưa tạo khóa API" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_an_expired_token_is_refused(world):
    token = create_token(world.alice, name="cũ", days=30)
    assert _works(token)
    ApiToken.objects.filter(user=world.alice).update(expiry=timezone.now() - timedelta(seconds=1))
    assert not _works(token)


def test_the_owner_revokes_a_token_and_history_keeps_it(world, client_for):
    token = create_token(world.alice, name="tạm", days=30)
    key = ApiToken.objects.get().token_key
    response = client_for(world.alice).post(f"/tai-khoan/khoa-api/{key}/thu-hoi/", follow=True)
    assert "Đã thu hồi khóa API" in response.content.decode()
    assert not _works(token) and not ApiToken.objects.exists()
    assert [h.history_type for h in ApiToken.history.order_by("history_id")] == ["+", "-"]
    assert ApiToken.history.first().history_user == world.alice


def test_nobody_revokes_or_sees_another_users_token(world, client_for):
    token = create_token(world.alice, name="của alice", days=30)
    key = ApiToken.objects.get().token_key
    for other in (world.olga, world.adam, world.bob):
        client = client_for(other)
        assert client.post(f"/tai-khoan/khoa-api/{key}/thu-hoi/").status_code == 404
        assert key not in client.get("/tai-khoan/").content.decode()
    assert client_for(world.alice).get(f"/tai-khoan/khoa-api/{key}/thu-hoi/").status_code == 405
    assert _works(token)


def test_the_token_command_prints_a_working_token_once(world):
    out = StringIO()
    call_command("token", "alice", "--name", "Máy chủ báo cáo", "--days", "30", stdout=out)
    token = out.getvalue().strip()
    assert TOKEN.fullmatch(token) and _works(token)
    stored = ApiToken.objects.get()
    assert stored.name == "Máy chủ báo cáo"
    assert stored.expiry - timezone.now() == pytest.approx(timedelta(days=30), abs=timedelta(minutes=1))


@pytest.mark.parametrize("args", [["nobody"], ["alice", "--days", "0"], ["alice", "--days", "400"]])
def test_the_token_command_refuses_unknown_users_and_unbounded_lifetimes(world, args):
    with pytest.raises(CommandError):
        call_command("token", *args, stdout=StringIO())
    assert not ApiToken.objects.exists()
