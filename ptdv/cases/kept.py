"""What is kept of each case so that lists never judge cases one by one (trạng thái lưu sẵn).

A case's next deadlines and its current findings are derived from its events and records;
``ptdv.cases.derived`` writes these rows in the same transaction as every write that changes
them, and ``ptdv refresh`` moves them on for the date (a certificate expiring). The board, the
to-do list and the deadlines API read them with plain SQL. They are derived, not entered, so
they have no history and nobody edits them.
"""

from django.db import models

from ptdv.regulation import Deadline, Finding, Severity, Stage
from ptdv.regulation.deadlines import DEADLINE_LABELS
from ptdv.scope import PERSONAL_DATA_ROLES, ScopedQuerySet


class CaseState(models.Model):
    """The engine's inputs of a case as last derived, and the day its findings were judged on.

    Keeping the inputs (``CaseFacts``, ``CaseDates`` as JSON) lets the daily refresh judge every
    open case again for a new date, and a calendar change recount every due date, without
    reading the events of a single case.
    """

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, primary_key=True, related_name="kept")
    facts = models.JSONField()
    dates = models.JSONField()
    findings_on = models.DateField()

    def __str__(self):
        return f"{self.case_id} @ {self.findings_on:%d/%m/%Y}"


class CaseDeadline(models.Model):
    """One deadline of a case: its basis and due date, and when it was met (None: not yet)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="kept_deadlines")
    code = models.CharField(max_length=32)
    basis_date = models.DateField()
    due_date = models.DateField()
    extended = models.BooleanField(default=False)
    met_on = models.DateField(null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    scope_path = "case__branch__path"
    scope_roles = PERSONAL_DATA_ROLES

    class Meta:
        ordering = ["due_date", "case_id", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "code"], name="one_deadline_per_code")]
        indexes = [
            models.Index(fields=["due_date", "case"], name="deadline_due"),
            models.Index(fields=["met_on", "due_date"], name="deadline_met_due"),
        ]

    def __str__(self):
        return f"{self.code} {self.due_date:%d/%m/%Y}"

    @property
    def deadline(self) -> Deadline:
        label = DEADLINE_LABELS[self.code] + (" (đã gia hạn)" if self.extended else "")
        met = self.met_on is not None
        return Deadline(self.code, label, self.basis_date, self.due_date, met, self.met_on, self.extended)


class CaseFinding(models.Model):
    """One finding of the rules on a case, as judged on ``case.kept.findings_on``."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="kept_findings")
    position = models.PositiveSmallIntegerField()  # the order the rules spoke in
    code = models.CharField(max_length=32)
    severity = models.CharField(max_length=8)
    message = models.TextField()
    citation = models.CharField(max_length=200, blank=True)
    item = models.CharField(max_length=32, blank=True)
    blocks = models.JSONField(default=list)

    class Meta:
        ordering = ["case_id", "position"]
        constraints = [models.UniqueConstraint(fields=["case", "position"], name="one_finding_per_position")]
        indexes = [models.Index(fields=["code", "case"], name="finding_code")]

    def __str__(self):
        return f"{self.code} ({self.severity})"

    @property
    def finding(self) -> Finding:
        return Finding(
            code=self.code,
            severity=Severity(self.severity),
            message=self.message,
            citation=self.citation,
            blocks=tuple(Stage(s) for s in self.blocks),
            item=self.item,
        )
