"""An import job: the uploaded file, where it stands, and its preview, kept in the database so
the work runs outside the request (ptdv.exchange.work) and survives a restart."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ptdv.exchange.columns import KINDS
from ptdv.scope import ALL_ROLES, ScopedQuerySet


class JobState(models.TextChoices):
    QUEUED = "QUEUED", _("Chờ kiểm tra")
    CHECKING = "CHECKING", _("Đang kiểm tra")
    PREVIEWED = "PREVIEWED", _("Đã kiểm tra, chờ xác nhận")
    CONFIRMED = "CONFIRMED", _("Đã xác nhận, chờ ghi")
    WRITING = "WRITING", _("Đang ghi")
    DONE = "DONE", _("Đã nhập xong")
    FAILED = "FAILED", _("Không nhập được")


# States a worker is busy in; one left there by a worker that died is taken up again.
RUNNING_STATES = (JobState.CHECKING, JobState.WRITING)
WAITING_STATES = (JobState.QUEUED, JobState.CONFIRMED)


class ImportJob(models.Model):
    """One uploaded file of one kind, by one user, into their scope (the unit they had)."""

    kind = models.CharField(
        _("loại dữ liệu"), max_length=12, choices=[(k.name, k.label) for k in KINDS.values()]
    )
    filename = models.CharField(_("tên tệp"), max_length=200)
    stored_as = models.CharField(max_length=200, editable=False)  # name under PTDV_IMPORT_DIR
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=JobState.choices, default=JobState.QUEUED
    )
    message = models.TextField(_("thông báo"), blank=True)
    expected = models.PositiveIntegerField(null=True, blank=True)  # data rows, as the file declares
    processed = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0)
    # When a worker last took the job up (its progress file says how far it has come since).
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit__path"
    scope_roles = ALL_ROLES

    class Meta:
        verbose_name = _("lần nhập dữ liệu")
        verbose_name_plural = _("lần nhập dữ liệu")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state"])]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.filename}"

    @property
    def running(self) -> bool:
        return self.state in (*WAITING_STATES, *RUNNING_STATES)

    @property
    def may_confirm(self) -> bool:
        return self.state == JobState.PREVIEWED and self.errors == 0 and (self.created or self.updated)


class ImportRow(models.Model):
    """A row of the job's preview (or of its refused confirm): what happens to it, its errors."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField()
    action = models.CharField(max_length=10)
    label = models.CharField(max_length=300, blank=True)
    problems = models.JSONField(default=list)  # [[column header, message], …]

    class Meta:
        ordering = ["number"]
        indexes = [models.Index(fields=["job", "action", "number"])]

    def __str__(self):
        return f"{self.job_id}#{self.number} {self.action}"
