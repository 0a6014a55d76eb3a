import pytest
from django.test import Client

from tests.factories import World


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def client_for():
    """A logged-in test client for a user."""

    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is slow on purpose; tests that are not about passwords use a quick hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
