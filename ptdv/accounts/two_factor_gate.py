"""Where two-factor login is enforced: the pages (a middleware) and the API (DRF auth).

After the password step a user is logged in but not verified. Until they enter a code
(or, if their role requires it and they have no authenticator yet, enrol one), such a
session reaches only that step, logout, the login page and static files. The Django
admin asks for a verified session from everyone.

API requests are left to `VerifiedSessionAuthentication`: an unverified session that
owes a code gets 403 with a Vietnamese message instead of a redirect. Token requests
are unaffected: a token is created from a verified session, so it already carries the
second factor.
"""

from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from drf_spectacular.authentication import SessionScheme
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication

from ptdv.accounts import two_factor

STEP_URLS = {"verify": "accounts:verify", "enrol": "accounts:two-factor"}
API_REFUSAL = "Phiên đăng nhập chưa xác thực hai lớp: hãy nhập mã xác thực trên trang đăng nhập."


@cache
def _paths():
    return {
        "always": {reverse("login"), reverse("logout")},
        "static": settings.STATIC_URL if settings.STATIC_URL.startswith("/") else f"/{settings.STATIC_URL}",
        "api": reverse("api-root"),
        "admin": reverse("admin:index"),
    }


class TwoFactorMiddleware:
    """Keeps an unverified session on the code step or the enrolment page (see module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        paths = _paths()
        path = request.path
        if (
            not user.is_authenticated
            or two_factor.is_verified(user)
            or path in paths["always"]
            or path.startswith((paths["static"], paths["api"]))
        ):
            return self.get_response(request)
        step = two_factor.pending_step(user, strict=path.startswith(paths["admin"]))
        if step is None:
            return self.get_response(request)
        step_url = reverse(STEP_URLS[step])
        if path == step_url:
            return self.get_response(request)
        return redirect(f"{step_url}?{urlencode({'next': request.get_full_path()})}")


class VerifiedSessionAuthentication(SessionAuthentication):
    """Session authentication that refuses a session still owing its second factor."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            user = result[0]
            if not two_factor.is_verified(user) and two_factor.pending_step(user) is not None:
                raise exceptions.PermissionDenied(API_REFUSAL)
        return result


class VerifiedSessionScheme(SessionScheme):
    """In the OpenAPI schema it is the same session cookie as DRF's own."""

    target_class = VerifiedSessionAuthentication
