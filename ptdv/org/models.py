"""The organisation tree (tổ chức đảng), villages, and the dated record of their changes."""

from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from ptdv.recorded import Recorded, acting_user
from ptdv.scope import ALL_ROLES, ScopedQuerySet


class UnitKind(models.TextChoices):
    PROVINCE = "PROVINCE", _("Đảng bộ tỉnh")
    DISTRICT = "DISTRICT", _("Đảng bộ huyện")
    COMMUNE = "COMMUNE", _("Đảng ủy xã/phường/đặc khu")
    GRASSROOTS_COMMITTEE = "GRASSROOTS_COMMITTEE", _("Đảng bộ cơ sở")
    GRASSROOTS_BRANCH = "GRASSROOTS_BRANCH", _("Chi bộ cơ sở")
    BRANCH = "BRANCH", _("Chi bộ trực thuộc")


BRANCH_KINDS = (UnitKind.GRASSROOTS_BRANCH, UnitKind.BRANCH)
GRASSROOTS_KINDS = (UnitKind.GRASSROOTS_COMMITTEE, UnitKind.GRASSROOTS_BRANCH)


class BranchType(models.TextChoices):
    VILLAGE = "VILLAGE", _("Thôn, bản")
    RESIDENTIAL = "RESIDENTIAL", _("Tổ dân phố")
    SCHOOL = "SCHOOL", _("Trường học")
    POLICE = "POLICE", _("Công an")
    MILITARY = "MILITARY", _("Quân sự")
    AGENCY = "AGENCY", _("Cơ quan")
    ENTERPRISE = "ENTERPRISE", _("Doanh nghiệp")
    HEALTH = "HEALTH", _("Y tế")
    OTHER = "OTHER", _("Khác")


class DecidingBody(models.TextChoices):
    """Cấp có thẩm quyền quyết định kết nạp — an attribute of each unit, never hard-coded."""

    SELF = "SELF", _("Đảng ủy cơ sở được ủy quyền")
    PARENT_STANDING = "PARENT_STANDING", _("Ban thường vụ cấp ủy cấp trên trực tiếp")
    PROVINCE = "PROVINCE", _("Tỉnh ủy")


class UnitQuerySet(MP_NodeQuerySet, ScopedQuerySet):
    def active_on(self, day):
        return self.filter(models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day)).filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gt=day)
        )

    def branches(self):
        return self.filter(kind__in=BRANCH_KINDS)

    def with_parent_id(self):
        """Annotate `parent_id` in the same query (the parent's path is one step shorter)."""
        parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - self.model.steplen)
        parent = self.model.objects.filter(path=parent_path).values("id")[:1]
        return self.annotate(parent_id=Subquery(parent))


class UnitManager(MP_NodeManager):
    def get_queryset(self):
        return UnitQuerySet(self.model).order_by("path")

    def visible_to(self, user):
        return self.get_queryset().visible_to(user)


class Unit(MP_Node):
    """Tổ chức đảng: a node of the organisation tree, of any depth.

    A materialised path (django-treebeard) makes "this unit and everything below it"
    one indexed prefix query on both SQLite and PostgreSQL. A dissolved unit keeps
    its row (valid_to set) so past reports still add up.
    """

    code = models.CharField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=24, choices=UnitKind.choices)
    branch_type = models.CharField(_("loại chi bộ"), max_length=16, choices=BranchType.choices, blank=True)
    deciding_body = models.CharField(
        _("cấp quyết định kết nạp"),
        max_length=16,
        choices=DecidingBody.choices,
        default=DecidingBody.PARENT_STANDING,
    )
    valid_from = models.DateField(_("thành lập ngày"), null=True, blank=True)
    valid_to = models.DateField(_("giải thể / hợp nhất ngày"), null=True, blank=True)
    # Acts before this day were done on paper and may be entered as historical data (not
    # judged by the regulation); from this day on every act is judged. Unset: inherited.
    ptdv_since = models.DateField(_("bắt đầu dùng PTĐV từ ngày"), null=True, blank=True)

    history = HistoricalRecords()
    objects = UnitManager()

    scope_path = "path"
    scope_roles = ALL_ROLES

    class Meta:
        verbose_name = _("tổ chức đảng")
        verbose_name_plural = _("tổ chức đảng")

    def __str__(self):
        return self.name

    @property
    def is_branch(self) -> bool:
        return self.kind in BRANCH_KINDS

    @property
    def is_grassroots(self) -> bool:
        return self.kind in GRASSROOTS_KINDS

    @property
    def is_active(self) -> bool:
        return self.valid_to is None

    def active_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to > day
        )

    def grassroots(self):
        """The grassroots organisation this unit belongs to (itself when it is one)."""
        if self.is_grassroots:
            return self
        # Asked several times per page (deciding body, delegation, checklist): one query per
        # instance, until the unit moves (its path changes).
        cached = self.__dict__.get("_grassroots")
        if cached is None or cached[0] != self.path:
            cached = (self.path, Unit.objects.get_ancestors(self).filter(kind__in=GRASSROOTS_KINDS).last())
            self.__dict__["_grassroots"] = cached
        return cached[1]

    def deciding_unit(self):
        """The body that decides admissions for cases of this unit's members."""
        grassroots = self.grassroots()
        if grassroots is None:
            return None
        if grassroots.deciding_body == DecidingBody.SELF:
            return grassroots
        if grassroots.deciding_body == DecidingBody.PROVINCE:
            return Unit.objects.get_ancestors(grassroots).filter(kind=UnitKind.PROVINCE).last()
        return Unit.objects.get_parent(grassroots)


