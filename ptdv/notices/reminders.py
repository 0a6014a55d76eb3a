"""Reminders of deadlines: what `ptdv remind` writes and emails.

Each run tells every active user of a role that works with cases (organizer, committee,
branch) about every deadline of a case in their scope that is overdue or falls due within
the next N working days (the regulation's working-day calendar), once per item and user.

Cost at province scale: the deadlines are computed once per case (one query with its
prefetches, as for "việc cần làm"), never once per user. Each case is then fanned out to its
audience by the rule of ptdv.scope.restrict: a user sees a case when the user's unit path is
a prefix of the case's branch path. Users are grouped by unit path, and a branch path has
only depth-many prefixes (treebeard's fixed-length steps), so the fan-out costs
O(cases × depth + notifications), not O(users × cases).

Running twice, even at the same time, writes nothing twice: the insert skips rows that the
unique constraint (user, case, deadline, due date) already holds. Emails are claimed the
same way: a run stamps the un-emailed notifications of this run with its own time in one
UPDATE, so each notification is mailed by exactly one run.
"""

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from ptdv.accounts.models import User
from ptdv.cases.deadlines import DueItem, due_items, working_calendar
from ptdv.cases.models import Case
from ptdv.notices.models import Notification
from ptdv.org.models import Unit
from ptdv.regulation import WorkingCalendar
from ptdv.scope import EDITOR_ROLES

DEFAULT_DAYS = 5
# Roles that work with cases and so are reminded of their deadlines.
REMINDED_ROLES = EDITOR_ROLES & Case.scope_roles


def upcoming(today: date, days: int, calendar: WorkingCalendar) -> list[DueItem]:
    """Deadlines not met of every open case, overdue or due within `days` working days."""
    return [
        item
        for item in due_items(Case.objects.all(), today, calendar)
        if item.deadline.due_date < today
        or calendar.working_days_between(today, item.deadline.due_date) <= days
    ]


def users_by_path() -> dict[str, list[int]]:
    """Ids of the reminded users, keyed by the path of their unit."""
    grouped = defaultdict(list)
    users = User.objects.filter(is_active=True, role__in=REMINDED_ROLES, unit__isnull=False)
    for pk, path in users.values_list("pk", "unit__path"):
        grouped[path].append(pk)
    return grouped


def audience(branch_path: str, grouped: dict[str, list[int]]) -> list[int]:
    """Users whose scope contains the branch: those at the branch or at any unit above it."""
    step = Unit.steplen
    return [
        pk for end in range(step, len(branch_path) + 1, step) for pk in grouped.get(branch_path[:end], ())
    ]


def message(item: DueItem, today: date) -> str:
    """The deadline's label already says "Hạn …": the date follows it, then whose case it is."""
    deadline, case = item.deadline, item.case
    text = f"{deadline.label}: {deadline.due_date:%d/%m/%Y} — {case.person.full_name} ({case.branch.name})"
    if deadline.due_date < today:
        return text + ", đã quá hạn"
    return text + (", đến hạn hôm nay" if deadline.due_date == today else "")


def remind(today: date, days: int = DEFAULT_DAYS) -> None:
    """Write the notifications due on `today` that are not written yet."""
    grouped = users_by_path()
    rows = [
        Notification(
            user_id=user_id,
            case=item.case,
            code=item.deadline.code,
            due_date=item.deadline.due_date,
            message=message(item, today),
        )
        for item in upcoming(today, days, working_calendar())
        for user_id in audience(item.case.branch.path, grouped)
    ]
    Notification.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)


def email_configured() -> bool:
    return bool(settings.EMAIL_HOST)


def email_new(since) -> int:
    """One digest per user of the notifications written since `since` and not yet mailed;
    returns the number of emails sent. A failed send is released for the next run."""
    stamp = timezone.now()
    Notification.objects.filter(created_at__gte=since, emailed_at__isnull=True, user__email__gt="").update(
        emailed_at=stamp
    )
    claimed = (
        Notification.objects.filter(emailed_at=stamp).select_related("user").order_by("user", "due_date")
    )
    by_user = defaultdict(list)
    for notice in claimed:
        by_user[notice.user].append(notice)
    sent = 0
    for user, notices in by_user.items():
        body = "\n".join(f"- {n.message}" for n in notices)
        try:
            send_mail(
                f"PTĐV: {len(notices)} thời hạn cần chú ý",
                f"Thời hạn của hồ sơ phát triển đảng viên trong phạm vi của đồng chí:\n\n{body}\n",
                None,
                [user.email],
            )
        except OSError:
            Notification.objects.filter(pk__in=[n.pk for n in notices]).update(emailed_at=None)
            continue
        sent += 1
    return sent
