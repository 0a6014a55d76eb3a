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

    # An export logs every person in it (150,000 rows for a province's members) in one
    # INSERT … SELECT of the rows it read, so what each row costs counts:
    # - no index of their own: (person, at) and (user, at) below serve both;
    # - no foreign-key constraint in the database: its check of each row at commit took
    #   longer on PostgreSQL than the insert itself (1.0 s against 0.7 s). The rows come
    #   from the persons just read and the user signed in; neither is ever deleted (PROTECT
    #   still refuses it through Django, and the scope joins through the user).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
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
