"""Users: every user has one role and is bound to one unit; their scope is its subtree."""

from django.contrib.auth import models as auth_models
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
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
    pass


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

    history = HistoricalRecords(excluded_fields=["password", "last_login"])
    objects = UserManager()

    # Only the administrator manages accounts, within their own subtree.
    scope_path = "unit__path"
    scope_roles = frozenset({scope.ADMIN})

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    @property
    def role_label(self) -> str:
        return self.get_role_display()
