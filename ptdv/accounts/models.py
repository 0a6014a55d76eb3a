"""Users: every user has one role and is bound to one unit; their scope is its subtree."""

import secrets

from django.contrib.auth import models as auth_models
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken, AuthTokenManager
from simple_history.models import HistoricalRecords

from ptdv import scope
from ptdv.scope import ScopedQuerySet


class Role(models.TextChoices):
    ORGANIZER = scope.ORGANIZER, _("Cán bộ Ban Tổ chức / Ban Xây dựng Đảng")
    COMMITTEE = scope.COMMITTEE, _("Văn phòng / ủy viên đảng ủy cơ sở")
    BRANCH = scope.BRANCH, _("Bí thư / chi ủy chi bộ")
    VIEWER = scope.VIEWER, _("Lãnh đạo (chỉ xem)")
    ADMIN = scope.ADMIN, _("Quản trị hệ thống")


class UserManager(auth_models.UserManager.from_queryset(ScopedQuerySet)):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        """The national admin (`ptdv createsuperuser`): the admin role, bound to no unit."""
        if extra_fields.get("unit") is not None:
            raise ValueError("Quản trị viên cấp quốc gia không gắn với đơn vị nào.")
        extra_fields["role"] = scope.ADMIN
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """Người dùng. `unit` bounds everything they see; `role` what they may do there."""

    role = models.CharField(_("vai trò"), max_length=12, choices=Role.choices)
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        related_name="users",
        verbose_name=_("đơn vị"),
    )

    # Set when someone else chose the password (demo, createuser, reset by an officer):
    # the user must pick their own before anything else (ptdv.accounts.middleware).
    must_change_password = models.BooleanField(_("phải đổi mật khẩu"), default=False)
    # Part of every session's auth hash: changing it signs the user out everywhere.
    session_salt = models.CharField(max_length=32, blank=True, default="", editable=False)
    # Optimistic lock for edits of the account by officers (ptdv.versioning).
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["password", "last_login", "session_salt"])
    objects = UserManager()

    # The administrator and the organizer manage accounts, within their own subtree
    # (what each may do to an account: ptdv.accounts.rights).
    scope_path = "unit__path"
    scope_roles = frozenset({scope.ADMIN, scope.ORGANIZER})

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    @property
    def role_label(self) -> str:
        return self.get_role_display()

    def get_session_auth_hash(self):
        """Django checks this on every request; it changes with the password or `session_salt`."""
        return salted_hmac(
            "ptdv.accounts.User.session", f"{self.password}|{self.session_salt}", algorithm="sha256"
        ).hexdigest()

    def sign_out_everywhere(self) -> None:
        self.session_salt = secrets.token_hex(16)
        self.save(update_fields=["session_salt"])


class ApiToken(AbstractAuthToken):
    """Khóa API: only a hash of the token is stored (django-rest-knox); shown once, can expire."""

    name = models.CharField(_("tên gợi nhớ"), max_length=80, blank=True)

    history = HistoricalRecords()
    objects = AuthTokenManager.from_queryset(ScopedQuerySet)()
    scope_path = "user__unit__path"
    scope_roles = frozenset({scope.ADMIN})

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["-created"]

    def __str__(self):
        # knox shows the digest; PTĐV shows no part of a token, not even its hash.
        return f"{self.name or _('khóa API')} — {self.user}"
