"""Two-factor login: the code step, enrolment, recovery codes, and where it is enforced."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from ptdv.accounts import two_factor
from ptdv.accounts.models import ApiToken
from tests.logins import authenticator, code_at, log_in, next_code, time_step

pytestmark = pytest.mark.django_db

TREE = "/don-vi/"
VERIFY = reverse("accounts:verify")
ENROL = reverse("accounts:two-factor")


@pytest.fixture(autouse=True)
def no_wait_between_codes(settings):
    """django-otp makes a device wait 1, 2, 4… s after a wrong code; only one test is about it."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def password_step(user, client=None):
    client = client or Client()
    response = client.post(reverse("login"), {"username": user.username, "password": "x-" + user.username})
    assert response.status_code == 302, "the password was refused"
    return client


def code_step(client, code, next_url=TREE):
    return client.post(VERIFY, {"code": code, "next": next_url})


def test_organizer_with_an_authenticator_cannot_open_the_tree_until_the_code_is_entered(world):
    device = authenticator(world.alice)
    client = password_step(world.alice)

    assert client.get(TREE)["Location"] == f"{VERIFY}?next=%2Fdon-vi%2F"
    assert client.get(f"/don-vi/{world.phya_ma.pk}/").status_code == 302
    assert client.get(ENROL)["Location"].startswith(VERIFY)  # no new authenticator without the code
    assert not TOTPDevice.objects.filter(user=world.alice, confirmed=False).exists()

    before = client.cookies["sessionid"].value
    response = code_step(client, next_code(device))
    assert response["Location"] == TREE
    assert client.get(TREE).status_code == 200
    assert client.cookies["sessionid"].value != before  # a new session id once verified


def test_a_wrong_code_is_refused_in_vietnamese(world):
    device = authenticator(world.alice)
    client = password_step(world.alice)
    wrong = code_at(device.bin_key, time_step() + 5)

    page = code_step(client, wrong).content.decode()

    assert "Mã xác thực không đúng hoặc đã dùng. Còn 4 lần thử." in page
    assert client.get(TREE).status_code == 302


def test_five_wrong_codes_send_the_user_back_to_the_password_step(world):
    authenticator(world.alice)
    client = password_step(world.alice)
    for _ in range(two_factor.MAX_FAILED_CODES - 1):
        assert code_step(client, "000000").status_code == 200

    last = code_step(client, "000000", next_url=TREE)

    assert last["Location"] == reverse("login")
    assert "Nhập sai mã xác thực 5 lần" in client.get(reverse("login")).content.decode()
    assert client.get(TREE)["Location"].startswith(reverse("login"))


