"""The organisation tree, a unit's page, and the reorganisation acts on it."""

from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ptdv import changes
from ptdv.org import adoption, reorganisation, structure, villages
from ptdv.org.models import Unit, Village
from ptdv.people import completeness, summaries
from ptdv.people.models import PartyMember
from ptdv.people.names import place_key
from ptdv.plans.percent import share, vn_percent
from ptdv.scope import PERSONAL_DATA_ROLES
from ptdv.web import forms, keyset
from ptdv.web.tree import SEARCH_LIMIT, Tree, opened_tree, searched_tree
from ptdv.web.views import paperwork
from ptdv.web.views.common import apply, require_organizer, scoped_get
from ptdv.web.views.members import member_key


@login_required
def tree(request):
    """The user's unit and its children with direct and subtree member counts today, opened
    down to one unit (``?mo=<id>``, in scope), or the units a search finds (ptdv.web.tree)."""
    user_unit = request.user.unit
    query = request.GET.get("q", "").strip()
    today = timezone.localdate()
    if user_unit is None:
        shown = Tree([])
    elif query:
        shown = searched_tree(user_unit, Unit.objects.visible_to(request.user), query, today)
    else:
        opened = scoped_get(request, Unit, request.GET["mo"]) if request.GET.get("mo", "").isdigit() else None
        shown = opened_tree(user_unit, opened, today)
    context = {
        "rows": shown.rows,
        "more": shown.more,
        "limit": SEARCH_LIMIT,
        "root_depth": user_unit.depth if user_unit else 1,
        "q": query,
        "found": bool(shown.rows),
        "no_unit": user_unit is None,
    }
    return render(request, "web/tree.html", context)


@login_required
def unit_detail(request, pk):
    unit = scoped_get(request, Unit, pk)
    return render(request, "web/unit_detail.html", _unit_context(request, unit))


def _unit_context(request, unit, **bound_forms):
    today = timezone.localdate()
    children = structure.with_subtree_village_counts(
        unit, list(structure.with_village_counts(Unit.objects.get_children(unit)))
    )
    members = (
        PartyMember.objects.visible_under(request.user, unit.path)
        .current()
        .select_related("person", "branch")
    )
    page = keyset.paginate(members, request.GET, "person__sort_key", member_key)
    counts = summaries.totals_by_unit([unit, *children], today)
    return {
        "unit": unit,
        "ancestors": [
            a for a in Unit.objects.get_ancestors(unit) if a.path.startswith(request.user.unit.path)
        ],
        "children": [(c, counts[c.id]) for c in children],
        "counts": counts[unit.id],
        "villages": _village_rows(request.user, unit),
        "village_limit": VILLAGE_LIMIT,
        "page": page,
        "changes": unit.changes.select_related("old_parent", "new_parent").prefetch_related("predecessors"),
        "history": changes.versions(request.user, unit.history),
        "deciding_unit": unit.deciding_unit(),
        "ptdv_since": adoption.ptdv_since(unit),
        "is_organizer": request.user.role == "organizer",
        "forms": _reorganisation_forms(request.user, **bound_forms),
        "open_form": next(iter(bound_forms), ""),
        "completeness": _completeness(request.user, unit),
        **paperwork.unit_section(request, unit),
    }


# The groups of the data-completeness table: who they are and the list of those lacking a field.
COMPLETENESS_GROUPS = ((True, "Đảng viên", "web:members"), (False, "Người chưa là đảng viên", "web:people"))
TENTH = Decimal("0.1")


def _completeness(user, unit) -> dict | None:
    """The data-completeness score of the unit's subtree from the kept counts (one query):
    per field and group the share filled ("86,5%") and, for a role that may see who lacks
    it, a link to the list of those people. None for a role without personal data."""
    if user.role not in PERSONAL_DATA_ROLES:
        return None
    groups = completeness.of_subtree(unit)
    rows = []
    for field in completeness.FIELDS.values():
        cells = []
        for members, _label, list_url in COMPLETENESS_GROUPS:
            group = groups[members]
            lacking = group.missing(field.key)
            link = f"{reverse(list_url)}?unit={unit.pk}&missing={field.key}"
            cells.append(
                {
                    "percent": vn_percent(share(group.filled[field.key], group.people, TENTH)),
                    "missing": lacking,
                    "url": link if lacking and completeness.asked(user, field.key) else None,
                }
            )
        rows.append({"field": field, "cells": cells})
    heads = [
        {"label": label, "people": groups[members].people} for members, label, _url in COMPLETENESS_GROUPS
    ]
    return {"groups": heads, "rows": rows}


