"""People (one row per human) and party members whose life in the party is dated events."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ptdv.people import checks, names
from ptdv.people.choices import (
    ETHNICITIES,
    KINH,
    Education,
    MemberEventKind,
    MemberStatus,
    Occupation,
    Religion,
    Sex,
)
from ptdv.recorded import Recorded, acting_user
from ptdv.scope import PERSONAL_DATA_ROLES, ScopedQuerySet
from ptdv.text import normalise

# ASCII digits only: `\d` also matches fullwidth and Arabic-Indic digits, which would let the
# same ID be stored twice under two spellings.
CITIZEN_ID_RE = re.compile(r"[0-9]{12}")


def validate_citizen_id(value: str) -> None:
    if value and not CITIZEN_ID_RE.fullmatch(value):
        raise ValidationError(
            _("Số CCCD phải gồm đúng 12 chữ số (đã nhập: %(value)s)."),
            code="invalid",
            params={"value": value},
        )


# A Vietnamese number as officers write it: 10 digits from 0, or +84 and 9 digits.
PHONE_RE = re.compile(r"(0|\+84)[0-9]{9}")


def clean_phone(value: str) -> str:
    """Officers type numbers with spaces, dots or dashes: kept as the digits alone."""
    return re.sub(r"[\s.\-]", "", value or "")


def validate_phone(value: str) -> None:
    if value and not PHONE_RE.fullmatch(value):
        raise ValidationError(
            _("Số điện thoại phải gồm 10 chữ số bắt đầu bằng 0, hoặc +84 và 9 chữ số (đã nhập: %(value)s)."),
            code="invalid",
            params={"value": value},
        )


def validate_not_future(value: date) -> None:
    if value and value > timezone.localdate():
        raise ValidationError(
            _("Ngày %(value)s ở tương lai."),
            code="future",
            params={"value": value.strftime("%d/%m/%Y")},
        )


class Person(models.Model):
    """Con người: one row per human, whether source, candidate or member.

    Ethnicity, religion and the citizen ID are sensitive personal data: what a role
    may see of them is decided in ptdv.scope.
    """

    full_name = models.CharField(_("họ và tên"), max_length=120)
    sex = models.CharField(_("giới tính"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("ngày sinh"), validators=[validate_not_future])
    ethnicity = models.CharField(_("dân tộc"), max_length=2, choices=ETHNICITIES, default=KINH)
    religion = models.CharField(_("tôn giáo"), max_length=12, choices=Religion.choices, default=Religion.NONE)
    education = models.CharField(_("trình độ học vấn"), max_length=8, choices=Education.choices)
    occupation = models.CharField(_("nghề nghiệp"), max_length=20, choices=Occupation.choices)
    youth_union = models.BooleanField(_("đoàn viên"), default=False)
    village = models.ForeignKey(
        "org.Village",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="residents",
        verbose_name=_("nơi cư trú (thôn, bản, tổ dân phố)"),
    )
    citizen_id = models.CharField(
        _("số CCCD"),
        max_length=12,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_citizen_id],
        error_messages={"unique": _("Số CCCD này đã có trong hệ thống.")},
    )
    # Sensitive like ethnicity and religion (ptdv.scope.FIELD_ROLES).
    home_town = models.CharField(_("quê quán"), max_length=200, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=15, blank=True, validators=[validate_phone])
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("đơn vị quản lý"),
    )
    # Derived from full_name on save: diacritic-free search and Vietnamese sort order.
    search_name = models.CharField(max_length=120, editable=False, db_index=True)
    sort_key = models.CharField(max_length=240, editable=False, db_index=True)
    # Optimistic lock: an edit names the version it was made on; a stale one is refused.
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords()
    objects = ScopedQuerySet.as_manager()
    scope_path = "unit__path"
    scope_roles = PERSONAL_DATA_ROLES

    class Meta:
        verbose_name = _("người")
        verbose_name_plural = _("người")
        ordering = ["sort_key", "id"]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_name = names.fold(self.full_name)[:120]
        self.sort_key = names.sort_key(self.full_name)
        from ptdv.people.search import index_names  # the search module imports this one

        # The row, its name words and the kept counts of its receivers (completeness) together;
        # no savepoint of its own inside a caller's transaction (an import saves thousands).
        with transaction.atomic(savepoint=False):
            super().save(*args, **kwargs)
            index_names([self])

    def clean(self):
        if self.citizen_id == "":
            self.citizen_id = None
        problems = {}
        if self.village_id and self.village.branch.valid_to is not None:
            problems["village"] = _("Thôn này thuộc chi bộ đã giải thể; hãy chuyển thôn sang chi bộ khác.")
        if name := checks.name_problem(normalise(self.full_name or "")):
            problems["full_name"] = name
        birth = self.birth_date if isinstance(self.birth_date, date) else None
        if birth and self._birth_date_is_new() and (age := checks.age_problem(birth, timezone.localdate())):
            problems["birth_date"] = age
        if self.citizen_id and CITIZEN_ID_RE.fullmatch(self.citizen_id):
            if number := checks.citizen_id_problem(self.citizen_id, birth, self.sex):
                problems["citizen_id"] = number
        if problems:
            raise ValidationError(problems)

    def _birth_date_is_new(self) -> bool:
        """The age bounds hold at entry: a record kept for decades is not refused for ageing."""
        if self.pk is None:
            return True
        stored = Person.objects.filter(pk=self.pk).values_list("birth_date", flat=True).first()
        return stored != self.birth_date

    @property
    def is_ethnic_minority(self) -> bool:
        return self.ethnicity != KINH


class PartyMemberQuerySet(ScopedQuerySet):
    def current(self):
        return self.exclude(status=MemberStatus.LEFT)


class PartyMember(models.Model):
    """Đảng viên. The fields below are a cache of the member's events, kept by
    ptdv.people.membership; counts at a date are always computed from the events."""

    person = models.OneToOneField(Person, on_delete=models.PROTECT, related_name="membership")
    branch = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="members", verbose_name=_("chi bộ")
    )
    status = models.CharField(_("trạng thái"), max_length=12, choices=MemberStatus.choices)
    admitted_on = models.DateField(_("ngày vào Đảng"), null=True, blank=True)
    official_on = models.DateField(_("ngày chính thức"), null=True, blank=True)
    left_on = models.DateField(_("ngày ra khỏi Đảng bộ"), null=True, blank=True)
    # What officers file a member by; typed by hand, not derived from the events.
    card_number = models.CharField(_("số thẻ đảng viên"), max_length=20, blank=True)
    dossier_number = models.CharField(_("số hồ sơ đảng viên"), max_length=20, blank=True)
    # Optimistic lock for the edits above (ptdv.versioning).
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords()
    objects = PartyMemberQuerySet.as_manager()
    scope_path = "branch__path"
    scope_roles = PERSONAL_DATA_ROLES

    class Meta:
        verbose_name = _("đảng viên")
        verbose_name_plural = _("đảng viên")
        ordering = ["person__sort_key", "id"]

    def __str__(self):
        return self.person.full_name


class MemberEvent(Recorded):
    """A dated movement of a member, appended in date order and never rewritten.

    `branch` and `status_after` are where the member stands after the event, so the
    count of any unit at any past date is "the last event on or before that date".
    """

    member = models.ForeignKey(PartyMember, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(_("sự kiện"), max_length=16, choices=MemberEventKind.choices)
    date = models.DateField(_("ngày"))
    branch = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    status_after = models.CharField(max_length=12, choices=MemberStatus.choices)
    decision_no = models.CharField(_("số quyết định"), max_length=60, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    history = HistoricalRecords(get_user=acting_user)
    objects = ScopedQuerySet.as_manager()
    scope_path = "member__branch__path"
    scope_roles = PERSONAL_DATA_ROLES

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["member", "date"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"


# --- Kept summaries (ptdv.people.summaries): derived from the events, rebuilt by a command ---


class Categories(models.Model):
    """The person's categories that member figures are broken down by."""

    women = models.BooleanField(default=False)
    ethnic_minority = models.BooleanField(default=False)
    religious = models.BooleanField(default=False)
    youth_union = models.BooleanField(default=False)
    farmers = models.BooleanField(default=False)
    education = models.CharField(max_length=8, choices=Education.choices)

    class Meta:
        abstract = True


