"""Branch structure facts: merged branches, villages without members, few-member branches."""

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Substr

from ptdv.org.models import Unit, Village
from ptdv.people.models import PartyMember


def with_village_counts(branches):
    """Annotate branches with how many villages live in them now (≥2 = merged branch)."""
    return branches.annotate(village_count=Count("villages", distinct=True))


def with_subtree_village_counts(parent, children: list) -> list:
    """Set on each of `parent`'s children Số thôn: the villages served by any branch of its
    subtree (one grouped query over the villages under `parent`, by the child they are under).

    A commune's villages belong to its branches, never to the commune itself, so counting its
    own `villages` gives 0; a branch's subtree is the branch, so it gets its own count.
    """
    length = len(parent.path) + Unit.steplen
    counts = dict(
        Village.objects.filter(branch__path__startswith=parent.path)
        .annotate(child=Substr("branch__path", 1, length))
        .order_by()
        .values("child")
        .annotate(n=Count("id"))
        .values_list("child", "n")
    )
    for child in children:
        child.subtree_villages = counts.get(child.path, 0)
    return children


def merged_branches(units):
    """Chi bộ sinh hoạt ghép: branches that serve two or more villages."""
    return with_village_counts(units.branches()).filter(village_count__gte=2)


def villages_without_members(villages):
    """Thôn chưa có đảng viên: no current member lives there."""
    has_member = PartyMember.objects.current().filter(person__village=OuterRef("pk"))
    return villages.annotate(has_member=Exists(has_member)).filter(has_member=False)


def villages_sharing_a_branch(villages):
    """Thôn sinh hoạt chi bộ ghép: villages whose branch serves other villages too."""
    shared = Village.objects.filter(branch=OuterRef("branch")).exclude(pk=OuterRef("pk"))
    return villages.filter(Exists(shared))


def active_branches(units):
    return units.branches().filter(Q(valid_to__isnull=True))
