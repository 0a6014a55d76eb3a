"""Small builders for tests: a two-province tree and people in it, through the real services."""

from datetime import date, timedelta

from ptdv.accounts.models import User
from ptdv.cases import transitions
from ptdv.org.models import BranchType, Unit, UnitKind, Village, VillageKind
from ptdv.org.villages import assign
from ptdv.paperwork.models import Scan
from ptdv.people import citizen_ids, membership
from ptdv.people.models import Person
from ptdv.plans.models import Plan, Quota
from ptdv.training.models import AwarenessClass

LONG_AGO = date(2000, 1, 1)


def unit(parent, code, name, kind, branch_type=""):
    fields = dict(code=code, name=name, kind=kind, branch_type=branch_type, valid_from=LONG_AGO)
    return Unit.objects.add_child(parent, fields) if parent else Unit.objects.add_root(fields)


def village(branch, name):
    v = Village(name=name, kind=VillageKind.THON, branch=branch)
    return assign(v, branch, LONG_AGO)


_serial = iter(range(10**6))


def spelled(number: int) -> str:
    """A distinct name word for a number, since a person's name has no digits: 12 → "Bc"."""
    return "".join(chr(ord("a") + int(digit)) for digit in str(number)).capitalize()


def person(unit, full_name="Hoàng Văn Bình", birth=date(1990, 5, 1), **fields) -> Person:
    # Bắc Kạn's code, then the century/sex digit and year that agree with the birth date and sex.
    female = fields.get("sex") == "F"
    fields.setdefault("citizen_id", citizen_ids.compose("006", birth, female, next(_serial)))
    p = Person(
        full_name=full_name,
        sex=fields.pop("sex", "M"),
        birth_date=birth,
        education=fields.pop("education", "THCS"),
        occupation=fields.pop("occupation", "FARMER"),
        unit=unit,
        **fields,
    )
    p.full_clean()
    p.save()
    return p


def member(branch, full_name="Hoàng Văn Bình", admitted=date(2010, 3, 1), official=True, **fields):
    m = membership.admit(person(branch, full_name, **fields), branch, admitted)
    if official:
        membership.record(m, "RECOGNISED", date(admitted.year + 1, admitted.month, admitted.day))
    m.refresh_from_db()
    return m


def case(branch, full_name, *, by, on=date(2024, 3, 1), **fields):
    """A case put into the source of `branch` (nguồn), through the real service."""
    return transitions.open_case(
        person(branch, full_name, birth=fields.pop("birth", date(2000, 1, 15)), **fields),
        branch,
        on,
        by=by,
        source_organisation="YOUTH_UNION",
        source_category="YOUTH",
    )


def awareness_class(unit, name, starts=date(2024, 6, 10), days=5, **fields):
    """A class organised by `unit` (lớp bồi dưỡng nhận thức về Đảng), no one enrolled yet."""
    return AwarenessClass.objects.create(
        unit=unit, name=name, starts_on=starts, ends_on=starts + timedelta(days=days), **fields
    )


def plan(unit, number, starts, ends, target, **fields) -> Plan:
    """A plan of `unit` (kế hoạch) for the period from `starts` to `ends`, issued on its first day."""
    fields.setdefault("title", f"Kế hoạch phát triển đảng viên {starts.year}–{ends.year}")
    return Plan.objects.create(
        unit=unit, number=number, issued_on=starts, starts_on=starts, ends_on=ends, target=target, **fields
    )


def scan(case, kind="APPLICATION"):
    """A scan row on a new document of `case` (no file behind it: for walks that never open it)."""
    document = case.documents.create(kind=kind, date=date(2024, 6, 2))
    name = f"{next(_serial):048x}"
    return Scan.objects.create(
        case=case, document=document, kind="image/png", stored_name=name, size=1, sha256="0"
    )


