"""Member search and pages, people's records, and recording member movements."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Count, QuerySet
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ptdv import changes, versioning
from ptdv.audit.models import ReadChannel
from ptdv.audit.reads import record_reads
from ptdv.org.models import Unit
from ptdv.people import completeness, identity, membership, record_on
from ptdv.people.choices import MemberStatus
from ptdv.people.models import PartyMember, Person
from ptdv.people.search import search_members
from ptdv.scope import can_edit, sees_sensitive
from ptdv.web import exports, forms, keyset
from ptdv.web.views.common import apply, require_editor, scoped_get


@dataclass
class MemberQuery:
    """The member list as the user's filters leave it: one builder for the page and its exports."""

    members: QuerySet  # every filter applied
    searched: QuerySet  # scope, unit, missing data and the search only: the filters count in it
    query: str
    unit: Unit | None
    status: str
    branch: str
    missing: str


def member_query(request) -> MemberQuery:
    """The user's members narrowed by `unit=` (404 outside scope), `missing=` (a field of the
    data-completeness score they lack), the search `q=`, `status=` and `branch=`."""
    query = request.GET.get("q", "")
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = scoped_get(request, Unit, int(request.GET["unit"]))
    members = PartyMember.objects.visible_to(request.user).select_related("person", "branch")
    if unit is not None:
        members = members.filter(branch__path__startswith=unit.path)
    missing = completeness.asked(request.user, request.GET.get("missing", ""))
    if missing is not None:
        members = members.filter(missing.lacking("person__"))
    searched = members = search_members(members, request.user, query)
    status = request.GET.get("status", "")
    status = status if status in MemberStatus.values else ""
    branch = request.GET.get("branch", "")
    branch = branch if branch.isdigit() else ""
    if status:
        members = members.filter(status=status)
    if branch:
        members = members.filter(branch_id=branch)
    return MemberQuery(members, searched, query, unit, status, branch, missing.key if missing else "")


@login_required
def member_list(request):
    """Members found by name or ID, narrowed by status and branch, 50 a page by key (the last
    page costs what the first does). When what the search finds is small, each choice of the
    two filters says how many members it finds among those the other filters let through;
    over a province the filters offer their choices without counting every member, and the
    branch is chosen with a searchable picker rather than a list of every branch."""
    chosen = member_query(request)
    searched, members, status, branch = chosen.searched, chosen.members, chosen.status, chosen.branch
    by_status = searched.filter(branch_id=branch) if branch else searched
    by_branch = searched.filter(status=status) if status else searched
    if keyset.count_upto(searched) <= keyset.COUNT_LIMIT:
        statuses = _counted(by_status, "status", dict(MemberStatus.choices))
        branches = [
            {"value": str(row["branch"]), "label": row["branch__name"], "count": row["n"]}
            for row in by_branch.order_by("branch__name")
            .values("branch", "branch__name")
            .annotate(n=Count("id"))
        ]
        found = sum(c["count"] for c in statuses if not status or c["value"] == status)
        picked = None
    else:
        statuses = [{"value": v, "label": label, "count": None} for v, label in MemberStatus.choices]
        branches = None  # a picker: the province has thousands of branches
        found = keyset.count_upto(members)
        picked = Unit.objects.visible_to(request.user).filter(pk=branch).first() if branch else None
    page = keyset.paginate(members, request.GET, "person__sort_key", member_key)
    template = "web/_member_rows.html" if request.headers.get("HX-Request") else "web/member_list.html"
    context = {
        "page": page,
        "q": chosen.query,
        "unit": chosen.unit,
        "missing": completeness.FIELDS.get(chosen.missing),
        "exports": exports.links(request, "web:members-export"),
        "status": status,
        "branch": branch,
        "statuses": statuses,
        "branches": branches,
        "picked": picked,
        "found": found,
        "count_limit": keyset.COUNT_LIMIT,
        "editable": can_edit(request.user),
    }
    return render(request, template, context)


def member_key(member) -> str:
    return keyset.cursor(member.person.sort_key, member.pk)


