"""Awareness classes (lớp bồi dưỡng nhận thức về Đảng) and the source cases enrolled in them.

A class is organised by a unit of the tree (usually a commune committee, run by its
political training centre); its list of people is what officers print, export and count
("6 people sent to the awareness class in June 2023"). A passed enrolment moves its case to
AWARENESS through ptdv.cases.transitions, the only code that moves cases (ptdv.training.services).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ptdv.scope import PERSONAL_DATA_ROLES, ScopedQuerySet


class AwarenessClass(models.Model):
    """Lớp bồi dưỡng nhận thức về Đảng, organised by `unit` and run by `organiser`."""

    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="awareness_classes",
        verbose_name=_("đơn vị tổ chức"),
    )
    organiser = models.CharField(
        _("cơ sở mở lớp"),
        max_length=200,
        blank=True,
        help_text=_("Thường là Trung tâm chính trị hoặc bộ phận bồi dưỡng chính trị của xã."),
    )
    name = models.CharField(_("tên lớp"), max_length=200)
    starts_on = models.DateField(_("ngày khai giảng"))
    ends_on = models.DateField(_("ngày bế giảng"))
    place = models.CharField(_("địa điểm"), max_length=200, blank=True)
    note = models.TextField(_("ghi chú"), max_length=1000, blank=True)
    # Each class act (enrolling, recording results) names the version it was made on.
    version = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()
    scope_path = "unit__path"
    scope_roles = PERSONAL_DATA_ROLES

    class Meta:
        verbose_name = _("lớp bồi dưỡng nhận thức về Đảng")
        verbose_name_plural = _("lớp bồi dưỡng nhận thức về Đảng")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="class_ends_after_it_starts"
            )
        ]

    def __str__(self):
        return self.name


class Result(models.TextChoices):
    PASSED = "PASSED", _("Đạt, được cấp giấy chứng nhận")
    FAILED = "FAILED", _("Không đạt")
    ABSENT = "ABSENT", _("Không tham gia học")


class Enrolment(models.Model):
    """A source case sent to a class; its result and certificate once the class is over.

    `event` is the AWARENESS move a passed result made, so a moved row is never moved twice.
    """

    awareness_class = models.ForeignKey(AwarenessClass, on_delete=models.PROTECT, related_name="enrolments")
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="enrolments")
    result = models.CharField(_("kết quả"), max_length=8, choices=Result.choices, blank=True)
    cert_no = models.CharField(_("số giấy chứng nhận"), max_length=60, blank=True)
    cert_date = models.DateField(_("ngày cấp giấy chứng nhận"), null=True, blank=True)
    event = models.OneToOneField(
        "cases.CaseEvent", on_delete=models.PROTECT, null=True, blank=True, related_name="enrolment"
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()
    scope_path = "awareness_class__unit__path"
    scope_roles = PERSONAL_DATA_ROLES

    class Meta:
        verbose_name = _("học viên lớp nhận thức về Đảng")
        verbose_name_plural = _("học viên lớp nhận thức về Đảng")
        ordering = ["case__person__sort_key", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["awareness_class", "case"], name="one_enrolment_per_class_and_case"
            )
        ]

    def __str__(self):
        return f"{self.case.person} — {self.awareness_class}"

    @property
    def moved(self) -> bool:
        return self.event_id is not None
