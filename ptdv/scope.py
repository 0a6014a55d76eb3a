"""The one place that decides what a user may see: their unit and its descendants.

Every scoped model names the lookup from itself to a unit's materialised path
(`scope_path`) and the roles that may see it at all (`scope_roles`). Pages, the
API, the admin, exports and search all start from `Model.objects.visible_to(user)`,
so no view can forget the filter. Out-of-scope records simply are not there:
a lookup by id gives 404, never 403, and the user never learns they exist.

Scope follows lineage: the officers of a unit formed by a merger took over the predecessors'
records, so a user's scope is their unit's subtree plus the subtrees of every unit merged
(transitively) into a unit of it (`scope_paths`).
"""

from functools import reduce
from operator import or_

from django.db import connection, models

ORGANIZER = "organizer"
COMMITTEE = "committee"
BRANCH = "branch"
VIEWER = "viewer"
ADMIN = "admin"

ALL_ROLES = frozenset({ORGANIZER, COMMITTEE, BRANCH, VIEWER, ADMIN})
# The administrator manages users and settings and has no view of personal data.
PERSONAL_DATA_ROLES = frozenset({ORGANIZER, COMMITTEE, BRANCH, VIEWER})
# Ethnicity and religion: the officers who work with the people, not read-only leaders.
SENSITIVE_ROLES = frozenset({ORGANIZER, COMMITTEE, BRANCH})
# Background verification conclusions (DOMAIN.md "Security and privacy").
VERIFICATION_ROLES = frozenset({ORGANIZER, COMMITTEE})
# Who may change records in their scope (the viewer and admin only read them).
EDITOR_ROLES = frozenset({ORGANIZER, COMMITTEE, BRANCH})

# Fields of a record that only some of the roles who see the record may read; every place that
# shows a record's fields (pages, API, change history) hides them from everyone else.
SENSITIVE_PERSON_FIELDS = ("ethnicity", "religion", "citizen_id", "home_town", "phone")
FIELD_ROLES = {
    **dict.fromkeys(SENSITIVE_PERSON_FIELDS, SENSITIVE_ROLES),
    "conclusion": VERIFICATION_ROLES,
}


def _sees_any(model, user) -> bool:
    """Whether `user` may see records of `model` at all (signed in, with a unit, in its roles)."""
    return (
        getattr(user, "is_authenticated", False)
        and bool(getattr(user, "unit_id", None))
        and user.role in model.scope_roles
    )


def restrict(queryset: models.QuerySet, user) -> models.QuerySet:
    """Narrow `queryset` to the records `user` may see; nothing for anyone else."""
    model = queryset.model
    if not _sees_any(model, user):
        return queryset.none()
    lookup = f"{model.scope_path}__startswith"
    return queryset.filter(reduce(or_, (models.Q(**{lookup: path}) for path in scope_paths(user))))


def restrict_under(queryset: models.QuerySet, user, path: str) -> models.QuerySet:
    """The records under the unit at `path` that `user` may see. When that unit lies inside
    the user's scope, everything under it does too and `path` alone is the filter: one prefix
    condition where two (scope and unit) made SQLite's planner sort a province to show 50 rows."""
    under = {f"{queryset.model.scope_path}__startswith": path}
    if _sees_any(queryset.model, user) and any(path.startswith(p) for p in scope_paths(user)):
        return queryset.filter(**under)
    return restrict(queryset, user).filter(**under)


# The paths of the units merged into a unit under a covered path, to a fixed point: one query.
MERGED_INTO_SUBTREE = """
WITH RECURSIVE covered(path) AS (
    SELECT CAST(%s AS varchar(255))
    UNION
    SELECT merged.path FROM org_unitchange AS act
    JOIN org_unit AS successor ON successor.id = act.unit_id
    JOIN org_unitchange_predecessors AS link ON link.unitchange_id = act.id
    JOIN org_unit AS merged ON merged.id = link.unit_id
    JOIN covered ON substr(successor.path, 1, length(covered.path)) = covered.path
    WHERE act.kind = 'MERGED'
)
SELECT path FROM covered
"""


def scope_paths(user) -> list[str]:
    """The tree paths whose subtrees `user` sees: their unit's and its predecessors'
    (cached on the user object, which lives one request)."""
    cached = getattr(user, "_scope_paths", None)
    if cached is None or cached[0] != user.unit.path:
        with connection.cursor() as cursor:
            cursor.execute(MERGED_INTO_SUBTREE, [user.unit.path])
            paths = sorted(row[0] for row in cursor.fetchall())
        # A path inside another one adds nothing.
        kept = [p for i, p in enumerate(paths) if not any(p.startswith(q) for q in paths[:i])]
        cached = user._scope_paths = (user.unit.path, kept)
    return cached[1]


class ScopedQuerySet(models.QuerySet):
    def visible_to(self, user) -> models.QuerySet:
        return restrict(self, user)

    def visible_under(self, user, path: str) -> models.QuerySet:
        return restrict_under(self, user, path)


def can_edit(user) -> bool:
    return getattr(user, "role", None) in EDITOR_ROLES


def sees_sensitive(user) -> bool:
    return getattr(user, "role", None) in SENSITIVE_ROLES


def sees_field(user, name: str) -> bool:
    """Whether `user` may read field `name` of a record they see (FIELD_ROLES)."""
    return name not in FIELD_ROLES or getattr(user, "role", None) in FIELD_ROLES[name]
