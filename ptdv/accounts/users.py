"""Creating users with a random password that is shown once and never stored in clear."""

import secrets

from ptdv.accounts.models import Role, User


def create_user(
    username: str, role: str, unit, *, full_name: str = "", staff: bool = False
) -> tuple[User, str]:
    password = secrets.token_urlsafe(12)
    first, _, last = full_name.rpartition(" ")
    user = User.objects.create_user(
        username=username,
        password=password,
        role=role,
        unit=unit,
        first_name=first,
        last_name=last,
        is_staff=staff or role == Role.ADMIN,
    )
    return user, password
