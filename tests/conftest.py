import pytest
from django.conf import settings as django_settings
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.factories import World
from tests.logins import log_in
from tests.province import province  # noqa: F401  (the bench's small synthetic province)

# Property tests judge behaviour, not speed: on a loaded 2-core machine (the suite runs two
# workers, browser tests beside them) generating inputs can be slow without anything being wrong.
hypothesis_settings.register_profile(
    "ptdv", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
hypothesis_settings.load_profile("ptdv")


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
