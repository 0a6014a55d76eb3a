"""Plans (kế hoạch) and quotas (chỉ tiêu) of admissions: the figures officials are judged on.

A plan is a document of a unit ("Kế hoạch số 25/KH/HU") for a period — a year, a congress
term, any range — with a target number of admissions and optional sub-targets by category.
A unit hands each of its children a quota of its plan for the same period; the quotas need not
add up to the plan's target, and the plan page shows where they fall short (DOMAIN.md "Plans
and quotas"). Achievement is never stored here: it is read from the kept admission counts
(ptdv.plans.achievement).

Both are corrected on their `version` (ptdv.versioning) and withdrawn with a reason, never
deleted; simple-history keeps every version.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ptdv.recorded import Recorded, acting_user
from ptdv.scope import ALL_ROLES, ScopedQuerySet

# Sub-target categories: the attribute names of ptdv.people.summaries.Admissions, so that a
# sub-target and what was achieved against it are read by the same name.
CATEGORIES = {
    "farmers": _("nông dân"),
    "youth_union": _("đoàn viên thanh niên"),
    "women": _("nữ"),
    "ethnic_minority": _("người dân tộc thiểu số"),
    "religious": _("người có đạo"),
    "aged_18_30": _("tuổi từ 18 đến 30"),
}


class Targets(Recorded):
    """What a plan or a quota asks for: admissions in all, and optionally per category."""

    target = models.PositiveIntegerField(_("chỉ tiêu kết nạp"))
    farmers = models.PositiveIntegerField(_("trong đó nông dân"), null=True, blank=True)
    youth_union = models.PositiveIntegerField(_("trong đó đoàn viên thanh niên"), null=True, blank=True)
    women = models.PositiveIntegerField(_("trong đó nữ"), null=True, blank=True)
    ethnic_minority = models.PositiveIntegerField(_("trong đó người dân tộc thiểu số"), null=True, blank=True)
    religious = models.PositiveIntegerField(_("trong đó người có đạo"), null=True, blank=True)
    aged_18_30 = models.PositiveIntegerField(_("trong đó tuổi từ 18 đến 30"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), max_length=1000, blank=True)
    version = models.PositiveIntegerField(default=0)
    voided_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True, editable=False)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("người thu hồi"),
    )
    void_reason = models.CharField(_("lý do thu hồi"), max_length=300, blank=True, editable=False)

    objects = ScopedQuerySet.as_manager()
    scope_path = "unit__path"
    # Plans are documents of units, not personal data: the administrator enters them too.
    scope_roles = ALL_ROLES

    class Meta:
        abstract = True

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

    def sub_targets(self) -> dict[str, int]:
        """The categories this plan or quota sets a number for, by Admissions attribute name."""
        return {name: getattr(self, name) for name in CATEGORIES if getattr(self, name) is not None}


class Plan(Targets):
    """Kế hoạch phát triển đảng viên of `unit`, e.g. "Kế hoạch số 25/KH/HU" for 2021–2025."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="plans", verbose_name=_("tổ chức đảng")
    )
    number = models.CharField(_("số kế hoạch"), max_length=60, help_text=_("Ví dụ: 25/KH/HU"))
    issued_on = models.DateField(_("ngày ban hành"))
    title = models.CharField(_("trích yếu"), max_length=300)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))

    history = HistoricalRecords(get_user=acting_user)

    class Meta:
        verbose_name = _("kế hoạch kết nạp đảng viên")
        verbose_name_plural = _("kế hoạch kết nạp đảng viên")
        ordering = ["-starts_on", "unit__path", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="plan_ends_after_it_starts"
            )
        ]

    def __str__(self):
        return f"Kế hoạch số {self.number}"

    @property
    def document(self) -> str:
        """The plan as officials cite it: "Kế hoạch số 25/KH/HU"."""
        return str(self)


class Quota(Targets):
    """Chỉ tiêu: the share of `plan` handed to `unit`, a child of the plan's unit, for its period."""

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="quotas", verbose_name=_("kế hoạch")
    )
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="quotas", verbose_name=_("tổ chức đảng được giao")
    )

    history = HistoricalRecords(get_user=acting_user)

    class Meta:
        verbose_name = _("chỉ tiêu giao cho đơn vị")
        verbose_name_plural = _("chỉ tiêu giao cho đơn vị")
        ordering = ["plan", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "unit"],
                condition=models.Q(voided_at__isnull=True),
                name="one_standing_quota_per_plan_and_unit",
            )
        ]

    def __str__(self):
        return f"{self.unit} — {self.plan}"

    @property
    def starts_on(self):
        return self.plan.starts_on

    @property
    def ends_on(self):
        return self.plan.ends_on
