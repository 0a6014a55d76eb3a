"""Người chưa là đảng viên: people in the source, in class, withdrawn or not admitted, found
by name (diacritics ignored) and filtered by the stage of their latest case."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.shortcuts import render

from ptdv.cases.models import Case
from ptdv.org.models import Unit
from ptdv.people import completeness
from ptdv.people.models import Person
from ptdv.people.search import name_matches
from ptdv.regulation import Stage
from ptdv.scope import can_edit
from ptdv.web import exports, keyset
from ptdv.web.views.common import scoped_get

PER_PAGE = 50
# The filter's value for people with no case yet (a stage code never looks like this).
NO_CASE = "none"
NO_CASE_LABEL = "Chưa có hồ sơ"
STAGE_CHOICES = [(NO_CASE, NO_CASE_LABEL)] + [(s.value, s.label) for s in Stage]


def not_members(user):
    """People in `user`'s scope with no membership, each with `stage` and `case_id` of their
    latest case in scope (None when there is none)."""
    latest = Case.objects.visible_to(user).filter(person=OuterRef("pk")).order_by("-opened_on", "-id")
    people = Person.objects.visible_to(user).filter(membership__isnull=True)
    if not _whole_tree(user):
        # Led by the units of the scope: read in name order over the whole database, a commune's
        # few dozen people were found after scanning every person of the province (0.7 s).
        people = people.filter(unit__in=Unit.objects.visible_to(user).values("pk"))
    return people.select_related("unit", "village").annotate(
        stage=Subquery(latest.values("stage")[:1]), case_id=Subquery(latest.values("id")[:1])
    )


def _whole_tree(user) -> bool:
    """Whether `user`'s scope is everything the database holds (the only root's organizer),
    where reading everyone in name order is the quickest way to a page."""
    unit = getattr(user, "unit", None)
    return (
        unit is not None and unit.depth == 1 and not Unit.objects.filter(depth=1).exclude(pk=unit.pk).exists()
    )


def stage_counts(people) -> list[dict]:
    """Each stage (and "no case") the people stand at, with how many, in the order of the path."""
    found = {row["stage"]: row["n"] for row in people.order_by().values("stage").annotate(n=Count("id"))}
    options = [(NO_CASE, NO_CASE_LABEL, found.get(None, 0))]
    options += [(s.value, s.label, found[s.value]) for s in Stage if s.value in found]
    return [{"value": v, "label": label, "count": n} for v, label, n in options]


@dataclass
class PersonQuery:
    """The person list as the user's filters leave it: one builder for the page and its exports."""

    people: QuerySet  # every filter applied
    searched: QuerySet  # before the stage filter: the stage choices count in it
    query: str
    unit: Unit | None
    stage: str
    missing: str


def person_query(request) -> PersonQuery:
    """The user's people who are not members, narrowed by `unit=` (the managing unit's
    subtree; 404 outside scope), `missing=` (a field of the data-completeness score they
    lack), the search `q=` and `stage=`."""
    query = request.GET.get("q", "")
    searched = people = not_members(request.user)
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = scoped_get(request, Unit, int(request.GET["unit"]))
        searched = people = people.filter(unit__path__startswith=unit.path)
    missing = completeness.asked(request.user, request.GET.get("missing", ""))
    if missing is not None:
        searched = people = people.filter(missing.lacking())
    if (match := name_matches(query, "pk")) is not None:
        searched = people = people.filter(match)
    stage = request.GET.get("stage", "")
    if stage == NO_CASE:
        people = people.filter(stage__isnull=True)
    elif stage in {s.value for s in Stage}:
        people = people.filter(stage=stage)
    return PersonQuery(people, searched, query, unit, stage, missing.key if missing else "")


@login_required
def person_list(request):
    """Người chưa là đảng viên, 50 a page by key; the stage filter lists how many each choice
    finds when what the search finds is small (not over a whole province)."""
    chosen = person_query(request)
    people, searched, stage = chosen.people, chosen.searched, chosen.stage
    counted = keyset.count_upto(searched)
    if counted <= keyset.COUNT_LIMIT:
        choices = stage_counts(searched)
        everyone = sum(c["count"] for c in choices)
        found = next((c["count"] for c in choices if c["value"] == stage), 0) if stage else everyone
    else:  # a province: the stages without counting every person
        choices = [{"value": v, "label": label, "count": None} for v, label in STAGE_CHOICES]
        everyone = found = counted if people is searched else keyset.count_upto(people)
    page = keyset.paginate(
        people, request.GET, "sort_key", lambda p: keyset.cursor(p.sort_key, p.pk), PER_PAGE
    )
    for person in page:
        person.stage_label = Stage(person.stage).label if person.stage else ""
    context = {
        "page": page,
        "q": chosen.query,
        "unit": chosen.unit,
        "missing": completeness.FIELDS.get(chosen.missing),
        "exports": exports.links(request, "web:people-export"),
        "stage": stage,
        "choices": choices,
        "everyone": everyone,
        "found": found,
        "count_limit": keyset.COUNT_LIMIT,
        "editable": can_edit(request.user),
    }
    return render(request, "web/person_list.html", context)
