"""Admission figures count the person as they were when admitted (ptdv.people.record_on): a
farmer admitted in 2023 who became an official later is still a farmer admitted in 2023; a
correction of the record (đính chính) changes the past figures too; totals follow the record
as it stands."""

from datetime import date, datetime, time

import pytest
from django.urls import reverse
from django.utils import timezone

from ptdv.people import membership, record_on, summaries
from ptdv.people.models import Milestone
from tests.factories import person, person_edit_form
from tests.people.test_summaries_property import kept_rows

pytestmark = pytest.mark.django_db

CEREMONY = date(2023, 3, 15)
FIRST_HALF = (date(2023, 1, 1), date(2023, 6, 30))


def _written(day: date) -> datetime:
    return datetime.combine(day, time(9), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def farmer(world):
    """Lò Văn Nông, recorded as a farmer in 2022, admitted in Phya Mạ on 15/3/2023."""
    someone = person(world.phya_ma, "Lò Văn Nông", birth=date(1998, 1, 1), occupation="FARMER")
    someone.history.update(history_date=_written(date(2022, 5, 1)))
    return membership.admit(someone, world.phya_ma, CEREMONY).person


def _became(p, day: date | None, *, correction: bool = False, **fields):
    """An edit of `p` written on `day` (None: now)."""
    for name, value in fields.items():
        setattr(p, name, value)
    if day is not None:
        p._history_date = _written(day)
    if correction:
        record_on.mark_correction(p)
    p.save()


def _admitted(world):
    return summaries.admissions(world.cong_bang, *FIRST_HALF)


def test_a_farmer_who_later_became_an_official_still_counts_as_a_farmer_admitted(world, farmer):
    today = timezone.localdate()
    farmers_now = summaries.totals(world.phya_ma, today).farmers
    assert _admitted(world).farmers == 1
    _became(farmer, date(2024, 9, 1), occupation="CIVIL_SERVANT")
    assert _admitted(world).farmers == 1
    assert summaries.totals(world.phya_ma, today).farmers == farmers_now - 1  # the record as it stands


def test_a_change_written_before_the_ceremony_is_the_record_admitted(world):
    someone = person(world.phya_ma, "Lò Văn Nông", occupation="FARMER")
    someone.history.update(history_date=_written(date(2022, 5, 1)))
    _became(someone, date(2023, 1, 10), occupation="WORKER", youth_union=True)
    membership.admit(someone, world.phya_ma, CEREMONY)
    got = _admitted(world)
    assert (got.farmers, got.youth_union) == (0, 1)


def test_a_correction_changes_the_admission_figures_and_only_the_fields_it_corrects(world, farmer):
    _became(farmer, date(2024, 9, 1), occupation="CIVIL_SERVANT")
    _became(farmer, date(2025, 2, 1), correction=True, ethnicity="02", religion="BUDDHISM")
    got = _admitted(world)
    assert (got.farmers, got.ethnic_minority, got.religious) == (1, 1, 1)


def test_a_record_entered_after_the_admission_stands_as_first_written(world):
    """Past admissions loaded afterwards (the demo, an import): the first version is the record."""
    m = membership.admit(person(world.na_pai, "Đàm Thị Cũ", sex="F"), world.na_pai, date(2010, 3, 1))
    _became(m.person, None, sex="M")
    assert summaries.admissions(world.cong_bang, date(2010, 1, 1), date(2010, 12, 31)).women == 2


def test_the_age_of_18_to_30_is_that_of_the_birth_date_on_record_at_admission(world, farmer):
    _became(farmer, date(2024, 1, 1), birth_date=date(1960, 1, 1))
    assert _admitted(world).aged_18_30 == 1
    _became(farmer, date(2024, 2, 1), correction=True, birth_date=date(1961, 1, 1))
    assert _admitted(world).aged_18_30 == 0


def test_rebuild_writes_the_admission_records_that_were_kept(world, farmer):
    _became(farmer, date(2024, 9, 1), occupation="CIVIL_SERVANT")
    _became(farmer, date(2025, 2, 1), correction=True, sex="F")
    before = kept_rows()
    summaries.rebuild()
    assert kept_rows() == before
    kept = Milestone.objects.get(member__person=farmer, kind="ADMITTED")
    assert (kept.farmers, kept.women) == (True, True)


def test_the_person_page_writes_a_correction_when_ticked(world, client_for, farmer):
    alice = client_for(world.alice)
    url = reverse("web:person-edit", args=[farmer.pk])
    farmer.refresh_from_db()
    assert alice.post(url, person_edit_form(farmer, occupation="CIVIL_SERVANT")).status_code == 302
    assert _admitted(world).farmers == 1
    farmer.refresh_from_db()
    page = alice.get(url).content.decode()
    assert "Đính chính" in page
    answer = alice.post(url, person_edit_form(farmer, occupation="WORKER", correction="on"))
    assert answer.status_code == 302
    assert _admitted(world).farmers == 0
