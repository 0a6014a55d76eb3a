"""Point 11: every record has history from its creation, signed by the officer who acted."""

from datetime import date

import pytest

from ptdv.cases.models import CalendarDay, CaseEvent
from ptdv.history import models_with_history, record_first_versions
from ptdv.org import reorganisation, villages
from ptdv.org.models import UnitChange, Village, VillageAssignment, VillageKind

pytestmark = pytest.mark.django_db


def test_the_models_the_issue_names_keep_history():
    assert {CaseEvent, UnitChange, VillageAssignment, CalendarDay} <= set(models_with_history())


def test_a_bulk_loaded_event_is_signed_and_dated_by_its_recorded_author(world):
    event = CaseEvent.objects.filter(case=world.case_phya_ma).first()
    event.history.all().delete()  # as if it had been written by bulk_create
    assert record_first_versions() == 1
    first = event.history.get()
    assert (first.history_type, first.history_user, first.history_date) == (
        "+",
        world.carol,
        event.recorded_at,
    )


def test_services_record_history_with_the_acting_user(world):
    opened = CaseEvent.objects.filter(case=world.case_phya_ma).get()
    assert opened.history.get().history_user == world.carol

    reorganisation.rename(world.na_pai, "Chi bộ thôn Nà Pài mới", date(2024, 1, 2), by=world.alice)
    change = UnitChange.objects.get(unit=world.na_pai, kind="RENAMED")
    assert change.history.get().history_user == world.alice

    village = villages.assign(
        Village(name="Bản Mới", kind=VillageKind.BAN, branch=world.phya_ma),
        world.phya_ma,
        date(2024, 1, 3),
        by=world.bob,
    )
    assignment = VillageAssignment.objects.get(village=village)
    assert assignment.history.get().history_user == world.bob
