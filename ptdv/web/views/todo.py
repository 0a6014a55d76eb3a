"""Việc cần làm: the deadlines not met in the user's scope, soonest first, a page at a time."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from ptdv.cases.deadlines import deadline_rows, due_item, page_after, working_calendar
from ptdv.cases.models import Case
from ptdv.web import exports

PAGE_SIZE = 50
HEADERS = ("Hạn", "Việc", "Họ và tên", "Chi bộ", "Tình trạng")


def todo_rows(request):
    """The user's kept deadlines not met (ptdv.cases.derived), soonest first: one builder for
    the page and its exports."""
    return deadline_rows(Case.objects.visible_to(request.user), timezone.localdate())


@login_required
def todo(request):
    """Read from the kept deadlines (ptdv.cases.derived): one query for the page, keyset paged."""
    today = timezone.localdate()
    page, following = page_after(todo_rows(request), request.GET.get("sau"), PAGE_SIZE)
    calendar = working_calendar()
    items = [due_item(row, today, calendar) for row in page]
    context = {
        "items": items,
        "following": following,
        "paged": "sau" in request.GET,
        "exports": exports.links(request, "web:todo-export"),
    }
    return render(request, "web/todo.html", context)


def export_lines(request):
    """Every row of the to-do list, as the page shows it (date, task, person, branch, status)."""
    today = timezone.localdate()
    calendar = working_calendar()
    for row in todo_rows(request).iterator(chunk_size=2000):
        item = due_item(row, today, calendar)
        case = item.case
        yield [
            item.deadline.due_date,
            item.deadline.label,
            case.person.full_name,
            case.branch.name,
            item.status_label,
        ]
