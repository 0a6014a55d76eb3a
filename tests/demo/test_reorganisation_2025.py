"""The demo lives in today's world: the 1/7/2025 reorganisation recorded on the articles' demo.

The module loads the pre-2025 demo once, reads the articles' figures, applies
`ptdv.demo.reorganisation.apply_2025()` (the officer's own services) and checks today's tree,
what moved where, what the dissolved units keep, and that the figures of 30/06/2023 are
unchanged.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from ptdv.accounts.models import User
from ptdv.cases.deadlines import due_items
from ptdv.cases.models import Case
from ptdv.demo.reorganisation import apply_2025
from ptdv.org import lineage
from ptdv.org.models import Unit, UnitChange
from ptdv.people import summaries
from ptdv.people.models import PartyMember
from tests.demo_loaded import demo_loaded

pytestmark = pytest.mark.django_db

REFORM = date(2025, 7, 1)
MID_2023 = date(2023, 6, 30)
NEW_COMMUNES = {
    "TN.X01": ("Đảng bộ xã Bằng Thành", {"Bằng Thành", "Bộc Bố", "Nhạn Môn", "Giáo Hiệu"}),
    "TN.X02": ("Đảng bộ xã Nghiên Loan", {"Xuân La", "An Thắng", "Nghiên Loan"}),
    "TN.X03": ("Đảng bộ xã Cao Minh", {"Công Bằng", "Cổ Linh", "Cao Tân"}),
}


def _figures() -> dict:
    """The articles' member figures of Pác Nặm and Công Bằng on 30/06/2023, as reported."""
    pac_nam, cong_bang = Unit.objects.get(code="BK.PN"), Unit.objects.get(code="BK.PN.X01")
    admitted = summaries.admissions(pac_nam, date(2021, 1, 1), MID_2023)
    return {
        "pac_nam": summaries.totals(pac_nam, MID_2023).total,
        "cong_bang": summaries.totals(cong_bang, MID_2023).total,
        "pac_nam_admitted": (admitted.admitted, admitted.farmers),
        "cong_bang_branches": {u.pk for u in lineage.children_on(cong_bang, MID_2023)},
    }


@pytest.fixture(scope="module")
def before(django_db_setup, django_db_blocker, tmp_path_factory):
    """The figures read on the pre-2025 demo, then the reorganisation applied (once)."""
    with demo_loaded(django_db_blocker, tmp_path_factory.mktemp("demo-data"), reorganise=False):
        with django_db_blocker.unblock():
            figures = _figures()
            apply_2025()
        yield figures


def _old_communes(names: set[str], district_code: str = "BK.PN") -> list[Unit]:
    district = Unit.objects.get(code=district_code)
    return list(
        Unit.objects.filter(path__startswith=district.path, name__in=[f"Đảng bộ xã {n}" for n in names])
    )


def test_the_tree_today_has_no_district_and_communes_sit_directly_under_the_province(before):
    today = Unit.objects.filter(valid_to__isnull=True)
    assert not today.filter(kind="DISTRICT").exists()
    assert sorted(today.filter(depth=1).values_list("name", flat=True)) == [
        "Đảng bộ tỉnh Quảng Ngãi",
        "Đảng bộ tỉnh Thái Nguyên",
    ]
    thai_nguyen = Unit.objects.get(code="TN")
    communes = Unit.objects.get_children(thai_nguyen).filter(kind="GRASSROOTS_COMMITTEE")
    assert {c.code: c.name for c in communes} == {code: name for code, (name, _) in NEW_COMMUNES.items()}
    # The district agencies' branches went directly under the province.
    assert Unit.objects.get_children(thai_nguyen).filter(kind="GRASSROOTS_BRANCH").count() == 23
    assert (
        Unit.objects.get_children(Unit.objects.get(code="QN")).filter(kind="GRASSROOTS_COMMITTEE").count()
        == 3
    )


def test_each_new_commune_holds_its_old_communes_branches_members_and_cases(before):
    for code, (_name, old_names) in NEW_COMMUNES.items():
        commune = Unit.objects.get(code=code)
        old = _old_communes(old_names)
        assert len(old) == len(old_names)
        assert {u.pk for u in lineage.units_with_predecessors(commune)} == {commune.pk, *(u.pk for u in old)}
        branches_then = set().union(*(lineage.branches_under(u, MID_2023, predecessors=False) for u in old))
        assert {u.pk for u in Unit.objects.get_children(commune)} == branches_then
        members_then = PartyMember.objects.current().filter(branch__in=branches_then)
        under_commune = PartyMember.objects.current().filter(branch__path__startswith=commune.path)
        assert members_then.count() == under_commune.count() > 0
        cases_then = Case.objects.filter(branch__in=branches_then)
        assert cases_then.count() == Case.objects.filter(branch__path__startswith=commune.path).count() > 0
    # Since 1/7/2025 the commune committee decides admissions (DOMAIN.md "Deciding body").
    phya_ma = Unit.objects.get(code="BK.PN.X01.T01")
    assert phya_ma.deciding_unit() == Unit.objects.get(code="TN.X03")


