"""Logging in as a user who passed two-factor login, for tests that are not about it.

Organizers and administrators must enter a code after their password (ptdv.accounts.
two_factor); tests of everything else log them in with an authenticator enrolled here
and a session verified the way django-otp's `login()` records it. No setting turns the
check off.
"""

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ptdv.accounts import two_factor


def authenticator(user) -> TOTPDevice:
    """The user's confirmed authenticator app, enrolled now if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Ứng dụng (kiểm thử)", confirmed=True)


def code_at(key: bytes, step: int) -> str:
    """The six digits an authenticator app shows for time step `step` of `key`."""
    return f"{hotp(key, step):06d}"


def time_step(seconds: int = 30) -> int:
    return int(time.time()) // seconds


def next_code(device: TOTPDevice) -> str:
    """The code the app would show that the device has not accepted yet.

    A device refuses a time step it already accepted (replay protection); a second login
    within the same 30 seconds uses the next step, which the device's tolerance admits,
    or waits for it.
    """
    device.refresh_from_db()
    wanted = max(time_step(device.step) + device.drift, device.last_t + 1)
    while wanted > time_step(device.step) + device.drift + device.tolerance:
        time.sleep(1)
    return code_at(device.bin_key, wanted)


def log_in(client, user):
    """force_login, verified by an authenticator for the roles that must use one."""
    client.force_login(user)
    if two_factor.is_required(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
        session.save()
    return client
