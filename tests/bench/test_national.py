"""`ptdv bench --scale national`: the country's loader at a tiny size, read back for real.

The loader writes the kept member rows itself (no `summaries.rebuild()` at 5.5 million
members): they must be exactly those `rebuild()` writes from the loaded events, and the
national dashboard's figures must be the counts of the loaded rows.
"""

from collections import Counter

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from ptdv.bench import national
from ptdv.bench.measure import signed_in
from ptdv.demo.management.commands.bench import NATIONAL_NEEDS_POSTGRESQL
from ptdv.org.models import Unit, UnitPlacement
from ptdv.people import summaries
from ptdv.people.choices import MemberStatus
from ptdv.people.models import (
    BranchTotal,
    MemberEvent,
    MemberStanding,
    Milestone,
    NameWord,
    PartyMember,
    Person,
)
from ptdv.people.search import tails
from ptdv.web import dashboard

POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
SIZE = national.Country.for_members(4_000)


def test_without_a_postgresql_database_the_national_scale_is_refused_in_vietnamese():
    with pytest.raises(CommandError) as refused:
        call_command("bench", "--scale", "national", "--members", "100")
    assert str(refused.value) == NATIONAL_NEEDS_POSTGRESQL
    assert "chỉ chạy trên PostgreSQL" in str(refused.value)


def _kept() -> dict:
    """Every kept member row, without its id (rebuild gives new ids)."""
    return {
        model: Counter(tuple(row.values()) for row in model.objects.values(*fields))
        for model, fields in (
            (MemberStanding, [f.attname for f in MemberStanding._meta.concrete_fields if f.attname != "id"]),
            (Milestone, [f.attname for f in Milestone._meta.concrete_fields if f.attname != "id"]),
            (BranchTotal, [f.attname for f in BranchTotal._meta.concrete_fields if f.attname != "id"]),
            (UnitPlacement, ["unit_id", "parent_id", "valid_from", "valid_to"]),
        )
    }


@pytest.mark.skipif(not POSTGRESQL, reason="the national loader writes with COPY: PostgreSQL only")
@pytest.mark.django_db
def test_the_country_loads_as_asked_and_its_dashboard_counts_the_loaded_rows():
    today = timezone.localdate()
    country = national.build(SIZE, seed=11, today=today)

    assert Counter(Unit.objects.values_list("depth", flat=True)) == {
        1: 1,
        2: SIZE.provinces,
        3: SIZE.communes,
        4: SIZE.branches,
    }
    assert PartyMember.objects.count() == Person.objects.count() == SIZE.members
    official = PartyMember.objects.filter(official_on__isnull=False).count()
    left = PartyMember.objects.filter(status=MemberStatus.LEFT).count()
    assert 0 < left < official < SIZE.members
    assert MemberEvent.objects.count() == SIZE.members + official + left
    for model in national.BIG:  # loaded without foreign-key triggers: every reference holds
        for field in model._meta.concrete_fields:
            if field.is_relation:
                target = field.related_model.objects.values("pk")
                dangling = model.objects.exclude(**{f"{field.name}__isnull": True})
                assert not dangling.exclude(**{f"{field.name}__in": target}).exists(), field
    words = sum(len(tails(name)) for name in Person.objects.values_list("search_name", flat=True))
    assert NameWord.objects.count() == words

    # The dashboard of the national viewer: the plan's admissions and each province's bar
    # are the members admitted since the plan began, counted from the member rows.
    board = dashboard.build(country.viewer, today)
    figures = board.plans[0]
    admitted = PartyMember.objects.filter(admitted_on__range=(country.plan.starts_on, today))
    assert figures.progress.admitted == admitted.count() > 0
    by_province = {
        p.name: admitted.filter(branch__path__startswith=p.path).count() for p in country.provinces
    }
    assert {bar.name: bar.admitted for bar in figures.bars} == by_province
    answer = signed_in(country.viewer).get("/")
    assert answer.status_code == 200 and "01-KH/TW" in answer.content.decode()

    # Member totals of the country today, read from the kept BranchTotal rows.
    totals = summaries.totals(country.root, today)
    statuses = Counter(PartyMember.objects.values_list("status", flat=True))
    assert (totals.official, totals.probationary) == (
        statuses[MemberStatus.OFFICIAL],
        statuses[MemberStatus.PROBATIONARY],
    )

    # The kept rows written by the loader are those rebuild() computes from the events.
    loaded = _kept()
    summaries.rebuild()
    assert _kept() == loaded
