"""Development cases (hồ sơ phát triển đảng viên): one person's path, as appended events.

`Case.stage` is a cache of the last event; the events, dated by the act they record, are
the truth. The dossier checklist (documents, relatives' verification, introductions) is
recorded alongside and read by the regulation engine through `ptdv.cases.facts`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ptdv.recorded import Recorded, acting_user
from ptdv.regulation import STAGE_LABELS, Stage
from ptdv.scope import PERSONAL_DATA_ROLES, ScopedQuerySet

STAGE_CHOICES = [(stage.value, label) for stage, label in STAGE_LABELS.items()]
OPEN_STAGES = [
    s.value for s in Stage if s not in (Stage.OFFICIAL, Stage.WITHDRAWN, Stage.NOT_ADMITTED, Stage.REMOVED)
]


class SourceOrganisation(models.TextChoices):
    YOUTH_UNION = "YOUTH_UNION", _("Đoàn Thanh niên")
    FARMERS = "FARMERS", _("Hội Nông dân")
    WOMEN = "WOMEN", _("Hội Liên hiệp Phụ nữ")
    VETERANS = "VETERANS", _("Hội Cựu chiến binh")
    FATHERLAND_FRONT = "FATHERLAND_FRONT", _("Mặt trận Tổ quốc")
    TRADE_UNION = "TRADE_UNION", _("Công đoàn")
    BRANCH = "BRANCH", _("Chi bộ")


class SourceCategory(models.TextChoices):
    """Nguồn phát triển đảng viên, as the plans and reports group them."""

    YOUTH = "YOUTH", _("Đoàn viên thanh niên")
    FARMER = "FARMER", _("Nông dân")
    VILLAGE_OFFICER = "VILLAGE_OFFICER", _("Trưởng thôn, công an viên, cán bộ thôn")
    RESPECTED = "RESPECTED", _("Người có uy tín")
    VETERAN_SOLDIER = "VETERAN_SOLDIER", _("Thanh niên hoàn thành nghĩa vụ quân sự")
    CIVIL_SERVANT = "CIVIL_SERVANT", _("Công chức, viên chức")
    ARMED_FORCES = "ARMED_FORCES", _("Lực lượng vũ trang")
    ENTERPRISE = "ENTERPRISE", _("Doanh nghiệp")
    RELIGIOUS = "RELIGIOUS", _("Người có đạo")
    OTHER = "OTHER", _("Khác")


class Case(models.Model):
    """Hồ sơ phát triển đảng viên: one person, one branch, from source to official member."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="cases", verbose_name=_("người")
    )
    branch = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="cases", verbose_name=_("chi bộ")
    )
    stage = models.CharField(_("giai đoạn"), max_length=24, choices=STAGE_CHOICES, default=Stage.SOURCE)
    opened_on = models.DateField(_("ngày đưa vào nguồn"))
    source_organisation = models.CharField(
        _("tổ chức giới thiệu nguồn"), max_length=20, choices=SourceOrganisation.choices
    )
    source_category = models.CharField(_("loại nguồn"), max_length=20, choices=SourceCategory.choices)
    helper = models.ForeignKey(
        "people.PartyMember",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="helped_cases",
        verbose_name=_("đảng viên giúp đỡ"),
    )
    member = models.OneToOneField(
        "people.PartyMember", on_delete=models.PROTECT, null=True, blank=True, related_name="case"
    )
    # Facts of the person's situation that the rules read (DOMAIN.md "Rules").
    hardship_area = models.BooleanField(_("vùng cao, biên giới, hải đảo, dân tộc, khó khăn"), default=False)
    fisherman = models.BooleanField(_("ngư dân"), default=False)
    respected_elder = models.BooleanField(_("già làng, người có uy tín"), default=False)
    literate = models.BooleanField(_("biết đọc, biết viết"), default=True)
    youth_union_exists = models.BooleanField(_("nơi làm việc/cư trú có tổ chức Đoàn"), default=True)
    former_member = models.BooleanField(_("từng là đảng viên (kết nạp lại)"), default=False)
    left_party_on = models.DateField(_("ngày ra khỏi Đảng trước đây"), null=True, blank=True)
    cleared_conviction = models.BooleanField(_("đã được xóa án tích"), default=False)
    previously_readmitted = models.BooleanField(_("đã từng được kết nạp lại"), default=False)
    barred_reason = models.BooleanField(_("ra khỏi Đảng vì lý do không được kết nạp lại"), default=False)
    historical = models.BooleanField(_("dữ liệu lịch sử (không chặn theo quy định)"), default=False)
    # Optimistic lock: a transition names the version it was made on; a stale one is refused.
    version = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()
    scope_path = "branch__path"
    scope_roles = PERSONAL_DATA_ROLES

    class Meta:
        verbose_name = _("hồ sơ phát triển đảng viên")
        verbose_name_plural = _("hồ sơ phát triển đảng viên")
        ordering = ["person__sort_key", "id"]
        indexes = [models.Index(fields=["stage"])]
        constraints = [
            # DUPLICATE_PERSON kept by the database too, so two simultaneous openings cannot
            # both win (ptdv.cases.transitions turns the lost race into the same refusal).
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(stage__in=OPEN_STAGES), name="one_open_case_per_person"
            )
        ]

    def __str__(self):
        return f"{self.person} — {self.get_stage_display()}"

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES


