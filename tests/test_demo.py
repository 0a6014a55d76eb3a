"""The demo data set reproduces the structure figures of the seed articles, as of their dates,
after the 2025 reorganisation `ptdv demo` records (figures through lineage and summaries)."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from ptdv.accounts.models import User
from ptdv.cases.models import Case, CaseEvent
from ptdv.history import models_with_history, without_history
from ptdv.org import lineage, structure
from ptdv.org.models import Unit, Village
from ptdv.people import summaries
from ptdv.people.models import MemberEvent, PartyMember, Person
from ptdv.people.names import fold
from ptdv.regulation import PATH, Stage
from ptdv.training.models import AwarenessClass
from tests.demo_loaded import demo_loaded
from tests.plans.demo_figures import plans_reproduce_the_articles

pytestmark = pytest.mark.django_db

MID_2023 = date(2023, 6, 30)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """`ptdv demo` loaded once for the module; what it keeps of the demo accounts (its private
    file in the data folder)."""
    data = tmp_path_factory.mktemp("demo-data")
    with demo_loaded(django_db_blocker, data):
        yield (data / "demo-accounts.txt").read_text(encoding="utf-8")


def stage_on(case: Case, day: date) -> str:
    """The stage a case stood at on `day`: its last event on or before it."""
    return case.events.filter(date__lte=day).order_by("-date", "-id").values_list("stage", flat=True)[0]


def _branches(code, on):
    return lineage.branches_under(Unit.objects.get(code=code), on)


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
    plans_reproduce_the_articles()


def test_every_row_loaded_in_bulk_by_the_demo_has_a_first_version(demo):
    """Point 11 of the history issue: bulk loads write each row's first version too."""
    loaded = [model for model in models_with_history() if model._base_manager.exists()]
    assert len(loaded) >= 10
    unversioned = {model.__name__: without_history(model).count() for model in loaded}
    assert not any(unversioned.values()), unversioned


def _pac_nam_figures():
    pac_nam = Unit.objects.get(code="BK.PN")
    assert pac_nam.valid_to == date(2025, 7, 1)  # dissolved, its past still reports
    below = lineage.children_on(pac_nam, MID_2023)
    assert len([u for u in below if u.kind in ("GRASSROOTS_COMMITTEE", "GRASSROOTS_BRANCH")]) == 33
    branches = Unit.objects.filter(pk__in=_branches("BK.PN", MID_2023))
    assert branches.filter(branch_type="VILLAGE").count() == 103
    assert not branches.filter(branch_type="RESIDENTIAL").exists()
    villages = Village.objects.filter(branch__in=branches)
    assert structure.villages_sharing_a_branch(villages).count() == 19
    assert summaries.totals(pac_nam, MID_2023).total > 2700


def _cong_bang_figures():
    cong_bang = Unit.objects.get(name="Đảng bộ xã Công Bằng")
    branches = lineage.children_on(cong_bang, MID_2023)
    assert len(branches) == 13
    assert sorted(b.branch_type for b in branches) == ["POLICE"] + ["SCHOOL"] * 3 + ["VILLAGE"] * 9
    assert "Chi bộ thôn Phya Mạ" in {b.name for b in branches}
    assert summaries.totals(cong_bang, MID_2023).total == 240


def _tan_canh_has_every_village_its_own_branch():
    tan_canh = Unit.objects.get(
        name="Đảng bộ xã Tân Cảnh", path__startswith=Unit.objects.get(code="KT.DT").path
    )
    villages = Village.objects.filter(branch__in=lineage.branches_under(tan_canh, date(2020, 6, 30)))
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


def _admitted(code, first, last):
    return summaries.admissions(Unit.objects.get(code=code), first, last)


def _admissions_match_the_articles():
    in_2021_to_mid_2023 = _admitted("BK.PN", date(2021, 1, 1), MID_2023)
    assert (in_2021_to_mid_2023.admitted, in_2021_to_mid_2023.farmers) == (220, 96)
    first_half_2023 = _admitted("BK.PN", date(2023, 1, 1), MID_2023)
    assert (first_half_2023.admitted, first_half_2023.farmers) == (23, 9)
    cong_bang_2023 = MemberEvent.objects.filter(
        kind="ADMITTED", date__range=(date(2023, 1, 1), MID_2023), branch__in=_branches("BK.PN.X01", MID_2023)
    )
    assert [(e.date, e.branch.name) for e in cong_bang_2023] == [(date(2023, 3, 15), "Chi bộ thôn Phya Mạ")]
    term = _admitted("KT.DT", date(2015, 1, 1), date(2020, 6, 30))
    assert (term.admitted, term.youth_union) == (425, 306)


def _cases_stand_at_every_stage():
    """Công Bằng on 30/06/2023: two dossiers at the district committee, six people back from the
    June awareness class (the cases went on since, with later dated events)."""
    not_yet_members = PATH[: PATH.index(Stage.PROBATION)]
    there = Case.objects.filter(branch__in=_branches("BK.PN.X01", MID_2023), opened_on__lte=MID_2023)
    stood = [stage_on(case, MID_2023) for case in there]
    assert sorted(s for s in stood if s in not_yet_members) == ["AWARENESS"] * 6 + ["SUBMITTED"] * 2
    june = CaseEvent.objects.filter(
        case__in=there, stage="AWARENESS", date__range=(date(2023, 6, 1), MID_2023)
    )
    assert june.values("case").distinct().count() == 6
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
        assert enrolment.event.stage == "AWARENESS" and enrolment.event.case_id == enrolment.case_id
        assert stage_on(enrolment.case, date(2023, 6, 30)) == "AWARENESS"
        assert enrolment.cert_no == enrolment.event.data["cert_no"]
    assert held.history.exists() and enrolled[0].history.exists()
