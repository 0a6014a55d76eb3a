"""Finding members and people by name or, for the roles that may see it, by citizen ID.

A name matches when the query, diacritics and case ignored, begins at the start of one of
its words ("van dat", "Dat" and "chuc van" all find "Chúc Văn Dất"): a range over the
indexed NameWord column, so the search costs the same in a province as in a commune.
"""

from django.db.models import Q, QuerySet

from ptdv.people.models import NameWord
from ptdv.people.names import fold
from ptdv.scope import sees_sensitive

# The hex digits stop at "f": every tail that starts with a query's digits sorts below
# those digits followed by "g".
_ABOVE_HEX = "g"
TAIL_LENGTH = NameWord._meta.get_field("tail").max_length


def encode(folded: str) -> str:
    return folded.encode().hex()[:TAIL_LENGTH]


def tails(search_name: str) -> list[str]:
    """The folded name from each of its words on, encoded: what a query may begin."""
    words = search_name.split(" ")
    return list(dict.fromkeys(encode(" ".join(words[i:])) for i in range(len(words)) if words[i]))


def index_names(people) -> None:
    """Keep the NameWord rows of `people` (saved, with search_name set) equal to their names."""
    people = [p for p in people if p.pk is not None]
    NameWord.objects.filter(person__in=[p.pk for p in people]).delete()
    NameWord.objects.bulk_create(
        [NameWord(person_id=p.pk, tail=t) for p in people for t in tails(p.search_name)], batch_size=2000
    )


def name_matches(query: str, person_field: str = "person") -> Q | None:
    """A filter on the people (through `person_field`) whose name a `query` begins a word of;
    None for an empty query."""
    folded = fold(query)
    if not folded:
        return None
    start = encode(folded)
    ids = NameWord.objects.filter(tail__gte=start, tail__lt=start + _ABOVE_HEX).values("person_id")
    return Q(**{f"{person_field}__in": ids})


def search_members(members: QuerySet, user, query: str) -> QuerySet:
    """Of `members` (already scoped to `user`), those whose name matches `query`, or whose
    citizen ID is `query` when `user` may see IDs: a viewer searching by an ID would
    otherwise learn whose ID it is."""
    match = name_matches(query)
    if match is None:
        return members
    folded = fold(query)
    if folded.isdigit() and sees_sensitive(user):
        match |= Q(person__citizen_id=folded)
    return members.filter(match)
