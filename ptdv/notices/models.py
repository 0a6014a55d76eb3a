"""Thông báo: in-app notices of deadlines, written by `ptdv remind`, once per item and user."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """A deadline of a case that falls due soon, told to one user once.

    The unique constraint makes `ptdv remind` safe to run twice at once: the second
    insert of the same (user, case, deadline, due date) is simply skipped.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    code = models.CharField(_("thời hạn"), max_length=32)
    due_date = models.DateField(_("hạn"))
    message = models.CharField(_("nội dung"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "case", "code", "due_date"], name="one_notice_per_item")
        ]

    def __str__(self):
        return self.message
