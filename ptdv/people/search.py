"""Finding members by name or, for the roles that may see it, by citizen ID."""

from django.db.models import Q, QuerySet

from ptdv.people.names import fold
from ptdv.scope import sees_sensitive


def search_members(members: QuerySet, user, query: str) -> QuerySet:
    """Of `members` (already scoped to `user`), those whose name matches `query`, diacritics
    and case ignored, or whose citizen ID is `query` when `user` may see IDs: a viewer
    searching by an ID would otherwise learn whose ID it is."""
    folded = fold(query)
    if not folded:
        return members
    match = Q(person__search_name__contains=folded)
    if folded.isdigit() and sees_sensitive(user):
        match |= Q(person__citizen_id=folded)
    return members.filter(match)