class World:
    """Bắc Kạn › Pác Nặm › Công Bằng › {Phya Mạ, Nà Pài}; Kon Tum › Đăk Tô › Tân Cảnh › Thôn 1.

    Named users, as in healthchecks' tests, so a test reads "olga gets 404":
    alice organizer of Pác Nặm, bob committee of Công Bằng, carol branch of Phya Mạ,
    victor viewer of Pác Nặm, adam admin of Bắc Kạn, olga organizer of Đăk Tô (outsider).
    """

    def __init__(self):
        self.bac_kan = unit(None, "BK", "Đảng bộ tỉnh Bắc Kạn", UnitKind.PROVINCE)
        self.pac_nam = unit(self.bac_kan, "BK.PN", "Đảng bộ huyện Pác Nặm", UnitKind.DISTRICT)
        self.cong_bang = unit(
            self.pac_nam, "BK.PN.X01", "Đảng bộ xã Công Bằng", UnitKind.GRASSROOTS_COMMITTEE
        )
        self.phya_ma = unit(
            self.cong_bang, "BK.PN.X01.T01", "Chi bộ thôn Phya Mạ", UnitKind.BRANCH, BranchType.VILLAGE
        )
        self.na_pai = unit(
            self.cong_bang, "BK.PN.X01.T02", "Chi bộ thôn Nà Pài", UnitKind.BRANCH, BranchType.VILLAGE
        )
        self.kon_tum = unit(None, "KT", "Đảng bộ tỉnh Kon Tum", UnitKind.PROVINCE)
        self.dak_to = unit(self.kon_tum, "KT.DT", "Đảng bộ huyện Đăk Tô", UnitKind.DISTRICT)
        self.tan_canh = unit(self.dak_to, "KT.DT.X01", "Đảng bộ xã Tân Cảnh", UnitKind.GRASSROOTS_COMMITTEE)
        self.thon_1 = unit(
            self.tan_canh, "KT.DT.X01.T01", "Chi bộ thôn 1", UnitKind.BRANCH, BranchType.VILLAGE
        )
        for u in (
            "bac_kan",
            "pac_nam",
            "cong_bang",
            "phya_ma",
            "na_pai",
            "kon_tum",
            "dak_to",
            "tan_canh",
            "thon_1",
        ):
            setattr(self, u, Unit.objects.get(pk=getattr(self, u).pk))
        self.v_phya_ma = village(self.phya_ma, "Phya Mạ")
        self.v_na_pai = village(self.na_pai, "Nà Pài")
        self.v_thon_1 = village(self.thon_1, "Thôn 1 Tân Cảnh")

        self.alice = self.user("alice", "organizer", self.pac_nam)
        self.bob = self.user("bob", "committee", self.cong_bang)
        self.carol = self.user("carol", "branch", self.phya_ma)
        self.victor = self.user("victor", "viewer", self.pac_nam)
        self.adam = self.user("adam", "admin", self.bac_kan, is_staff=True)
        self.olga = self.user("olga", "organizer", self.dak_to)

        self.m_phya_ma = member(self.phya_ma, "Lý Văn Dũng", village=self.v_phya_ma, ethnicity="02")
        self.m_na_pai = member(self.na_pai, "Đàm Thị Ánh", sex="F", village=self.v_na_pai)
        self.m_thon_1 = member(self.thon_1, "Trần Văn Sơn", village=self.v_thon_1)

        self.case_phya_ma = case(self.phya_ma, "Hà Thị Hoa", by=self.carol, sex="F", village=self.v_phya_ma)
        self.case_thon_1 = case(self.thon_1, "Y Bình", by=self.olga)

        self.class_cong_bang = awareness_class(self.cong_bang, "Lớp nhận thức về Đảng tháng 6/2024")
        self.class_tan_canh = awareness_class(self.tan_canh, "Lớp nhận thức về Đảng Tân Cảnh")

        self.plan_pac_nam = plan(self.pac_nam, "25/KH/HU", date(2021, 1, 1), date(2025, 12, 31), 450)
        self.quota_cong_bang = Quota.objects.create(plan=self.plan_pac_nam, unit=self.cong_bang, target=40)
        self.plan_dak_to = plan(self.dak_to, "12/KH/HU", date(2015, 10, 1), date(2020, 9, 30), 400)
        self.quota_tan_canh = Quota.objects.create(plan=self.plan_dak_to, unit=self.tan_canh, target=50)

    @staticmethod
    def user(username, role, unit, **extra):
        return User.objects.create_user(
            username=username, password="x-" + username, role=role, unit=unit, **extra
        )

    @property
    def users(self):
        return {u.username: u for u in (self.alice, self.bob, self.carol, self.victor, self.adam, self.olga)}


def person_form(world, **overrides) -> dict:
    """What the new-person page (or POST /api/persons/) receives for someone in Phya Mạ."""
    return {
        "full_name": "Lò Văn Pọm",
        "sex": "M",
        "birth_date": "1994-02-03",
        "citizen_id": "",
        "ethnicity": "02",
        "religion": "NONE",
        "education": "THPT",
        "occupation": "FARMER",
        "village": world.v_phya_ma.pk,
        "unit": world.phya_ma.pk,
        **overrides,
    }


def person_edit_form(person, **changes) -> dict:
    """What the person edit page posts back: every field as read, with its version, then `changes`."""
    return {
        "full_name": person.full_name,
        "sex": person.sex,
        "birth_date": person.birth_date.isoformat(),
        "citizen_id": person.citizen_id,
        "ethnicity": person.ethnicity,
        "religion": person.religion,
        "education": person.education,
        "occupation": person.occupation,
        "village": person.village_id or "",
        "home_town": person.home_town,
        "phone": person.phone,
        "unit": person.unit_id,
        "version": person.version,
        **changes,
    }