class MemberStanding(Categories):
    """A member counted in `branch` as `status` from `valid_from` until `valid_to` (exclusive),
    with the categories added to the branch's totals for it: what a change takes back out."""

    member = models.ForeignKey(PartyMember, on_delete=models.CASCADE, related_name="+")
    branch = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=MemberStatus.choices)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True)

    class Meta:
        indexes = [models.Index(fields=["member"])]

    def __str__(self):
        return f"{self.member_id} {self.status} @{self.branch_id} [{self.valid_from}, {self.valid_to})"


EDUCATION_COLUMNS = {code: f"edu_{code.lower()}" for code in Education.values}


class BranchTotal(models.Model):
    """The members of `branch` from `date` until its next row: one row per branch and day on
    which its figures changed, so a count on any day is one indexed lookup per branch."""

    branch = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    date = models.DateField()
    official = models.IntegerField(default=0)
    probationary = models.IntegerField(default=0)
    women = models.IntegerField(default=0)
    ethnic_minority = models.IntegerField(default=0)
    religious = models.IntegerField(default=0)
    youth_union = models.IntegerField(default=0)
    farmers = models.IntegerField(default=0)
    edu_none = models.IntegerField(default=0)
    edu_primary = models.IntegerField(default=0)
    edu_thcs = models.IntegerField(default=0)
    edu_thpt = models.IntegerField(default=0)
    edu_college = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["branch", "date"], name="one_branch_total_a_day")]

    def __str__(self):
        return f"{self.branch_id} {self.date}: {self.official}+{self.probationary}"