def test_a_device_that_just_refused_a_code_asks_to_wait(world, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 600
    device = authenticator(world.alice)
    client = password_step(world.alice)
    code_step(client, code_at(device.bin_key, time_step() + 5))

    page = code_step(client, next_code(device)).content.decode()

    assert re.search(r"hãy đợi \d+ giây rồi thử lại", page)
    assert client.get(TREE).status_code == 302


def test_a_recovery_code_works_once(world):
    authenticator(world.alice)
    codes = two_factor.new_recovery_codes(world.alice)
    client = password_step(world.alice)

    assert code_step(client, codes[0].upper())["Location"] == TREE
    assert client.get(TREE).status_code == 200

    client.post(reverse("logout"))
    again = password_step(world.alice)
    assert "Mã xác thực không đúng hoặc đã dùng." in code_step(again, codes[0]).content.decode()
    assert code_step(again, codes[1])["Location"] == TREE
    assert two_factor.recovery_codes_left(world.alice) == 8


def test_organizer_without_an_authenticator_is_sent_to_enrolment(world):
    client = password_step(world.alice)

    assert client.get(TREE)["Location"] == f"{ENROL}?next=%2Fdon-vi%2F"
    assert client.get(reverse("accounts:profile"))["Location"].startswith(ENROL)
    assert client.get(ENROL).status_code == 200


def test_enrolment_shows_a_local_qr_code_and_the_key_then_ten_recovery_codes_once(world):
    client = password_step(world.alice)
    page = client.get(ENROL).content.decode()
    device = TOTPDevice.objects.get(user=world.alice, confirmed=False)
    secret = two_factor.secret_for_manual_entry(device)

    assert '<svg width="' in page and 'class="otp-qr"' in page
    assert secret in page
    assert "<script>" not in page and "style=" not in page and "otpauth://" not in page
    assert client.get(ENROL).content.decode().count(secret) == 1  # same device on a second visit
    assert "no-store" in client.get(ENROL)["Cache-Control"]

    done = client.post(ENROL, {"code": next_code(device), "next": TREE})

    shown = re.findall(r"<li>([a-z2-7]{8})</li>", done.content.decode())
    assert len(shown) == two_factor.RECOVERY_CODE_COUNT
    assert sorted(shown) == sorted(
        StaticToken.objects.filter(device__user=world.alice).values_list("token", flat=True)
    )
    assert "chỉ hiện <strong>một lần</strong>" in done.content.decode()
    assert client.get(TREE).status_code == 200  # the session is verified by the enrolment
    assert TOTPDevice.objects.get(user=world.alice).confirmed


def test_a_wrong_code_at_enrolment_enrols_nothing(world):
    client = password_step(world.alice)
    client.get(ENROL)

    page = client.post(ENROL, {"code": "123456"}).content.decode()

    assert "Mã xác thực không đúng" in page
    assert not two_factor.is_enrolled(world.alice)
    assert not StaticToken.objects.exists()
    assert client.get(TREE).status_code == 302


def test_enrolling_again_replaces_the_old_authenticator(world, client_for):
    client = client_for(world.alice)
    old = authenticator(world.alice)
    client.get(ENROL)
    new = TOTPDevice.objects.get(user=world.alice, confirmed=False)

    client.post(ENROL, {"code": next_code(new)})

    assert list(TOTPDevice.objects.filter(user=world.alice)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert client.get(TREE).status_code == 200


def test_branch_secretary_without_an_authenticator_logs_in_with_the_password_only(world):
    client = password_step(world.carol)

    assert client.get(TREE).status_code == 200
    assert client.get("/api/units/").status_code == 200


def test_branch_secretary_who_enrolled_is_asked_for_the_code(world):
    device = authenticator(world.carol)
    client = password_step(world.carol)

    assert client.get(TREE)["Location"].startswith(VERIFY)
    assert client.post(reverse("accounts:two-factor-off"))["Location"].startswith(VERIFY)
    assert client.post(reverse("accounts:recovery-codes"))["Location"].startswith(VERIFY)
    assert two_factor.is_enrolled(world.carol) and not StaticToken.objects.exists()
    assert code_step(client, next_code(device))["Location"] == TREE


def test_the_admin_pages_require_a_verified_session_from_everyone(world):
    authenticator(world.adam)
    adam = password_step(world.adam)
    assert adam.get("/quan-tri/")["Location"] == f"{VERIFY}?next=%2Fquan-tri%2F"
    assert log_in(Client(), world.adam).get("/quan-tri/").status_code == 200

    world.victor.is_staff = True
    world.victor.save()
    victor = password_step(world.victor)
    assert victor.get(TREE).status_code == 200  # optional for a viewer elsewhere
    assert victor.get("/quan-tri/")["Location"].startswith(ENROL)


def test_api_refuses_an_unverified_session_in_vietnamese_and_accepts_tokens(world):
    authenticator(world.alice)
    session = password_step(world.alice, APIClient())

    refused = session.get("/api/units/")

    assert refused.status_code == 403
    assert "chưa xác thực hai lớp" in refused.json()["detail"]
    _, token = ApiToken.objects.create(user=world.alice)
    by_token = APIClient()
    by_token.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert by_token.get("/api/units/").status_code == 200


def test_recovery_codes_are_regenerated_from_the_profile_and_the_old_ones_stop_working(world, client_for):
    client = client_for(world.alice)
    old = two_factor.new_recovery_codes(world.alice)

    page = client.post(reverse("accounts:recovery-codes")).content.decode()

    new = re.findall(r"<li>([a-z2-7]{8})</li>", page)
    assert len(new) == two_factor.RECOVERY_CODE_COUNT and not set(new) & set(old)
    assert two_factor.check_code(world.alice, old[0]) is None
    assert two_factor.check_code(world.alice, new[0]) is not None


def test_only_roles_that_may_choose_turn_two_factor_off(world, client_for):
    carol = password_step(world.carol)
    code_step(carol, next_code(authenticator(world.carol)))
    assert "Tắt xác thực hai lớp" in carol.get(reverse("accounts:profile")).content.decode()

    carol.post(reverse("accounts:two-factor-off"))

    assert not two_factor.is_enrolled(world.carol)
    alice = client_for(world.alice)
    assert "Tắt xác thực hai lớp" not in alice.get(reverse("accounts:profile")).content.decode()
    assert alice.post(reverse("accounts:two-factor-off")).status_code == 403
    assert two_factor.is_enrolled(world.alice)


def test_profile_offers_enrolment_to_a_user_without_an_authenticator(world, client_for):
    page = client_for(world.bob).get(reverse("accounts:profile")).content.decode()

    assert "Xác thực hai lớp" in page and f'href="{ENROL}"' in page


def test_first_login_of_an_organizer_enrols_then_changes_the_password_without_a_loop(world):
    """Both gates at once (a new organizer: no authenticator, a password chosen by someone else):
    enrolment comes first, then the password change, and neither sends the user back to the other."""
    world.alice.must_change_password = True
    world.alice.save()
    client = password_step(world.alice)

    assert client.get(TREE)["Location"].startswith(ENROL)
    assert client.get(ENROL).status_code == 200
    device = TOTPDevice.objects.get(user=world.alice, confirmed=False)
    assert client.post(ENROL, {"code": next_code(device), "next": TREE}).status_code == 200

    assert client.get(TREE)["Location"] == reverse("accounts:password-change")
    assert client.get(reverse("accounts:password-change")).status_code == 200


def test_an_organizer_resets_a_lost_authenticator_of_a_user_in_her_subtree(world, client_for):
    """A committee member who lost the phone: the organizer resets two-factor, the old sessions
    end, and the next login goes by password (enrolment is optional for that role)."""
    authenticator(world.bob)
    new_recovery = two_factor.new_recovery_codes(world.bob)
    bob_session = log_in(Client(), world.bob)
    reset = reverse("accounts:user-two-factor-reset", args=[world.bob.pk])

    assert (
        "Đặt lại xác thực hai lớp"
        in client_for(world.alice).get(reverse("accounts:user", args=[world.bob.pk])).content.decode()
    )
    assert client_for(world.alice).post(reset).status_code == 302

    assert not two_factor.is_enrolled(world.bob) and new_recovery
    assert bob_session.get(TREE).status_code == 302  # signed out everywhere
    assert password_step(world.bob).get(TREE).status_code == 200
    recorded = world.bob.history.get(history_change_reason="Đặt lại xác thực hai lớp")
    assert recorded.history_user == world.alice


def test_only_officers_in_scope_reset_someone_elses_two_factor(world, client_for):
    authenticator(world.alice)
    reset = reverse("accounts:user-two-factor-reset", args=[world.alice.pk])
    assert client_for(world.olga).post(reset).status_code == 404  # another province
    assert client_for(world.bob).post(reset).status_code in (403, 404)
    assert client_for(world.alice).post(reset).status_code == 403  # not her own: the profile does that
    assert two_factor.is_enrolled(world.alice)
