"""Password rules in Vietnamese; change, officer's reset with a one-time link, forced change."""

import re

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from ptdv.accounts.models import User
from ptdv.accounts.users import create_user

GOOD = "Nui-Phja-Bioc-trang"


def refusal(password, user=None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return error.messages
    return []


@pytest.fixture
def tochuc(world):
    user, _password = create_user("tochuc.pacnam", "organizer", world.pac_nam, full_name="Hoàng Văn Thắng")
    return user


@pytest.mark.parametrize(
    "password", ["matkhau1", "Mật khẩu 2024!", "123matkhau456", "abc123abc123", "PTĐV12345678"]
)
def test_common_vietnamese_passwords_are_refused_however_written(db, password):
    assert any("quá phổ biến" in m for m in refusal(password))


def test_short_passwords_are_refused_in_vietnamese(db):
    assert refusal("Ab3$xyz") == ["Mật khẩu quá ngắn: cần ít nhất 10 ký tự."]


def test_all_digit_passwords_are_refused(db):
    assert "Mật khẩu không được chỉ gồm chữ số." in refusal("8264917305")


@pytest.mark.parametrize(
    "password", ["tochuc.pacnam1", "TOCHUC-PACNAM", "PacNam#2024x", "Hoang.Thang.1990", "Thắng!bkpn2024"]
)
def test_passwords_with_the_users_login_name_or_unit_are_refused(tochuc, password):
    assert any("tên đăng nhập, họ tên hoặc mã đơn vị" in m for m in refusal(password, tochuc))


def test_a_long_password_of_ones_own_passes(tochuc):
    assert refusal(GOOD, tochuc) == []


def change(client, old, new):
    return client.post(
        reverse("accounts:password-change"),
        {"old_password": old, "new_password1": new, "new_password2": new},
    )


def test_user_changes_their_own_password_from_the_profile(world, client_for):
    alice = client_for(world.alice)
    assert reverse("accounts:password-change") in alice.get(reverse("accounts:profile")).content.decode()
    assert change(alice, "x-alice", GOOD).status_code == 302
    world.alice.refresh_from_db()
    assert world.alice.check_password(GOOD)
    assert alice.get(reverse("web:tree")).status_code == 200  # this session stays


def test_a_weak_new_password_is_refused_in_vietnamese_and_nothing_changes(world, client_for):
    response = change(client_for(world.alice), "x-alice", "matkhau123")
    assert response.status_code == 200
    assert "quá phổ biến" in response.content.decode()
    world.alice.refresh_from_db()
    assert world.alice.check_password("x-alice")


def test_created_users_must_change_their_password_at_first_login(world):
    user, password = create_user("bithu.naphai", "branch", world.na_pai, full_name="Lục Văn Pác")
    assert user.must_change_password
    client = Client()
    client.post(reverse("login"), {"username": "bithu.naphai", "password": password})
    for url in ("/don-vi/", "/ho-so/", reverse("accounts:profile")):
        assert client.get(url).url == reverse("accounts:password-change")
    assert client.get(reverse("accounts:password-change")).status_code == 200
    assert change(client, password, GOOD).status_code == 302
    user.refresh_from_db()
    assert not user.must_change_password
    assert client.get("/don-vi/").status_code == 200


def test_api_refuses_a_session_that_must_change_its_password(world):
    user, _password = create_user("bithu.naphai", "branch", world.na_pai)
    api = APIClient()
    api.force_login(user)
    response = api.get("/api/units/")
    assert response.status_code == 403
    assert response.json()["detail"] == "Bạn phải đổi mật khẩu trước khi dùng hệ thống."
    assert [e["code"] for e in response.json()["errors"]] == ["password_change_required"]


def test_logout_and_static_files_stay_open_during_a_forced_change(world):
    user, _password = create_user("bithu.naphai", "branch", world.na_pai)
    client = Client()
    client.force_login(user)
    assert client.get("/static/ptdv/ptdv.css").status_code == 200
    assert client.post(reverse("logout")).url == reverse("login")


def reset(client, user):
    response = client.post(reverse("accounts:user-reset", args=[user.pk]))
    assert response.status_code == 200
    return re.search(r'id="secret">(\S+)<', response.content.decode()).group(1)


def test_organizer_resets_a_password_with_a_one_time_link(world, client_for):
    carol_session = client_for(world.carol)
    link = reset(client_for(world.alice), world.carol)
    world.carol.refresh_from_db()
    assert world.carol.must_change_password and not world.carol.check_password("x-carol")
    assert carol_session.get("/don-vi/").status_code == 302  # her sessions ended
    record = world.carol.history.first()
    assert (record.history_change_reason, record.history_user) == ("Đặt lại mật khẩu", world.alice)

    anonymous = Client()
    form = anonymous.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form.content.decode()
    done = anonymous.post(form.redirect_chain[-1][0], {"new_password1": GOOD, "new_password2": GOOD})
    assert done.url == reverse("login")
    world.carol.refresh_from_db()
    assert world.carol.check_password(GOOD) and not world.carol.must_change_password
    again = anonymous.get(link, follow=True).content.decode()
    assert "không còn dùng được" in again


def test_reset_link_is_mailed_when_smtp_is_configured(world, client_for, settings):
    world.carol.email = "carol@example.vn"
    world.carol.save()
    assert reset(client_for(world.alice), world.carol) and mail.outbox == []
    settings.EMAIL_HOST = "smtp.example.vn"
    link = reset(client_for(world.adam), world.carol)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["carol@example.vn"]
    assert link in mail.outbox[0].body


@pytest.mark.parametrize("username", ["bob", "carol", "victor"])
def test_only_organizers_and_admins_reset_passwords(world, client_for, username):
    client = client_for(world.users[username])
    assert client.post(reverse("accounts:user-reset", args=[world.carol.pk])).status_code == 404
    assert User.objects.get(pk=world.carol.pk).check_password("x-carol")


def test_createuser_prints_a_password_that_must_be_changed(world, capsys):
    call_command("createuser", "vanphong.napai", "--role", "committee", "--unit", "BK.PN.X01")
    password = capsys.readouterr().out.split("mật khẩu: ")[1].strip()
    user = User.objects.get(username="vanphong.napai")
    assert user.check_password(password) and user.must_change_password
