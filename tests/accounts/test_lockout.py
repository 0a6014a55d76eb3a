"""Lockout by the username-and-IP pair, a cool-off that grows, unlocking by an admin in scope."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client
from django.urls import reverse

from tests.factories import World

OFFICE, HOME = "10.0.0.1", "10.0.0.2"


def attempt(username, password, ip):
    client = Client(REMOTE_ADDR=ip)
    return client.post(reverse("login"), {"username": username, "password": password})


def fail(username, ip, times=5):
    for _ in range(times):
        attempt(username, "sai-mat-khau", ip)


def logged_in(response) -> bool:
    return response.status_code == 302 and response.url == reverse("web:home")


def wait_minutes(response) -> int:
    assert response.status_code == 429
    return int(re.search(r"chờ <strong>(\d+) phút", response.content.decode()).group(1))


def let_time_pass(minutes):
    """Move every recorded failure back in time, as if `minutes` had passed."""
    shift = timedelta(minutes=minutes)
    for attempt_row in AccessAttempt.objects.select_related("expiration"):
        attempt_row.attempt_time -= shift
        attempt_row.save()
        attempt_row.expiration.expires_at -= shift
        attempt_row.expiration.save()
    for row in AccessFailureLog.objects.all():
        row.attempt_time -= shift
        row.save()


def test_five_failures_lock_the_user_at_that_address_only(world):
    fail("alice", OFFICE)
    assert not logged_in(attempt("alice", "x-alice", OFFICE))
    assert logged_in(attempt("alice", "x-alice", HOME))


def test_another_user_at_the_locked_address_still_logs_in(world):
    fail("alice", OFFICE)
    assert logged_in(attempt("bob", "x-bob", OFFICE))


def test_failures_for_many_names_from_one_address_lock_no_one_else(world):
    for name in ("alice", "carol", "victor", "adam"):
        fail(name, OFFICE, times=4)
    assert logged_in(attempt("bob", "x-bob", OFFICE))


def test_lockout_page_says_in_vietnamese_how_many_minutes_to_wait(world):
    fail("alice", OFFICE)
    locked = attempt("alice", "x-alice", OFFICE)
    assert wait_minutes(locked) == 5
    assert "Tạm khóa đăng nhập" in locked.content.decode()


def test_cool_off_ends_after_its_minutes(world):
    fail("alice", OFFICE)
    let_time_pass(6)
    assert logged_in(attempt("alice", "x-alice", OFFICE))


def test_each_further_lockout_of_the_pair_doubles_the_wait_up_to_the_cap(world, settings):
    settings.PTDV_LOCKOUT_MAX_MINUTES = 30
    waits = []
    for _ in range(4):
        fail("alice", OFFICE)
        waits.append(wait_minutes(attempt("alice", "x-alice", OFFICE)))
        let_time_pass(waits[-1] + 1)
    assert waits == [5, 10, 20, 30]
    # The other address starts afresh.
    fail("alice", HOME)
    assert wait_minutes(attempt("alice", "x-alice", HOME)) == 5


def test_a_successful_login_forgets_the_failures_before_it(world):
    fail("alice", OFFICE, times=4)
    assert logged_in(attempt("alice", "x-alice", OFFICE))
    fail("alice", OFFICE, times=1)
    assert logged_in(attempt("alice", "x-alice", OFFICE))


def test_admin_in_scope_sees_the_lockout_and_lifts_it(world, client_for):
    fail("alice", OFFICE)
    adam = client_for(world.adam)
    page = adam.get(reverse("accounts:users")).content.decode()
    assert "Đang bị khóa đăng nhập" in page and OFFICE in page
    response = adam.post(reverse("accounts:user-unlock", args=[world.alice.pk]))
    assert response.status_code == 302
    record = world.alice.history.first()
    assert (record.history_change_reason, record.history_user) == ("Mở khóa đăng nhập", world.adam)
    assert logged_in(attempt("alice", "x-alice", OFFICE))


@pytest.fixture
def kon_tum_admin(world):
    return World.user("oscar", "admin", world.kon_tum, is_staff=True)


def test_admin_of_another_province_neither_sees_nor_lifts_the_lockout(world, client_for, kon_tum_admin):
    fail("alice", OFFICE)
    oscar = client_for(kon_tum_admin)
    page = oscar.get(reverse("accounts:users")).content.decode()
    assert "alice" not in page and "Đang bị khóa đăng nhập" not in page
    assert oscar.post(reverse("accounts:user-unlock", args=[world.alice.pk])).status_code == 404
    assert not logged_in(attempt("alice", "x-alice", OFFICE))
