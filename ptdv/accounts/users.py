"""Passwords chosen by someone else: a random one shown once, or a one-time reset link.

Either way the user must pick their own before anything else (`must_change_password`,
enforced by ptdv.accounts.middleware).
"""

import secrets

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ptdv.accounts.models import Role, User


def split_full_name(full_name: str) -> tuple[str, str]:
    """A Vietnamese name kept whole in Django's two fields: all but the given name in
    `first_name`, the given name in `last_name`, so `get_full_name()` reads it in its order
    ("Hoàng Thị" + "Mai") and a list sorted by `last_name` is sorted the Vietnamese way."""
    first, _, last = " ".join(full_name.split()).rpartition(" ")
    return first, last


def create_user(
    username: str, role: str, unit, *, full_name: str = "", staff: bool = False, email: str = ""
) -> tuple[User, str]:
    password = secrets.token_urlsafe(12)
    first, last = split_full_name(full_name)
    user = User.objects.create_user(
        username=username,
        password=password,
        role=role,
        unit=unit,
        first_name=first,
        last_name=last,
        email=email,
        is_staff=staff or role == Role.ADMIN,
        must_change_password=True,
    )
    return user, password


def reset_password(user: User, request) -> str:
    """An officer's reset: the old password stops working, every session of the user ends,
    and a one-time link (valid until used or PASSWORD_RESET_TIMEOUT) lets the user choose a new
    one. The link is returned to be shown to the officer, and mailed to the user when SMTP is
    configured."""
    user.set_password(secrets.token_urlsafe(24))
    user.must_change_password = True
    user._change_reason = "Đặt lại mật khẩu"
    user.save()
    path = reverse(
        "accounts:reset-confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    link = request.build_absolute_uri(path)
    if settings.EMAIL_HOST and user.email:
        send_mail(
            "PTĐV: đặt lại mật khẩu",
            f"Chào {user.get_full_name() or user.username},\n\n"
            f"Mật khẩu tài khoản PTĐV {user.username} đã được đặt lại. "
            f"Mở liên kết sau (dùng được một lần) để chọn mật khẩu mới:\n{link}\n",
            None,
            [user.email],
        )
    return link
