"""The bench's synthetic province is consistent: counts as asked, every case as its stage says."""

from collections import Counter

import pytest
from django.utils import timezone

from ptdv.cases.models import Case, CaseEvent, DossierDocument, Introduction, RelativeVerification
from ptdv.org.models import BranchType, Unit, UnitKind, Village
from ptdv.people.choices import MemberStatus
from ptdv.people.models import MemberEvent, NameWord, PartyMember, Person
from ptdv.people.search import tails
from ptdv.regulation import PATH, Stage
from tests.province import SIZE

pytestmark = pytest.mark.django_db
MEMBER_STAGES = {Stage.PROBATION, Stage.RECOGNITION_PROPOSED, Stage.OFFICIAL, Stage.REMOVED}


def test_the_province_has_the_size_asked_in_the_post_2025_shape(province):
    assert PartyMember.objects.count() == SIZE.members
    assert Case.objects.count() == SIZE.cases
    communes = Unit.objects.filter(depth=2)
    assert communes.count() == SIZE.communes
    assert set(communes.values_list("kind", flat=True)) == {UnitKind.GRASSROOTS_COMMITTEE}
    branches = Unit.objects.filter(depth=3)
    assert branches.count() == SIZE.branches and set(branches.values_list("kind", flat=True)) == {"BRANCH"}
    assert Unit.objects.get_tree(province.root).count() == 1 + SIZE.communes + SIZE.branches
    assert {b.numchild for b in communes} == {SIZE.branches // SIZE.communes}
    shared = Counter(Village.objects.values_list("branch", flat=True))
    assert max(shared.values()) >= 2  # merged branches serve two or three villages
    village_branches = branches.filter(branch_type=BranchType.VILLAGE)
    assert set(shared) == set(village_branches.values_list("pk", flat=True))


def test_members_and_their_events_agree(province):
    for member in PartyMember.objects.prefetch_related("events"):
        events = list(member.events.all())
        assert events[0].kind == "ADMITTED" and events[0].date == member.admitted_on
        assert events[-1].status_after == member.status
        assert events[-1].branch_id == member.branch_id
        assert [e.date for e in events] == sorted(e.date for e in events)
    assert MemberEvent.objects.filter(date__gt=timezone.localdate()).count() == 0
    assert PartyMember.objects.filter(status=MemberStatus.LEFT, left_on__isnull=True).count() == 0


def test_every_case_holds_what_its_stage_needs(province):
    today = timezone.localdate()
    for case in Case.objects.select_related("branch", "member").prefetch_related("events"):
        events = list(case.events.all())
        stages = [e.stage for e in events]
        assert stages[-1] == case.stage and case.version == len(events)
        assert [e.date for e in events] == sorted(e.date for e in events) and events[-1].date <= today
        assert stages == [s for s in PATH if s in stages] + [s for s in stages if s not in PATH]
        assert (case.member is not None) == (case.stage in MEMBER_STAGES)
        if case.member:
            assert case.member.branch_id == case.branch_id
            ceremony = next(e.date for e in events if e.stage == Stage.PROBATION)
            assert case.member.admitted_on == ceremony
        dossier = Stage.DOSSIER in stages
        assert DossierDocument.objects.filter(case=case).exists() == dossier
        assert RelativeVerification.objects.filter(case=case).exists() == dossier
        if Stage.BRANCH_RESOLVED in stages:
            meeting = next(e.date for e in events if e.stage == Stage.BRANCH_RESOLVED)
            introductions = Introduction.objects.filter(case=case).select_related("introducer")
            assert len(introductions) == 2
            for introduction in introductions:
                assert introduction.introducer.branch_id == case.branch_id
                assert introduction.introducer.status == MemberStatus.OFFICIAL
                assert introduction.date < meeting
            assert not RelativeVerification.objects.filter(case=case, verified_on__isnull=True).exists()
    assert CaseEvent.objects.count() > SIZE.cases * 3


def test_at_most_one_open_case_per_person_and_every_name_searchable(province):
    assert Case.objects.values("person").distinct().count() == SIZE.cases
    for person in Person.objects.prefetch_related("name_words")[:200]:
        assert sorted(w.tail for w in person.name_words.all()) == sorted(tails(person.search_name))
    assert NameWord.objects.values("person").distinct().count() == Person.objects.count()
