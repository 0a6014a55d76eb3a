"""The user's own password and sessions: change the password, set it from a reset link,
sign out on every other device."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from ptdv.accounts.forms import PasswordChangeForm, SetPasswordForm


class PasswordChangeView(auth_views.PasswordChangeView):
    """Đổi mật khẩu: Django's view (keeps this session, ends the others) with PTĐV's rules."""

    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, "Đã đổi mật khẩu.")
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Đặt lại mật khẩu from an officer's one-time link; the link dies with the old password."""

    form_class = SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        messages.success(self.request, "Đã đặt mật khẩu mới; hãy đăng nhập.")
        return super().form_valid(form)


@login_required
@require_POST
def sign_out_everywhere(request):
    """Đăng xuất mọi nơi: every session of the user ends except this one."""
    request.user.sign_out_everywhere()
    update_session_auth_hash(request, request.user)
    messages.success(request, "Đã đăng xuất khỏi mọi thiết bị khác.")
    return redirect("accounts:profile")