class MilestoneKind(models.TextChoices):
    ADMITTED = "ADMITTED", _("Kết nạp")
    RECOGNISED = "RECOGNISED", _("Công nhận chính thức")
    REMOVED = "REMOVED", _("Xóa tên đảng viên dự bị")


class Milestone(Categories):
    """An admission (ceremony `date`, `decision_date` of its admission decision), a recognition
    or a removal of a probationary member, in force, in `branch`: what admission figures count."""

    member = models.ForeignKey(PartyMember, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=12, choices=MilestoneKind.choices)
    branch = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    date = models.DateField()
    decision_date = models.DateField(null=True)
    aged_18_30 = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["branch", "date"]),
            models.Index(fields=["branch", "decision_date"]),
            models.Index(fields=["member"]),
        ]

    def __str__(self):
        return f"{self.kind} {self.member_id} @{self.branch_id} {self.date}"


class NameWord(models.Model):
    """Where a word of a person's folded name starts: the name from that word on, hex-encoded.

    Member search matches a query at the start of any word ("văn dất" finds "Chúc Văn Dất")
    with a range over this indexed column (`tail >= q AND tail < q + "g"`), which both SQLite
    and PostgreSQL serve from a b-tree; `LIKE '%…%'` on the name could not be. Hex digits
    order the same under every collation, so the range holds whatever the database's locale.
    Kept in step by Person.save and ptdv.people.search.index_names (bulk loads).
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_words")
    tail = models.CharField(max_length=240)

    class Meta:
        indexes = [models.Index(fields=["tail", "person"], name="people_nameword_tail")]

    def __str__(self):
        return bytes.fromhex(self.tail).decode(errors="replace")


class DataCompleteness(models.Model):
    """Độ đầy đủ dữ liệu: of the people a unit manages (`Person.unit`), members or not, how many
    there are and how many have each field of ptdv.people.completeness.FIELDS filled.

    Kept by ptdv.people.completeness in the transaction of every save of a person and of each
    new membership, rebuilt by `ptdv rebuild_summaries`; the unit page adds up its subtree's
    rows instead of scanning a province's people.
    """

    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    # The group: people with a party membership (the member list) or without (the person list).
    members = models.BooleanField()
    people = models.IntegerField(default=0)
    citizen_id = models.IntegerField(default=0)
    village = models.IntegerField(default=0)
    education = models.IntegerField(default=0)
    occupation = models.IntegerField(default=0)
    ethnicity = models.IntegerField(default=0)
    religion = models.IntegerField(default=0)
    home_town = models.IntegerField(default=0)
    phone = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "members"], name="one_completeness_a_group")]

    def __str__(self):
        return f"{self.unit_id} {'members' if self.members else 'others'}: {self.people}"
