"""Settings and login security: Argon2, rate-limited logins, deploy checks, no server errors."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from ptdv import settings as project_settings_module

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_with_argon2():
    # Read the settings module itself: the tests' autouse fixture swaps in a quick hasher.
    assert project_settings_module.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_repeated_wrong_passwords_lock_the_login(world, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for _ in range(3):
        client.post(reverse("login"), {"username": "alice", "password": "sai"})
    locked = client.post(reverse("login"), {"username": "alice", "password": "x-alice"})
    assert locked.status_code == 429
    assert "tạm khóa" in locked.content.decode()


def test_login_with_the_right_password_opens_the_dashboard(world):
    # A branch secretary: her role does not require two-factor login (tests/accounts/test_two_factor.py).
    client = Client()
    response = client.post(reverse("login"), {"username": "carol", "password": "x-carol"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("web:home")
    assert "Tổng quan" in response.content.decode()


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "PTDV_DATA_DIR": str(tmp_path),
        "SECRET_KEY": "k" * 60 + "-production-secret-XYZ",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "ptdv.example.vn",
        "SECURE_COOKIES": "true",
        "SECURE_SSL_REDIRECT": "true",
        "SECURE_HSTS_SECONDS": "31536000",
        "PTDV_TESTING": "",
    }
    result = subprocess.run(
        [sys.executable, "-m", "ptdv", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_secret_key_is_generated_once_into_the_data_folder(tmp_path):
    env = {**os.environ, "PTDV_DATA_DIR": str(tmp_path)}
    env.pop("SECRET_KEY", None)
    script = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'ptdv.settings'; "
        "from django.conf import settings; print(settings.SECRET_KEY)"
    )

    def run():
        command = [sys.executable, "-c", script]
        return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout

    first, second = run(), run()
    assert first == second and len(first.strip()) > 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_only_the_admin_role_uses_the_admin_and_reads_the_holiday_calendar(world, client_for):
    adam = client_for(world.adam)
    assert adam.get("/quan-tri/cases/calendarday/").status_code == 200
    users = adam.get("/quan-tri/accounts/user/").content.decode()
    assert "alice" in users and "olga" not in users
    world.alice.is_staff = True
    world.alice.save()
    assert client_for(world.alice).get("/quan-tri/cases/calendarday/").status_code in (302, 403)


def test_collectstatic_with_the_production_storage_succeeds(tmp_path):
    """`make run` collects static files with the compressed manifest storage; a missing file
    referenced by a vendored one (e.g. a source map) would stop it."""
    env = {**os.environ, "PTDV_DATA_DIR": str(tmp_path), "PTDV_TESTING": "", "DEBUG": ""}
    result = subprocess.run(
        [sys.executable, "-m", "ptdv", "collectstatic", "--noinput", "-v0"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "static" / "staticfiles.json").exists()


def test_the_server_command_of_make_run_is_accepted(tmp_path):
    """`make run` serves with gunicorn's flags from the Makefile; an unknown flag stops it."""
    recipe = next(line for line in Path("Makefile").read_text().splitlines() if "gunicorn ptdv.wsgi" in line)
    flags = recipe.split("gunicorn", 1)[1].replace("$(HOST)", "127.0.0.1").replace("$(PORT)", "8000").split()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    env = {**os.environ, "PTDV_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [str(gunicorn), *flags, "--check-config"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
