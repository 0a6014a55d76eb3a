"""Việc cần làm: the deadlines not met in the user's scope, soonest first, a page at a time."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from ptdv.cases.deadlines import deadline_rows, due_item, page_after, working_calendar
from ptdv.cases.models import Case

PAGE_SIZE = 50


@login_required
def todo(request):
    """Read from the kept deadlines (ptdv.cases.derived): one query for the page, keyset paged."""
    today = timezone.localdate()
    rows = deadline_rows(Case.objects.visible_to(request.user), today)
    page, following = page_after(rows, request.GET.get("sau"), PAGE_SIZE)
    calendar = working_calendar()
    items = [due_item(row, today, calendar) for row in page]
    return render(
        request, "web/todo.html", {"items": items, "following": following, "paged": "sau" in request.GET}
    )
