"""The holiday calendar moves every deadline in the country: only the national admin changes it,
nobody deletes a day from the admin, and every version is kept."""

from datetime import date

import pytest
from django.urls import reverse

from ptdv.cases.models import CalendarDay
from tests.admins import AdminWorld

NEW_DAY = {"date": "2026-12-31", "kind": "DAY_OFF", "note": "Nghỉ bù"}


@pytest.fixture
def world(db):
    return AdminWorld()


def test_a_province_admin_reads_the_calendar_but_cannot_add_change_or_delete(world, client_for):
    adam = client_for(world.adam)
    day = world.holiday
    assert adam.get(reverse("admin:cases_calendarday_changelist")).status_code == 200
    assert adam.get(reverse("admin:cases_calendarday_history", args=[day.pk])).status_code == 200
    assert adam.post(reverse("admin:cases_calendarday_add"), NEW_DAY).status_code == 403
    assert adam.post(reverse("admin:cases_calendarday_change", args=[day.pk]), NEW_DAY).status_code == 403
    assert (
        adam.post(reverse("admin:cases_calendarday_delete", args=[day.pk]), {"post": "yes"}).status_code
        == 403
    )
    delete_all = {"action": "delete_selected", "_selected_action": [day.pk], "post": "yes", "index": "0"}
    adam.post(reverse("admin:cases_calendarday_changelist"), delete_all)
    assert list(CalendarDay.objects.values_list("date", "note")) == [(date(2026, 9, 1), "Nghỉ lễ")]


def test_the_national_admin_adds_and_changes_days_with_history_but_deletes_none(world, client_for):
    nina = client_for(world.nina)
    assert nina.post(reverse("admin:cases_calendarday_add"), NEW_DAY).status_code == 302
    day = CalendarDay.objects.get(date=date(2026, 12, 31))
    change = reverse("admin:cases_calendarday_change", args=[day.pk])
    assert nina.post(change, {**NEW_DAY, "kind": "MAKEUP", "note": "Làm bù"}).status_code == 302
    versions = list(day.history.order_by("history_id").values_list("kind", "history_user__username"))
    assert versions == [("DAY_OFF", "nina"), ("MAKEUP", "nina")]
    history = nina.get(reverse("admin:cases_calendarday_history", args=[day.pk]))
    assert len(history.context["page_obj"].object_list) == 2
    assert (
        nina.post(reverse("admin:cases_calendarday_delete", args=[day.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert CalendarDay.objects.filter(pk=day.pk).exists()
