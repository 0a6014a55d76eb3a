"""Session limits: an idle timeout and an absolute limit since login.

Idle timeout: a session lives SESSION_COOKIE_AGE (PTDV_SESSION_IDLE_MINUTES) after it was last
saved, and activity saves it again — at most once a minute (RENEW_EVERY), not on every request
as SESSION_SAVE_EVERY_REQUEST would: on SQLite every save is a write that waits for the one
writer, so page views stay reads. Absolute limit: PTDV_SESSION_MAX_HOURS after the login time
stored in the session at login.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

LOGIN_AT = "ptdv_login_at"
RENEWED_AT = "ptdv_renewed_at"
RENEW_EVERY = timedelta(minutes=1).total_seconds()


@receiver(user_logged_in)
def remember_login_time(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = request.session[RENEWED_AT] = timezone.now().timestamp()


def past_absolute_limit(session) -> bool:
    """True when the session began more than PTDV_SESSION_MAX_HOURS ago.

    A session without a login time (made before this rule existed) counts from now on."""
    now = timezone.now().timestamp()
    started = session.setdefault(LOGIN_AT, now)
    return now - started > timedelta(hours=settings.PTDV_SESSION_MAX_HOURS).total_seconds()


def renew(session) -> None:
    """Push the idle expiry on: a changed session is saved with a fresh SESSION_COOKIE_AGE."""
    now = timezone.now().timestamp()
    if now - session.get(RENEWED_AT, 0) >= RENEW_EVERY:
        session[RENEWED_AT] = now
