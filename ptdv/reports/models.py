"""Word templates of the narrative review, uploaded by an administrator (the admin site).

The newest active template of a unit or of its nearest ancestor renders a unit's review;
without one, the default shipped in ptdv/reports/templates/review.docx does. The file is kept
in the database (a few tens of KB), so backups and history carry it with everything else.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ptdv.recorded import Recorded, acting_user
from ptdv.scope import ALL_ROLES, ScopedQuerySet


class ReviewTemplate(Recorded):
    """Mẫu báo cáo sơ kết, tổng kết (.docx, docxtpl) of a unit and the units below it."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="review_templates", verbose_name=_("đơn vị")
    )
    name = models.CharField(_("tên mẫu"), max_length=200)
    content = models.BinaryField(_("tệp mẫu (.docx)"))
    active = models.BooleanField(_("đang dùng"), default=True)

    history = HistoricalRecords(get_user=acting_user, excluded_fields=["content"])
    objects = ScopedQuerySet.as_manager()
    scope_path = "unit__path"
    scope_roles = ALL_ROLES

    class Meta:
        verbose_name = _("mẫu báo cáo sơ kết, tổng kết")
        verbose_name_plural = _("mẫu báo cáo sơ kết, tổng kết")
        ordering = ["-recorded_at", "-id"]

    def __str__(self):
        return self.name


def template_for(unit) -> ReviewTemplate | None:
    """The active template of `unit` or its nearest ancestor that has one (newest first)."""
    step = unit.steplen
    paths = [unit.path[:end] for end in range(step, len(unit.path) + 1, step)]
    found = list(ReviewTemplate.objects.filter(unit__path__in=paths, active=True).select_related("unit"))
    return max(found, key=lambda t: (len(t.unit.path), t.recorded_at, t.id), default=None)


class DataGeneration(models.Model):
    """How many times the figures' data has changed: one row, bumped after every transaction
    that wrote to it (ptdv.reports.freshness). A kept dashboard computed at generation N is
    current while the count is still N."""

    n = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("thế hệ số liệu")

    def __str__(self):
        return str(self.n)


class KeptDashboard(models.Model):
    """The dashboard's figures of one unit as one role sees them, rendered, for the day and the
    data generation they were computed from (ptdv.web.dashboard.figures_html). Throwaway: never
    backed up, dropped by every migration, recomputed when the data or the day moves on."""

    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    role = models.CharField(max_length=20)
    on = models.DateField()
    generation = models.BigIntegerField()
    computed_at = models.DateTimeField()
    html = models.TextField()

    class Meta:
        verbose_name = _("số liệu tổng quan đã tính")
        constraints = [models.UniqueConstraint(fields=["unit", "role"], name="kept_dashboard_unit_role")]

    def __str__(self):
        return f"{self.unit_id}/{self.role} {self.on}"
