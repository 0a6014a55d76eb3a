"""Two-factor login (xác thực hai lớp): who needs it, and the devices behind it.

A user is *enrolled* when they have a confirmed TOTP device (an authenticator app); the
recovery codes (mã dự phòng) are a django-otp static device created with it, each code
usable once. Organizers and administrators must be enrolled; for everyone else it is a
choice, but once enrolled the code is asked at every login. The session is *verified*
when django-otp's `login()` recorded the device that answered (`user.is_verified()`).

Brute force is bounded twice: django-otp throttles every device (1, 2, 4, 8… seconds
between failures, kept in the database across sessions), and the login code step sends
the user back to the password step after MAX_FAILED_CODES failures in one session.
"""

import math
from base64 import b32encode
from dataclasses import dataclass

import segno
from django.db import transaction
from django.utils import timezone
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ptdv import scope

REQUIRED_ROLES = frozenset({scope.ORGANIZER, scope.ADMIN})
RECOVERY_CODE_COUNT = 10
MAX_FAILED_CODES = 5
TOTP_DIGITS = 6
APP_DEVICE_NAME = "Ứng dụng xác thực"
RECOVERY_DEVICE_NAME = "Mã dự phòng"


def is_required(user) -> bool:
    return getattr(user, "role", None) in REQUIRED_ROLES


def is_enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_step(user, *, strict: bool = False) -> str | None:
    """What an authenticated but unverified session must do before anything else.

    "verify" (enter a code) for an enrolled user, "enrol" for a user who must be
    enrolled but is not (or any user when `strict`, e.g. for the Django admin), None
    when the password alone is enough.
    """
    if is_enrolled(user):
        return "verify"
    if strict or is_required(user):
        return "enrol"
    return None


def is_verified(user) -> bool:
    return getattr(user, "is_verified", lambda: False)()


# Enrolment -------------------------------------------------------------------------


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being enrolled: one per user, reused until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def secret_for_manual_entry(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, as authenticator apps ask for it."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// link as an inline <svg> drawn here (segno): the secret never leaves."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4, svgclass="otp-qr", light="#fff", title="Mã QR để quét bằng ứng dụng xác thực"
    )


@transaction.atomic
def confirm(device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the enrolment with the app's first code; the new app replaces any old one.

    Returns the fresh recovery codes (to show once), or None when the code is wrong.
    """
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token(_compact(code)):
        return None
    TOTPDevice.objects.filter(user=device.user_id).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new ones."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def turn_off(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


# The login code step ----------------------------------------------------------------


@dataclass
class TooSoon(Exception):
    """The device refuses to check a code yet (django-otp's throttling after failures)."""

    seconds: int


def check_code(user, code: str):
    """The confirmed device that accepts `code` (six digits: the app; else a recovery code).

    Returns None for a wrong code; raises TooSoon while the device is throttled.
    """
    code = _compact(code)
    model = TOTPDevice if code.isdigit() and len(code) == TOTP_DIGITS else StaticDevice
    device = model.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        return None
    allowed, details = device.verify_is_allowed()
    if not allowed and details and "locked_until" in details:
        wait = (details["locked_until"] - timezone.now()).total_seconds()
        raise TooSoon(max(1, math.ceil(wait)))
    return verify_token(user, device.persistent_id, code)


def _compact(code: str) -> str:
    """Codes as people type them: spaces and dashes dropped, recovery codes in lower case."""
    return "".join(ch for ch in code if ch not in " -").lower()
