"""The demo data set reproduces the structure figures of the seed articles."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from ptdv.accounts.models import User
from ptdv.cases.models import Case, CaseEvent
from ptdv.org import structure
from ptdv.org.models import Unit, Village
from ptdv.people import summaries
from ptdv.people.models import MemberEvent, PartyMember, Person
from ptdv.people.names import fold
from ptdv.regulation import Stage
from ptdv.training.models import AwarenessClass

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    """The demo loaded; what it keeps of the demo accounts (its private file in the data folder)."""
    settings.DATA_DIR = tmp_path
    call_command("demo")
    return (tmp_path / "demo-accounts.txt").read_text(encoding="utf-8")


def _subtree(code):
    unit = Unit.objects.get(code=code)
    return unit, Unit.objects.filter(path__startswith=unit.path).exclude(pk=unit.pk)


def test_demo_reproduces_the_articles_structure(demo):
    """One build, every figure: the build takes seconds, so the checks share it."""
    _pac_nam_figures()
    _cong_bang_figures()
    _tan_canh_has_every_village_its_own_branch()
    _names_are_generated_never_the_real_ones()
    _admissions_match_the_articles()
    _cases_stand_at_every_stage()
    _historical_cases_predate_ptdv_since()
    _members_live_in_their_branch()
    _june_2023_awareness_class_holds_the_six()


def _pac_nam_figures():
    pac_nam, below = _subtree("BK.PN")
    assert below.filter(kind__in=["GRASSROOTS_COMMITTEE", "GRASSROOTS_BRANCH"]).count() == 33
    assert below.filter(branch_type="VILLAGE").count() == 103
    assert not below.filter(branch_type="RESIDENTIAL").exists()
    villages = Village.objects.filter(branch__path__startswith=pac_nam.path)
    assert structure.villages_sharing_a_branch(villages).count() == 19
    assert summaries.totals(pac_nam, date(2023, 6, 30)).total > 2700


def _cong_bang_figures():
    cong_bang = Unit.objects.get(name="Đảng bộ xã Công Bằng")
    branches = Unit.objects.get_children(cong_bang)
    assert branches.count() == 13
    assert (
        sorted(branches.values_list("branch_type", flat=True))
        == ["POLICE"] + ["SCHOOL"] * 3 + ["VILLAGE"] * 9
    )
    assert branches.filter(name="Chi bộ thôn Phya Mạ").exists()
    assert summaries.totals(cong_bang, date(2023, 6, 30)).total == 240


def _tan_canh_has_every_village_its_own_branch():
    tan_canh = Unit.objects.get(
        name="Đảng bộ xã Tân Cảnh", path__startswith=Unit.objects.get(code="KT.DT").path
    )
    villages = Village.objects.filter(branch__path__startswith=tan_canh.path)
    assert villages.exists() and not structure.villages_sharing_a_branch(villages).exists()


def _names_are_generated_never_the_real_ones():
    names = set(Person.objects.values_list("search_name", flat=True))
    assert not names & {"chuc van dat", "luong van quan", "a hon"}
    assert fold("Chúc Văn Dất") == "chuc van dat"


def test_demo_users_get_random_passwords_kept_to_be_changed_and_a_second_run_changes_nothing(demo, capsys):
    assert set(User.objects.values_list("role", flat=True)) == {
        "organizer",
        "committee",
        "branch",
        "viewer",
        "admin",
    }
    passwords = {line.split()[0]: line.split()[1] for line in demo.splitlines() if line.startswith("  ")}
    assert set(passwords) == set(User.objects.values_list("username", flat=True))
    assert len(set(passwords.values())) == len(passwords)
    for username, password in passwords.items():
        user = User.objects.get(username=username)
        assert user.check_password(password) and user.must_change_password
    before = Person.objects.count()
    call_command("demo")
    assert "đã có dữ liệu" in capsys.readouterr().out
    assert Person.objects.count() == before


def _admitted(code, first, last, **person):
    unit = Unit.objects.get(code=code)
    filters = {f"member__person__{k}": v for k, v in person.items()}
    return MemberEvent.objects.filter(
        kind="ADMITTED", date__range=(first, last), branch__path__startswith=unit.path, **filters
    )


def _admissions_match_the_articles():
    mid_2023 = date(2023, 6, 30)
    assert _admitted("BK.PN", date(2021, 1, 1), mid_2023).count() == 220
    assert _admitted("BK.PN", date(2021, 1, 1), mid_2023, occupation="FARMER").count() == 96
    assert _admitted("BK.PN", date(2023, 1, 1), mid_2023).count() == 23
    assert _admitted("BK.PN", date(2023, 1, 1), mid_2023, occupation="FARMER").count() == 9
    cong_bang_2023 = _admitted("BK.PN.X01", date(2023, 1, 1), mid_2023)
    assert [(e.date, e.branch.name) for e in cong_bang_2023] == [(date(2023, 3, 15), "Chi bộ thôn Phya Mạ")]
    assert _admitted("KT.DT", date(2015, 1, 1), date(2020, 6, 30)).count() == 425
    assert _admitted("KT.DT", date(2015, 1, 1), date(2020, 6, 30), youth_union=True).count() == 306


def _cases_stand_at_every_stage():
    cong_bang = Unit.objects.get(code="BK.PN.X01")
    open_there = Case.objects.filter(branch__path__startswith=cong_bang.path).exclude(stage="OFFICIAL")
    assert sorted(open_there.values_list("stage", flat=True)) == ["AWARENESS"] * 6 + ["SUBMITTED"] * 2
    assert {
        d.month
        for d in CaseEvent.objects.filter(
            case__in=open_there.filter(stage="AWARENESS"), stage="AWARENESS"
        ).values_list("date", flat=True)
    } == {6}
    assert set(Case.objects.values_list("stage", flat=True)) == {s.value for s in Stage}
    assert not Case.objects.filter(historical=False).exists()
    # Every admission through a case created the member on the ceremony date.
    for case in Case.objects.filter(stage="OFFICIAL").select_related("member")[:50]:
        assert case.events.get(stage="PROBATION").date == case.member.admitted_on


def _historical_cases_predate_ptdv_since():
    """The demo's cases are paper work: every act before the day its roots started using PTĐV."""
    today = timezone.localdate()
    assert {root.ptdv_since for root in Unit.objects.get_root_nodes()} == {today}
    assert not CaseEvent.objects.filter(date__gte=today).exists()


def _members_live_in_their_branch():
    """Person scope and member scope agree (issue 6, High 5)."""
    assert not PartyMember.objects.current().exclude(person__unit=F("branch")).exists()


def _june_2023_awareness_class_holds_the_six():
    """ "6 people sent to the awareness class in June 2023" in Công Bằng: one class of six."""
    held = AwarenessClass.objects.get(unit__code="BK.PN.X01")
    enrolled = held.enrolments.select_related("case", "event")
    assert held.starts_on == date(2023, 6, 12) and len(enrolled) == 6
    for enrolment in enrolled:
        assert enrolment.case.stage == "AWARENESS" and enrolment.event.case_id == enrolment.case_id
        assert enrolment.cert_no == enrolment.event.data["cert_no"]
    assert held.history.exists() and enrolled[0].history.exists()