def _counted(members, field, labels) -> list[dict]:
    """The choices of `field` with how many of `members` have each, in the choices' order."""
    found = dict(members.order_by().values_list(field).annotate(n=Count("id")))
    return [{"value": v, "label": label, "count": found[v]} for v, label in labels.items() if v in found]


def _member_context(request, member, **bound):
    record_reads(request, [member.person_id], ReadChannel.PAGE)
    return {
        "member": member,
        "person": member.person,
        "sensitive": sees_sensitive(request.user),
        "editable": can_edit(request.user),
        "events": member.events.select_related("branch", "recorded_by"),
        "history": changes.versions(request.user, member.person.history, member.history),
        "event_form": bound.get("event_form") or forms.MemberEventForm(user=request.user),
        "record_form": bound.get("record_form") or forms.MemberRecordForm(instance=member),
    }


@login_required
def member_detail(request, pk):
    member = scoped_get(request, PartyMember, pk, PartyMember.objects.select_related("person", "branch"))
    return render(request, "web/member_detail.html", _member_context(request, member))


@login_required
@require_POST
def member_event(request, pk):
    member = scoped_get(request, PartyMember, pk)
    require_editor(request)
    form = forms.MemberEventForm(request.POST, user=request.user)

    def record(data):
        membership.record(
            member,
            data["kind"],
            data["date"],
            branch=data["branch"],
            decision_no=data["decision_no"],
            note=data["note"],
            by=request.user,
        )

    if apply(request, form, record):
        return redirect("web:member", pk=member.pk)
    return render(
        request, "web/member_detail.html", _member_context(request, member, event_form=form), status=400
    )


@login_required
@require_POST
def member_record(request, pk):
    """Change the numbers a member is filed by (card, dossier); a stale page writes nothing."""
    member = scoped_get(request, PartyMember, pk, PartyMember.objects.select_related("person", "branch"))
    require_editor(request)
    form = forms.MemberRecordForm(request.POST, instance=member)
    if apply(request, form, lambda data: versioning.save(form.instance, data["version"])):
        return redirect("web:member", pk=member.pk)
    member.refresh_from_db()
    return render(
        request, "web/member_detail.html", _member_context(request, member, record_form=form), status=400
    )


@login_required
def person_detail(request, pk):
    person = scoped_get(request, Person, pk, Person.objects.select_related("unit", "village"))
    member = PartyMember.objects.filter(person=person).first()
    if member is not None:
        return redirect("web:member", pk=member.pk)
    return render(request, "web/person_detail.html", _person_context(request, person))


def _person_context(request, person, admit_form=None):
    record_reads(request, [person.pk], ReadChannel.PAGE)
    return {
        "person": person,
        "sensitive": sees_sensitive(request.user),
        "editable": can_edit(request.user),
        "admit_form": admit_form or forms.AdmitForm(user=request.user),
        "history": changes.versions(request.user, person.history),
    }


@login_required
def person_edit(request, pk=None):
    """Create or change a person's record; bad input is shown back, nothing saved."""
    person = scoped_get(request, Person, pk) if pk else None
    require_editor(request)
    form = forms.PersonForm(request.POST or None, instance=person, user=request.user)

    def save(data):
        with identity.unique_citizen_id(form.instance, request.user, link=forms.person_url):
            if person is None:
                form.save()
            else:
                if data.get("correction"):
                    record_on.mark_correction(form.instance)
                versioning.save(form.instance, data["version"])

    if request.method == "POST" and apply(request, form, save):
        return redirect("web:person", pk=form.instance.pk)
    status = 400 if request.method == "POST" else 200
    if person is not None:
        record_reads(request, [person.pk], ReadChannel.PAGE)
    return render(request, "web/person_form.html", {"form": form, "person": person}, status=status)


@login_required
@require_POST
def person_admit(request, pk):
    """Record a member admitted outside a development case (e.g. loading past years)."""
    person = scoped_get(request, Person, pk)
    require_editor(request)
    form = forms.AdmitForm(request.POST, user=request.user)
    if apply(
        request,
        form,
        lambda d: membership.admit(
            person, d["branch"], d["date"], decision_no=d["decision_no"], by=request.user
        ),
    ):
        return redirect("web:person", pk=person.pk)
    return render(request, "web/person_detail.html", _person_context(request, person, form), status=400)
