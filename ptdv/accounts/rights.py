"""Who may manage whose account: organizers and admins, within their subtree, never upwards.

Roles rank organizer > committee > branch > viewer. An organizer grants those roles; the
admin also grants the admin role. Scope itself (the subtree) comes from
`User.objects.visible_to`, as everywhere else.
"""

from ptdv.scope import ADMIN, BRANCH, COMMITTEE, ORGANIZER, VIEWER

RANKED_ROLES = (ORGANIZER, COMMITTEE, BRANCH, VIEWER)
MANAGER_ROLES = frozenset({ORGANIZER, ADMIN})


def manages_accounts(user) -> bool:
    return getattr(user, "role", None) in MANAGER_ROLES


def grantable_roles(user) -> tuple[str, ...]:
    if user.role == ADMIN:
        return (ADMIN, *RANKED_ROLES)
    if user.role in RANKED_ROLES:
        return RANKED_ROLES[RANKED_ROLES.index(user.role) :]
    return ()


def may_manage(officer, target) -> bool:
    """Change `target`'s account (disable, reset): a visible user of a role the officer could grant,
    never the officer's own account (that is the profile page's job)."""
    return manages_accounts(officer) and target.pk != officer.pk and target.role in grantable_roles(officer)
