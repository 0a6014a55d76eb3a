import pytest
from django.test import Client

from tests.factories import World
from tests.logins import log_in


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def client_for():
    """A logged-in test client for a user (organizers and admins past two-factor login)."""

    def make(user):
        return log_in(Client(), user)

    return make


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is slow on purpose; tests that are not about passwords use a quick hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