def test_the_dissolved_units_keep_their_names_and_dates(before):
    pac_nam = Unit.objects.get(code="BK.PN")
    assert (pac_nam.name, pac_nam.valid_to) == ("Đảng bộ huyện Pác Nặm", REFORM)
    assert UnitChange.objects.filter(unit=pac_nam, kind="DISSOLVED", date=REFORM).exists()
    for old in _old_communes({"Công Bằng", "Cổ Linh", "Cao Tân"}):
        assert old.valid_to == REFORM and old.name.startswith("Đảng bộ xã ")
    merged = UnitChange.objects.get(unit__code="TN", kind="MERGED")
    assert (merged.date, [u.name for u in merged.predecessors.all()]) == (REFORM, ["Đảng bộ tỉnh Bắc Kạn"])
    assert Unit.objects.get(code="BK").valid_to == REFORM
    assert Unit.objects.get(code="KT.DT").valid_to == REFORM


def test_the_figures_of_30_06_2023_are_unchanged_after_the_reorganisation(before):
    assert before["pac_nam"] > 2700 and before["cong_bang"] == 240
    assert before["pac_nam_admitted"] == (220, 96)
    assert _figures() == before


def test_no_demo_case_is_overdue_by_more_than_a_year_but_the_na_lan_dossier(before):
    """The one kept on purpose: sent to the district committee on 20/06/2023, never decided."""
    today = timezone.localdate()
    long_overdue = {
        item.case
        for item in due_items(Case.objects.all(), today)
        if item.status == "overdue" and item.deadline.due_date < today - timedelta(days=365)
    }
    assert [(c.branch.name, c.stage, c.events.get(stage="SUBMITTED").date) for c in long_overdue] == [
        ("Chi bộ thôn Nà Lạn", "SUBMITTED", date(2023, 6, 20))
    ]


def test_cong_bang_cases_of_the_article_went_on_since_2023(before):
    cong_bang_cases = Case.objects.filter(branch__in=before["cong_bang_branches"], opened_on__lte=MID_2023)
    june = cong_bang_cases.filter(events__stage="AWARENESS", events__date=date(2023, 6, 12))
    assert sorted(june.values_list("stage", flat=True)) == sorted(
        ["OFFICIAL", "OFFICIAL", "WITHDRAWN", "DOSSIER", "BRANCH_RESOLVED", "AWARENESS"]
    )


def test_thai_nguyen_organizer_finds_cong_bang_members_and_cases(before):
    organizer = User.objects.create_user(
        username="tochuc.tn", password="x-tochuc.tn", role="organizer", unit=Unit.objects.get(code="TN")
    )
    elsewhere = User.objects.create_user(
        username="tochuc.qn", password="x-tochuc.qn", role="organizer", unit=Unit.objects.get(code="QN")
    )
    branches = before["cong_bang_branches"]
    members = PartyMember.objects.current().filter(branch__in=branches)
    assert members.count() > 200
    assert PartyMember.objects.visible_to(organizer).filter(branch__in=branches).count() == members.count()
    cases = Case.objects.filter(branch__in=branches)
    assert Case.objects.visible_to(organizer).filter(branch__in=branches).count() == cases.count() > 0
    assert not PartyMember.objects.visible_to(elsewhere).filter(branch__in=branches).exists()
    # Scope follows lineage: the successors' users see the units merged into theirs.
    assert Unit.objects.visible_to(organizer).filter(code="BK").exists()
    cao_minh = User.objects.create_user(
        username="danguy.cm", password="x-danguy.cm", role="committee", unit=Unit.objects.get(code="TN.X03")
    )
    assert Unit.objects.visible_to(cao_minh).filter(code="BK.PN.X01").exists()
    assert not Unit.objects.visible_to(cao_minh).filter(code="BK.PN.X02").exists()  # Bằng Thành's
    assert Case.objects.visible_to(cao_minh).filter(branch__in=branches).count() == cases.count()