class UnitChangeKind(models.TextChoices):
    CREATED = "CREATED", _("Thành lập")
    RENAMED = "RENAMED", _("Đổi tên")
    MOVED = "MOVED", _("Chuyển trực thuộc")
    MERGED = "MERGED", _("Hợp nhất")
    DISSOLVED = "DISSOLVED", _("Giải thể")


class UnitChange(Recorded):
    """A dated reorganisation act on a unit, appended and never rewritten."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField(max_length=12, choices=UnitChangeKind.choices)
    date = models.DateField(_("ngày hiệu lực"))
    old_name = models.CharField(max_length=200, blank=True)
    new_name = models.CharField(max_length=200, blank=True)
    old_parent = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    new_parent = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    predecessors = models.ManyToManyField(Unit, blank=True, related_name="successor_changes")
    note = models.TextField(blank=True)

    history = HistoricalRecords(m2m_fields=[predecessors], get_user=acting_user)
    objects = ScopedQuerySet.as_manager()
    scope_path = "unit__path"
    scope_roles = ALL_ROLES

    class Meta:
        ordering = ["date", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.unit} {self.date:%d/%m/%Y}"


class VillageKind(models.TextChoices):
    THON = "THON", _("Thôn")
    BAN = "BAN", _("Bản")
    TO_DAN_PHO = "TO_DAN_PHO", _("Tổ dân phố")


class Village(models.Model):
    """Thôn / bản / tổ dân phố: an administrative place (not a party unit) served by a branch.

    `branch` is the branch serving it now; the dated assignments below are the history.
    """

    name = models.CharField(_("tên"), max_length=200)
    kind = models.CharField(_("loại"), max_length=12, choices=VillageKind.choices)
    branch = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="villages", verbose_name=_("chi bộ")
    )

    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()
    scope_path = "branch__path"
    scope_roles = ALL_ROLES

    class Meta:
        verbose_name = _("thôn, bản, tổ dân phố")
        verbose_name_plural = _("thôn, bản, tổ dân phố")
        ordering = ["name"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}"


class VillageAssignment(Recorded):
    """From `valid_from` (until `valid_to`) the village lived in `branch`'s party life."""

    village = models.ForeignKey(Village, on_delete=models.PROTECT, related_name="assignments")
    branch = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)

    history = HistoricalRecords(get_user=acting_user)
    objects = ScopedQuerySet.as_manager()
    scope_path = "village__branch__path"
    scope_roles = ALL_ROLES

    class Meta:
        ordering = ["valid_from", "id"]

    def __str__(self):
        return f"{self.village} → {self.branch} từ {self.valid_from:%d/%m/%Y}"


class UnitPlacement(models.Model):
    """`unit` sat under `parent` (None: a root) from `valid_from` (None: since it exists) until
    `valid_to` (exclusive; None: still). Kept with every act by ptdv.org.lineage, so the tree
    of any past date is read from it even after a move re-homed the unit."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="placements")
    parent = models.ForeignKey(Unit, null=True, on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField(null=True)
    valid_to = models.DateField(null=True)

    class Meta:
        ordering = ["unit", "valid_from"]
        indexes = [models.Index(fields=["parent", "valid_from"])]

    def __str__(self):
        return f"{self.unit_id} ⊂ {self.parent_id} [{self.valid_from}, {self.valid_to})"
