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
