"""Login lockout: the username-and-IP pair, a cool-off that grows, and unlocking by an admin.

django-axes counts failures per pair (AXES_LOCKOUT_PARAMETERS), so five mistakes in a commune
office lock that officer at that address only, and nobody can lock an officer out from
elsewhere. The cool-off starts at PTDV_LOCKOUT_MINUTES and doubles for every earlier lockout of
the same pair within a day, up to PTDV_LOCKOUT_MAX_MINUTES, so guessing gets slower and slower.

Earlier lockouts are read from axes' failure log: the failure that locks is logged with
`locked_out=True`, failures during a lockout are not logged at all
(AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False), so a lockout is *earlier* exactly when
a plain failure was logged after it.
"""

import logging
import math
from datetime import datetime, timedelta

from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone

log = logging.getLogger(__name__)

GROWTH_WINDOW = timedelta(days=1)


def cool_off_for(username: str | None, ip_address: str | None, at: datetime) -> timedelta:
    """How long the pair stays locked after its next (or current) lockout, as of `at`."""
    base = settings.PTDV_LOCKOUT_MINUTES
    cap = timedelta(minutes=settings.PTDV_LOCKOUT_MAX_MINUTES)
    if not username:
        return min(timedelta(minutes=base), cap)
    logged = AccessFailureLog.objects.filter(
        username=username, ip_address=ip_address, attempt_time__gte=at - GROWTH_WINDOW
    )
    last_plain_failure = logged.filter(locked_out=False).aggregate(at=Max("attempt_time"))["at"]
    earlier = (
        logged.filter(locked_out=True, attempt_time__lt=last_plain_failure).count()
        if last_plain_failure
        else 0
    )
    # Doubling stops at the cap long before the exponent could grow large.
    return min(timedelta(minutes=base * 2 ** min(earlier, 20)), cap)


def cool_off(request=None) -> timedelta:
    """AXES_COOLOFF_TIME: the cool-off of the pair making this request."""
    if request is None:
        return cool_off_for(None, None, timezone.now())
    return cool_off_for(
        get_client_username(request),
        getattr(request, "axes_ip_address", None),
        getattr(request, "axes_attempt_time", None) or timezone.now(),
    )


def locked_until(attempts, at: datetime) -> datetime | None:
    """When the lockout of one pair's attempts ends, or None when the pair is not locked."""
    attempts = list(attempts)
    if not attempts or sum(a.failures_since_start for a in attempts) < settings.AXES_FAILURE_LIMIT:
        return None
    first = attempts[0]
    until = max(a.attempt_time for a in attempts) + cool_off_for(first.username, first.ip_address, at)
    return until if until > at else None


def wait_minutes(until: datetime, at: datetime) -> int:
    return max(1, math.ceil((until - at).total_seconds() / 60))


def locked_out_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the Vietnamese page that says how many minutes to wait."""
    at = timezone.now()
    username = get_client_username(request, credentials)
    attempts = AccessAttempt.objects.filter(username=username, ip_address=request.axes_ip_address)
    until = locked_until(attempts, at) or at + cool_off(request)
    context = {
        "minutes": wait_minutes(until, at),
        "failure_limit": get_failure_limit(request, credentials),
    }
    return render(request, "registration/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def locked_accounts(users) -> list[dict]:
    """The lockouts in force for `users` (a queryset already narrowed to the viewer's scope)."""
    at = timezone.now()
    by_username = {u.username: u for u in users}
    pairs: dict[tuple, list] = {}
    for attempt in AccessAttempt.objects.filter(username__in=by_username).order_by("username"):
        pairs.setdefault((attempt.username, attempt.ip_address), []).append(attempt)
    locked = []
    for (username, ip_address), attempts in pairs.items():
        until = locked_until(attempts, at)
        if until:
            locked.append(
                {
                    "user": by_username[username],
                    "ip_address": ip_address,
                    "until": until,
                    "minutes": wait_minutes(until, at),
                }
            )
    return locked


def unlock(user, *, by) -> int:
    """Forget `user`'s counted failures at every address; the failure log stays as a record."""
    count, _ = AccessAttempt.objects.filter(username=user.username).delete()
    log.warning("Lockout of %s lifted by %s (%d records)", user.username, by.username, count)
    return count
