"""Người chưa là đảng viên: people in the source, in class, withdrawn or not admitted, found
by name (diacritics ignored) and filtered by the stage of their latest case."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import render

from ptdv.cases.models import Case
from ptdv.people.models import Person
from ptdv.people.names import fold
from ptdv.regulation import Stage
from ptdv.scope import can_edit

PER_PAGE = 50
# The filter's value for people with no case yet (a stage code never looks like this).
NO_CASE = "none"


def not_members(user):
    """People in `user`'s scope with no membership, each with `stage` and `case_id` of their
    latest case in scope (None when there is none)."""
    latest = Case.objects.visible_to(user).filter(person=OuterRef("pk")).order_by("-opened_on", "-id")
    return (
        Person.objects.visible_to(user)
        .filter(membership__isnull=True)
        .select_related("unit", "village")
        .annotate(stage=Subquery(latest.values("stage")[:1]), case_id=Subquery(latest.values("id")[:1]))
    )


def stage_counts(people) -> list[dict]:
    """Each stage (and "no case") the people stand at, with how many, in the order of the path."""
    found = {row["stage"]: row["n"] for row in people.order_by().values("stage").annotate(n=Count("id"))}
    options = [(NO_CASE, "Chưa có hồ sơ", found.get(None, 0))]
    options += [(s.value, s.label, found[s.value]) for s in Stage if s.value in found]
    return [{"value": v, "label": label, "count": n} for v, label, n in options]


@login_required
def person_list(request):
    """Người chưa là đảng viên, 50 a page; the stage filter lists how many each choice finds."""
    query = request.GET.get("q", "")
    people = not_members(request.user)
    if folded := fold(query):
        people = people.filter(search_name__contains=folded)
    choices = stage_counts(people)
    stage = request.GET.get("stage", "")
    if stage == NO_CASE:
        people = people.filter(stage__isnull=True)
    elif stage in {s.value for s in Stage}:
        people = people.filter(stage=stage)
    page = Paginator(people, PER_PAGE).get_page(request.GET.get("page"))
    for person in page:
        person.stage_label = Stage(person.stage).label if person.stage else ""
    context = {
        "page": page,
        "q": query,
        "stage": stage,
        "choices": choices,
        "found": sum(c["count"] for c in choices),
        "editable": can_edit(request.user),
    }
    return render(request, "web/person_list.html", context)
