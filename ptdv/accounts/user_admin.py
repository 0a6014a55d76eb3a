"""Quản lý người dùng: organizers and admins manage the accounts of their subtree.

Every lookup goes through `User.objects.visible_to` (out of scope = 404, like a missing id);
what the officer may do to a visible account is decided by ptdv.accounts.rights. Accounts
are disabled, never deleted, and every change lands in the user's history with the officer
as its author.
"""

import functools
import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ptdv import versioning
from ptdv.accounts import lockout, two_factor
from ptdv.accounts.forms import UserCreateForm
from ptdv.accounts.models import User
from ptdv.accounts.rights import manages_accounts, may_manage
from ptdv.accounts.users import create_user, reset_password
from ptdv.web.views.common import scoped_get


def _require_manager(request) -> None:
    if not manages_accounts(request.user):
        raise PermissionDenied


def _managed(request, pk) -> User:
    """The account, if visible (else 404) and the officer may change it (else 403)."""
    target = scoped_get(request, User, pk)
    if not may_manage(request.user, target):
        raise PermissionDenied
    return target


def _account_act(view):
    """An act on an account is all or nothing; one made on a version someone changed meanwhile
    (ptdv.versioning) writes nothing and says so."""

    @functools.wraps(view)
    def act(request, pk):
        try:
            with transaction.atomic():
                return view(request, pk)
        except versioning.StaleVersion as stale:
            messages.error(request, stale.messages[0])
            return redirect("accounts:user", pk=pk)

    return act


def _save(request, target: User, reason: str) -> None:
    """Save an act on the account, claimed on the version read with it (ptdv.versioning): an
    admin's edit made in between makes the act stale instead of being overwritten."""
    target._history_user = request.user
    target._change_reason = reason
    versioning.save(target, target.version)


@login_required
def user_list(request):
    _require_manager(request)
    users = User.objects.visible_to(request.user).select_related("unit").order_by("unit__path", "username")
    return render(
        request,
        "accounts/user_list.html",
        {"users": users, "locked": lockout.locked_accounts(users)},
    )


@never_cache
@login_required
def user_new(request):
    _require_manager(request)
    form = UserCreateForm(request.POST or None, officer=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                user, password = create_user(
                    data["username"],
                    data["role"],
                    data["unit"],
                    full_name=data["full_name"],
                    email=data["email"],
                )
        except IntegrityError:  # the same name created a moment ago by someone else
            form.add_error("username", User._meta.get_field("username").error_messages["unique"])
        else:
            return render(request, "accounts/user_secret.html", {"account": user, "password": password})
    return render(request, "accounts/user_form.html", {"form": form})


@login_required
def user_detail(request, pk):
    target = scoped_get(request, User, pk)
    return render(
        request,
        "accounts/user_detail.html",
        {
            "account": target,
            "may_manage": may_manage(request.user, target),
            "locked": lockout.locked_accounts(User.objects.filter(pk=target.pk)),
            "two_factor_enrolled": two_factor.is_enrolled(target),
            "history": target.history.select_related("history_user")[:30],
        },
    )


@login_required
@require_POST
@_account_act
def user_active(request, pk):
    """Khóa / mở lại tài khoản: a disabled user cannot log in and their sessions stop working."""
    target = _managed(request, pk)
    target.is_active = request.POST.get("active") == "1"
    _save(request, target, "Mở lại tài khoản" if target.is_active else "Khóa tài khoản")
    messages.success(request, "Đã mở lại tài khoản." if target.is_active else "Đã khóa tài khoản.")
    return redirect("accounts:user", pk=target.pk)


@never_cache
@login_required
@require_POST
def user_reset(request, pk):
    target = _managed(request, pk)
    target._history_user = request.user
    link = reset_password(target, request)
    return render(request, "accounts/user_secret.html", {"account": target, "link": link})


@login_required
@require_POST
@_account_act
def user_unlock(request, pk):
    """Mở khóa đăng nhập before the cool-off ends, at every address."""
    target = _managed(request, pk)
    lockout.unlock(target, by=request.user)
    _save(request, target, "Mở khóa đăng nhập")
    messages.success(request, "Đã mở khóa đăng nhập.")
    return redirect("accounts:user", pk=target.pk)


@login_required
@require_POST
@_account_act
def user_two_factor_reset(request, pk):
    """Đặt lại xác thực hai lớp (a lost phone): the user's authenticator and recovery codes go,
    their sessions end, and at the next login they enrol again (required roles) or log in with
    the password (optional roles)."""
    target = _managed(request, pk)
    two_factor.turn_off(target)
    target.session_salt = secrets.token_hex(16)
    _save(request, target, "Đặt lại xác thực hai lớp")
    messages.success(request, "Đã đặt lại xác thực hai lớp; người dùng sẽ đăng ký lại khi đăng nhập.")
    return redirect("accounts:user", pk=target.pk)