#: A unit with more villages than this (a province: thousands) lists them on its children's pages.
VILLAGE_LIMIT = 200


def _village_rows(user, unit) -> list | None:
    """(village, shares a branch, has no member) of the villages under `unit`, by branch then
    in Vietnamese alphabetical order (which no database collation gives); None when there are
    more than VILLAGE_LIMIT."""
    listed = list(
        Village.objects.visible_to(user)
        .filter(branch__path__startswith=unit.path)
        .select_related("branch")
        .order_by("branch__path", "id")[: VILLAGE_LIMIT + 1]
    )
    if len(listed) > VILLAGE_LIMIT:
        return None
    ids = [v.id for v in listed]
    shared = set(
        structure.villages_sharing_a_branch(Village.objects.filter(id__in=ids)).values_list("id", flat=True)
    )
    empty = set(
        structure.villages_without_members(Village.objects.filter(id__in=ids)).values_list("id", flat=True)
    )
    return [
        (v, v.id in shared, v.id in empty)
        for v in sorted(listed, key=lambda v: (v.branch.path, place_key(v.name)))
    ]


def _reorganisation_forms(user, **bound):
    blank = {
        "rename": forms.RenameForm(),
        "move": forms.MoveForm(user=user),
        "merge": forms.MergeForm(user=user),
        "dissolve": forms.DissolveForm(),
        "child": forms.ChildUnitForm(),
        "since": forms.PtdvSinceForm(),
        "village": forms.VillageAssignForm(user=user),
    }
    blank.update(bound)
    return blank


SCOPED_FORMS = {"move", "merge", "village"}
REORGANISATION = {
    "rename": (
        forms.RenameForm,
        lambda unit, d, by: reorganisation.rename(unit, d["name"], d["date"], by=by),
    ),
    "move": (forms.MoveForm, lambda unit, d, by: reorganisation.move(unit, d["parent"], d["date"], by=by)),
    "merge": (forms.MergeForm, lambda unit, d, by: reorganisation.merge([unit], d["into"], d["date"], by=by)),
    "dissolve": (
        forms.DissolveForm,
        lambda unit, d, by: reorganisation.dissolve(unit, d["date"], note=d["note"], by=by),
    ),
    "child": (
        forms.ChildUnitForm,
        lambda unit, d, by: reorganisation.create(
            unit,
            d["date"],
            by=by,
            name=d["name"],
            code=d["code"],
            kind=d["kind"],
            branch_type=d["branch_type"],
        ),
    ),
    "since": (
        forms.PtdvSinceForm,
        lambda unit, d, by: adoption.set_ptdv_since(unit, d["ptdv_since"], by=by),
    ),
    "village": (
        forms.VillageAssignForm,
        lambda unit, d, by: villages.assign(d["village"], d["branch"], d["date"], by=by),
    ),
}


@login_required
@require_POST
def reorganise(request, pk, act):
    """One reorganisation act on a unit (organizers only); errors re-show the unit page."""
    unit = scoped_get(request, Unit, pk)
    require_organizer(request)
    if act not in REORGANISATION:
        return redirect("web:unit", pk=unit.pk)
    form_class, action = REORGANISATION[act]
    kwargs = {"user": request.user} if act in SCOPED_FORMS else {}
    form = form_class(request.POST, **kwargs)
    if apply(request, form, lambda data: action(unit, data, request.user)):
        return redirect("web:unit", pk=unit.pk)
    context = _unit_context(request, scoped_get(request, Unit, pk), **{act: form})
    return render(request, "web/unit_detail.html", context, status=400)