class CaseEvent(Recorded):
    """A transition of a case, dated by the act it records; `data` holds the stage's record.

    A move recorded by mistake is never deleted: a compensating event `reverts` it (its stage
    is the one the case returns to), and both are left out of what the regulation reads.
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    stage = models.CharField(max_length=24, choices=STAGE_CHOICES)
    date = models.DateField(_("ngày"))
    data = models.JSONField(default=dict, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    reverts = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reverted_by",
        verbose_name=_("hủy bước ghi nhầm"),
    )

    history = HistoricalRecords(get_user=acting_user)
    objects = ScopedQuerySet.as_manager()
    scope_path = "case__branch__path"
    scope_roles = PERSONAL_DATA_ROLES

    class Meta:
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.get_stage_display()} {self.date:%d/%m/%Y}"


class DocumentKind(models.TextChoices):
    APPLICATION = "APPLICATION", _("Đơn xin vào Đảng (1-KNĐ)")
    HISTORY = "HISTORY", _("Lý lịch người xin vào Đảng (2-KNĐ)")
    VERIFICATION_RESULTS = "VERIFICATION_RESULTS", _("Kết quả thẩm tra lý lịch")
    HISTORY_CERTIFIED = "HISTORY_CERTIFIED", _("Chứng nhận lý lịch của đảng ủy cơ sở")
    YOUTH_UNION_RESOLUTION = "YOUTH_UNION_RESOLUTION", _("Nghị quyết giới thiệu của Đoàn (4-KNĐ)")
    TRADE_UNION_RESOLUTION = "TRADE_UNION_RESOLUTION", _("Nghị quyết giới thiệu của Công đoàn (4A-KNĐ)")
    COMMENTS_MASS_ORG = "COMMENTS_MASS_ORG", _("Tổng hợp ý kiến đoàn thể (5-KNĐ)")
    COMMENTS_RESIDENCE = "COMMENTS_RESIDENCE", _("Ý kiến chi bộ nơi cư trú (5-KNĐ)")
    PROVINCE_CONSENT = "PROVINCE_CONSENT", _("Ý kiến đồng ý của Ban Thường vụ Tỉnh ủy")
    PARTY_HISTORY = "PARTY_HISTORY", _("Lý lịch đảng viên (sau lễ kết nạp)")
    AWARENESS_CERT = "AWARENESS_CERT", _("Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng")


class ConsentPurpose(models.TextChoices):
    """What a province consent was given for: each satisfies only its own rule."""

    OVER_60 = "OVER_60", _("Người trên 60 tuổi")
    READMISSION = "READMISSION", _("Kết nạp lại")
    ELDER = "ELDER", _("Già làng, người có uy tín chưa đủ trình độ học vấn")
    OTHER = "OTHER", _("Mục đích khác")


class Voidable(models.Model):
    """A checklist record that can be corrected (with its version) or withdrawn.

    Withdrawing (hủy bỏ) keeps the row with who, when and why: nothing is deleted, and the
    regulation stops reading it at once (ptdv.cases.facts).
    """

    version = models.PositiveIntegerField(default=0, editable=False)
    voided_at = models.DateTimeField(_("hủy lúc"), null=True, blank=True, editable=False)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    void_reason = models.CharField(_("lý do hủy"), max_length=300, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def voided(self) -> bool:
        return self.voided_at is not None


class DossierDocument(Voidable, Recorded):
    """A document of the dossier checklist with its date (the latest of a kind counts)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("giấy tờ"), max_length=24, choices=DocumentKind.choices)
    purpose = models.CharField(
        _("mục đích (ý kiến Tỉnh ủy)"), max_length=12, choices=ConsentPurpose.choices, blank=True
    )
    date = models.DateField(_("ngày"))
    number = models.CharField(_("số"), max_length=60, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    history = HistoricalRecords(get_user=acting_user)
    objects = ScopedQuerySet.as_manager()
    scope_path = "case__branch__path"
    scope_roles = PERSONAL_DATA_ROLES

    class Meta:
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"


class Relation(models.TextChoices):
    SELF = "SELF", _("Bản thân")
    FATHER = "FATHER", _("Cha")
    MOTHER = "MOTHER", _("Mẹ")
    FATHER_IN_LAW = "FATHER_IN_LAW", _("Cha vợ/chồng")
    MOTHER_IN_LAW = "MOTHER_IN_LAW", _("Mẹ vợ/chồng")
    GUARDIAN = "GUARDIAN", _("Người nuôi dưỡng")
    SPOUSE = "SPOUSE", _("Vợ/chồng")
    CHILD = "CHILD", _("Con")
    SIBLING = "SIBLING", _("Anh chị em ruột")


# A party member among these relatives needs no verification (DOMAIN.md VERIFICATION).
EXEMPT_RELATIONS = frozenset({Relation.FATHER, Relation.MOTHER, Relation.SIBLING, Relation.CHILD})


class RelativeVerification(Voidable):
    """Thẩm tra lý lịch: one person checked (the applicant or a relative).

    The conclusion is sensitive: only organizers and committees see it (ptdv.scope).
    """

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="relatives")
    relation = models.CharField(_("quan hệ"), max_length=16, choices=Relation.choices)
    name = models.CharField(_("họ và tên"), max_length=120)
    is_party_member = models.BooleanField(_("là đảng viên"), default=False)
    verified_on = models.DateField(_("ngày có kết quả thẩm tra"), null=True, blank=True)
    conclusion = models.TextField(_("kết luận thẩm tra"), blank=True)

    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()
    scope_path = "case__branch__path"
    scope_roles = PERSONAL_DATA_ROLES

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.get_relation_display()}: {self.name}"


