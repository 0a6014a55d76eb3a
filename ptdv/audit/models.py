"""Nhật ký xem dữ liệu nhạy cảm: who opened which person's sensitive data, where and when."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ptdv import scope
from ptdv.scope import ScopedQuerySet


class ReadChannel(models.TextChoices):
    PAGE = "PAGE", _("Trang")
    API = "API", _("API")
    EXPORT = "EXPORT", _("Xuất dữ liệu")
    DOCUMENT = "DOCUMENT", _("Văn bản, biểu mẫu")


class SensitiveRead(models.Model):
    """One opening of a person's sensitive data (citizen ID, ethnicity, religion, verification).

    Appended by ptdv.audit.reads and never changed. The administrator of a unit searches the
    reads made by the users of its subtree; the log names the person, not their data.
    """

    # No index of their own: (person, at) and (user, at) below serve both, and every index is
    # written for each row of an export (100,000 rows for a province's members).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+", db_index=False)
    channel = models.CharField(_("qua"), max_length=10, choices=ReadChannel.choices)
    path = models.CharField(_("địa chỉ"), max_length=300)
    at = models.DateTimeField(_("lúc"), auto_now_add=True, db_index=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "user__unit__path"
    scope_roles = frozenset({scope.ADMIN})

    class Meta:
        verbose_name = _("lượt xem dữ liệu nhạy cảm")
        verbose_name_plural = _("nhật ký xem dữ liệu nhạy cảm")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["person", "at"]), models.Index(fields=["user", "at"])]

    def __str__(self):
        return f"{self.user} · {self.person} · {self.at:%d/%m/%Y %H:%M}"
