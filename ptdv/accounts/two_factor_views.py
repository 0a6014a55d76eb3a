"""Pages of two-factor login: the code step after the password, enrolment, recovery codes."""

import django_otp
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseForbidden
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ptdv.accounts import two_factor

FAILURES_SESSION_KEY = "ptdv_failed_codes"


class CodeForm(forms.Form):
    code = forms.CharField(label="Mã xác thực", max_length=32, strip=True)


def _next_url(request) -> str:
    """Where to go after the step: the page first asked for, if it is one of ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


@never_cache
@login_required
def verify(request):
    """Bước 2 của đăng nhập: the code from the app, or one recovery code."""
    user = request.user
    if two_factor.is_verified(user) or not two_factor.is_enrolled(user):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = two_factor.check_code(user, form.cleaned_data["code"])
            problem = "Mã xác thực không đúng hoặc đã dùng."
        except two_factor.TooSoon as too_soon:
            device = None
            problem = f"Bạn vừa nhập sai mã; hãy đợi {too_soon.seconds} giây rồi thử lại."
        if device is not None:
            request.session.pop(FAILURES_SESSION_KEY, None)
            _mark_verified(request, device)
            return redirect(_next_url(request))
        failures = request.session.get(FAILURES_SESSION_KEY, 0) + 1
        if failures >= two_factor.MAX_FAILED_CODES:
            logout(request)
            messages.error(
                request, f"Nhập sai mã xác thực {two_factor.MAX_FAILED_CODES} lần. Hãy đăng nhập lại."
            )
            return redirect("login")
        request.session[FAILURES_SESSION_KEY] = failures
        form.add_error("code", f"{problem} Còn {two_factor.MAX_FAILED_CODES - failures} lần thử.")
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@login_required
def enrol(request):
    """Bật xác thực hai lớp: scan the QR code (or type the key), confirm with the first code.

    For a user already enrolled this replaces the authenticator once the new one is
    confirmed; until then the old one keeps working.
    """
    device = two_factor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm(device, form.cleaned_data["code"])
        if codes is not None:
            device.refresh_from_db()
            _mark_verified(request, device)
            return _show_recovery_codes(request, codes)
        form.add_error("code", "Mã xác thực không đúng. Kiểm tra giờ trên điện thoại rồi nhập mã mới.")
    context = {
        "form": form,
        "qr_svg": two_factor.qr_svg(device),
        "secret": two_factor.secret_for_manual_entry(device),
        "replacing": two_factor.is_enrolled(request.user),
        "required": two_factor.is_required(request.user),
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_enrol.html", context)


@never_cache
@require_POST
@login_required
def recovery_codes(request):
    """Tạo lại mã dự phòng: the old codes stop working; the new ones are shown once."""
    if not two_factor.is_enrolled(request.user):
        return redirect("accounts:two-factor")
    return _show_recovery_codes(request, two_factor.new_recovery_codes(request.user))


@require_POST
@login_required
def turn_off(request):
    """Tắt xác thực hai lớp, only where the role leaves it optional."""
    if two_factor.is_required(request.user):
        return HttpResponseForbidden("Vai trò của bạn bắt buộc xác thực hai lớp; không thể tắt.")
    two_factor.turn_off(request.user)
    messages.success(request, "Đã tắt xác thực hai lớp.")
    return redirect("accounts:profile")


def _mark_verified(request, device):
    """The session now carries the second factor: a new session id, as at any login."""
    request.session.cycle_key()
    django_otp.login(request, device)


def _show_recovery_codes(request, codes):
    context = {"codes": codes, "next": _next_url(request)}
    return render(request, "accounts/two_factor_recovery_codes.html", context)
