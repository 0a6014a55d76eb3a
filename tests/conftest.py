import pytest
from django.conf import settings as django_settings
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


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """SQLite tests run on a file, as in production, not on Django's shared in-memory database.

    The shared in-memory database locks whole tables and answers a second writer with
    "database table is locked" at once, without the busy timeout; the race tests
    (tests/test_races.py) need SQLite's real behaviour: WAL, IMMEDIATE transactions, waiting.
    """
    database = django_settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")


def pytest_collection_modifyitems(items):
    """Tests on committed data (`transaction=True`) list the installed apps, which makes the
    flush after each TRUNCATE … CASCADE: on PostgreSQL a plain TRUNCATE is refused because
    knox's own token table (swapped out for accounts.ApiToken, so not in Django's flush list)
    still references the users table."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and "available_apps" not in marker.kwargs:
            apps = list(django_settings.INSTALLED_APPS)
            item.add_marker(pytest.mark.django_db(*marker.args, **marker.kwargs, available_apps=apps))
