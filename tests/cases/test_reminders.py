"""`ptdv remind`: in-app notices of deadlines due soon or overdue, once per item and user,
safe to run twice at once, mailed as one digest per user when SMTP is configured."""

import threading
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ptdv.cases.deadlines import working_calendar
from ptdv.notices import reminders
from ptdv.notices.models import Notification
from tests.cases.conftest import MEETING, move
from tests.factories import World

pytestmark = pytest.mark.django_db

LATER = date(2026, 1, 5)  # long after the decision was due


@pytest.fixture
def resolved(world, ready):
    """The Phya Mạ case after its branch vote: the decision is due 20 working days later."""
    move(ready, "BRANCH_RESOLVED", MEETING, world.alice, summoned=3, votes_for=3)
    return ready


def _remind(**options):
    call_command("remind", stdout=StringIO(), **options)


def _told():
    return sorted(Notification.objects.values_list("user__username", "code"))


def test_case_workers_in_scope_are_told_of_an_overdue_deadline_once(world, resolved):
    _remind()
    _remind()
    told = [("alice", "DECISION_DUE"), ("bob", "DECISION_DUE"), ("carol", "DECISION_DUE")]
    assert _told() == told  # not victor (viewer), adam (admin) nor olga (Đăk Tô)
    notice = Notification.objects.get(user=world.carol)
    assert notice.message.startswith("Hạn ra quyết định kết nạp: ") and "— Hà Thị Hoa" in notice.message
    assert notice.message.endswith(", đã quá hạn")


def test_an_inactive_user_is_not_told(world, resolved):
    world.bob.is_active = False
    world.bob.save()
    _remind()
    assert "bob" not in {user for user, _ in _told()}


def test_a_deadline_is_told_only_within_the_next_working_days(world, resolved):
    calendar = working_calendar()
    due = reminders.upcoming(MEETING, 10_000, calendar)[0].deadline.due_date
    days = (MEETING + timedelta(days=i) for i in range((due - MEETING).days))
    six_days_before = next(day for day in days if calendar.working_days_between(day, due) == 6)
    reminders.remind(six_days_before, days=5)
    assert not Notification.objects.exists()
    five_days_before = calendar.add_working_days(six_days_before, 1)
    reminders.remind(five_days_before, days=5)
    assert Notification.objects.filter(due_date=due).count() == 3


def test_the_run_costs_the_same_queries_for_many_users(world, resolved):
    with CaptureQueriesContext(connection) as few:
        reminders.remind(LATER)
    Notification.objects.all().delete()
    for i in range(30):
        World.user(f"officer{i}", "committee", world.cong_bang)
    with CaptureQueriesContext(connection) as many:
        reminders.remind(LATER)
    assert Notification.objects.count() == 33
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_time_write_each_notice_once(world, resolved):
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            start.wait()
            _remind()
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(_told()) == 3


def test_one_digest_email_per_user_with_only_new_notices(world, resolved, settings):
    settings.EMAIL_HOST = "smtp.example.vn"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for user in (world.alice, world.bob):
        user.email = f"{user.username}@example.vn"
        user.save()
    _remind()
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.vn", "bob@example.vn"]
    assert "Hà Thị Hoa" in mail.outbox[0].body
    _remind()
    assert len(mail.outbox) == 2  # nothing new, nothing mailed


def test_no_email_without_smtp(world, resolved, settings):
    settings.EMAIL_HOST = ""
    world.alice.email = "alice@example.vn"
    world.alice.save()
    _remind()
    assert mail.outbox == [] and len(_told()) == 3


def test_the_navigation_counts_unread_notices_and_the_page_marks_them_read(world, resolved, client_for):
    _remind()
    carol = client_for(world.carol)
    assert 'id="nav-notices">Thông báo <span class="badge' in carol.get("/don-vi/").content.decode()
    page = carol.get("/thong-bao/").content.decode()
    assert "Hạn ra quyết định kết nạp: " in page and "— Hà Thị Hoa" in page
    mine = Notification.objects.get(user=world.carol)
    others = Notification.objects.get(user=world.alice)
    assert carol.post("/thong-bao/da-doc/", {"id": others.pk}).status_code == 404
    assert carol.post("/thong-bao/da-doc/", {"id": mine.pk}).status_code == 302
    mine.refresh_from_db()
    others.refresh_from_db()
    assert mine.read_at is not None and others.read_at is None
    assert 'class="badge' not in carol.get("/don-vi/").content.decode().split('id="nav-notices"')[1][:60]
    assert "Hà Thị Hoa" not in client_for(world.olga).get("/thong-bao/").content.decode()


def test_mark_all_read(world, resolved, client_for):
    _remind()
    client_for(world.alice).post("/thong-bao/da-doc/")
    assert not Notification.objects.filter(user=world.alice, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=world.bob, read_at__isnull=True).exists()
