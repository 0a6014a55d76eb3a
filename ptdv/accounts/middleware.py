"""Account rules that hold on every request: the session's absolute limit and the forced
password change."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from ptdv.accounts.sessions import past_absolute_limit, renew

MUST_CHANGE = "Bạn phải đổi mật khẩu trước khi dùng hệ thống."
# The API's refusal shape (ptdv.api.errors).
MUST_CHANGE_ERROR = {"code": "password_change_required", "message": MUST_CHANGE, "field": None}


class SessionLimitMiddleware:
    """Ends a session PTDV_SESSION_MAX_HOURS after login, however active it has been; renews
    the idle expiry of an active one (ptdv.accounts.sessions)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            if past_absolute_limit(request.session):
                logout(request)
                messages.info(
                    request,
                    f"Phiên làm việc đã quá {settings.PTDV_SESSION_MAX_HOURS} giờ; vui lòng đăng nhập lại.",
                )
            else:
                renew(request.session)
        return self.get_response(request)


class PasswordChangeRequiredMiddleware:
    """A user whose password someone else chose (`must_change_password`) can only change it.

    Pages redirect to the change page; the API answers 403 to session-authenticated requests.
    Token-authenticated API requests are left alone: a token is a credential of its own, and
    the page that makes tokens is itself behind this rule.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.must_change_password and not self._allowed(request.path):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": MUST_CHANGE, "errors": [MUST_CHANGE_ERROR]}, status=403)
            return redirect("accounts:password-change")
        return self.get_response(request)

    @staticmethod
    def _allowed(path: str) -> bool:
        """The change page, logging out, static files, and the login steps (the two-factor code
        and, for a first login that must enrol, enrolment and its recovery codes: the two-factor
        gate runs first and would otherwise send the user back and forth)."""
        allowed = (
            reverse("accounts:password-change"),
            reverse("logout"),
            reverse("login"),
            reverse("accounts:verify"),
            reverse("accounts:two-factor"),
            f"/{settings.STATIC_URL}",
        )
        return path.startswith(allowed)