class Introduction(Voidable):
    """Người giới thiệu (3-KNĐ): an official member who vouches for the applicant."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="introductions")
    introducer = models.ForeignKey(
        "people.PartyMember",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đảng viên giới thiệu"),
    )
    date = models.DateField(_("ngày giới thiệu"))
    relationship = models.CharField(
        _("quan hệ, nơi cùng công tác/học tập/cư trú"), max_length=200, blank=True
    )
    months_together = models.PositiveIntegerField(_("số tháng cùng công tác/học tập/cư trú"))
    replacement = models.BooleanField(_("người giới thiệu thay thế"), default=False)

    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()
    scope_path = "case__branch__path"
    scope_roles = PERSONAL_DATA_ROLES

    class Meta:
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.introducer} ({self.date:%d/%m/%Y})"


class CalendarDay(models.Model):
    """A day the government swaps: an extra day off, or a Saturday made a working day."""

    class Kind(models.TextChoices):
        DAY_OFF = "DAY_OFF", _("Ngày nghỉ")
        MAKEUP = "MAKEUP", _("Ngày làm bù")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=8, choices=Kind.choices)
    note = models.CharField(_("ghi chú"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ngày nghỉ / làm bù")
        verbose_name_plural = _("lịch ngày nghỉ, làm bù")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}"


# The kept state of each case (ptdv.cases.derived writes it) lives in a module of its own.
from ptdv.cases.kept import CaseDeadline, CaseFinding, CaseState  # noqa: E402, F401
