"""Replacement form templates uploaded by administrators, and scans attached to dossier records."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ptdv import scope
from ptdv.cases.models import Voidable
from ptdv.paperwork.catalogue import FORMS
from ptdv.recorded import Recorded, acting_user
from ptdv.scope import ScopedQuerySet

FORM_CHOICES = [(form.code, form.label) for form in FORMS]


class FormTemplate(Voidable, Recorded):
    """Mẫu biểu thay thế: a unit's own .docx for one form, used for cases of its whole subtree.

    The nearest unit up the tree wins (ptdv.paperwork.templates); without one the shipped template
    is used. A template is withdrawn with a reason, never deleted, so a form printed last year can
    be traced to the template it came from.
    """

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    form_code = models.CharField(_("biểu mẫu"), max_length=12, choices=FORM_CHOICES)
    content = models.BinaryField(_("tệp .docx"))
    file_name = models.CharField(_("tên tệp"), max_length=200, blank=True)

    history = HistoricalRecords(get_user=acting_user, excluded_fields=["content"])
    objects = ScopedQuerySet.as_manager()
    scope_path = "unit__path"
    scope_roles = frozenset({scope.ADMIN})

    class Meta:
        verbose_name = _("mẫu biểu thay thế")
        verbose_name_plural = _("mẫu biểu thay thế")
        ordering = ["form_code", "unit__path", "-recorded_at"]

    def __str__(self):
        return f"{self.form_code} — {self.unit}"


class ScanKind(models.TextChoices):
    PDF = "application/pdf", "PDF"
    JPEG = "image/jpeg", "JPEG"
    PNG = "image/png", "PNG"


class Scan(Voidable, Recorded):
    """Bản quét: a scanned page or file of one dossier record (a document, a verification, a
    resolution or decision recorded as a case event).

    The file lives under the data directory, outside the web root, under a random name
    (`stored_name`); it is only served by a scoped view. Replacing a scan withdraws the old one
    with a reason and links the new one to it (`replaces`): nothing is deleted.
    """

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="scans")
    document = models.ForeignKey(
        "cases.DossierDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="scans"
    )
    verification = models.ForeignKey(
        "cases.RelativeVerification", null=True, blank=True, on_delete=models.PROTECT, related_name="scans"
    )
    event = models.ForeignKey(
        "cases.CaseEvent", null=True, blank=True, on_delete=models.PROTECT, related_name="scans"
    )
    kind = models.CharField(_("loại tệp"), max_length=20, choices=ScanKind.choices)
    stored_name = models.CharField(max_length=64, unique=True, editable=False)
    original_name = models.CharField(_("tên tệp gốc"), max_length=200, blank=True)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by"
    )

    history = HistoricalRecords(get_user=acting_user)
    objects = ScopedQuerySet.as_manager()
    scope_path = "case__branch__path"
    # A scan shows a person's papers: the officers who work the case, not viewers or admins.
    scope_roles = scope.EDITOR_ROLES

    class Meta:
        verbose_name = _("bản quét")
        verbose_name_plural = _("bản quét")
        ordering = ["recorded_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="scan_has_one_record",
                condition=(
                    models.Q(document__isnull=False, verification__isnull=True, event__isnull=True)
                    | models.Q(document__isnull=True, verification__isnull=False, event__isnull=True)
                    | models.Q(document__isnull=True, verification__isnull=True, event__isnull=False)
                ),
            )
        ]

    def __str__(self):
        return self.original_name or self.get_kind_display()

    @property
    def extension(self) -> str:
        return {ScanKind.PDF: "pdf", ScanKind.JPEG: "jpg", ScanKind.PNG: "png"}[self.kind]

    @property
    def path(self):
        return settings.PTDV_SCAN_DIR / self.stored_name[:2] / self.stored_name
