"""`make run` shows the demo accounts last and plainly, and keeps them in a private file."""

import stat
from pathlib import Path

import pytest
from django.core.management import call_command

from ptdv.accounts.models import User
from ptdv.demo.management.commands.demo import DEMO_USERS
from tests.demo_loaded import demo_loaded

pytestmark = pytest.mark.django_db

MAKEFILE = Path(__file__).resolve().parent.parent / "Makefile"


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """`ptdv demo` once for the module: the accounts file and what the command printed."""
    data = tmp_path_factory.mktemp("demo-data")
    with demo_loaded(django_db_blocker, data) as out:
        yield data / "demo-accounts.txt", out


def test_demo_accounts_work_at_todays_units_after_the_2025_reorganisation(loaded):
    """A dissolved unit has no users: the demo accounts sit where the work is now."""
    users = {u.username: u for u in User.objects.select_related("unit")}
    assert set(users) == {username for username, *_ in DEMO_USERS}
    assert all(u.unit.valid_to is None and u.unit.kind != "DISTRICT" for u in users.values())
    assert {
        name: users[name].unit.name for name in ("tochuc.thainguyen", "danguy.caominh", "bithu.phyama")
    } == {
        "tochuc.thainguyen": "Đảng bộ tỉnh Thái Nguyên",
        "danguy.caominh": "Đảng bộ xã Cao Minh",
        "bithu.phyama": "Chi bộ thôn Phya Mạ",
    }
    assert users["tochuc.quangngai"].unit.code == "QN"


def test_demo_keeps_the_accounts_in_a_file_only_its_owner_reads(loaded):
    path, _out = loaded
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    for username, *_rest in DEMO_USERS:
        line = next(line for line in text.splitlines() if line.split()[:1] == [username])
        password = line.split()[1]
        assert User.objects.get(username=username).check_password(password)


def test_loading_prints_where_the_accounts_are_kept_and_the_option_prints_them(loaded, capsys, settings):
    path, out = loaded
    settings.DATA_DIR = path.parent
    text = path.read_text(encoding="utf-8")
    assert "ptdv changepassword" in text and "đặt lại" in text  # how to recover a lost password
    assert str(path) in out and DEMO_USERS[0][0] not in out  # passwords not buried in the install output
    call_command("demo", "--accounts")
    printed = capsys.readouterr().out
    assert text in printed and str(path) in printed


def test_make_run_prints_the_accounts_after_collectstatic_and_before_serving():
    recipe = MAKEFILE.read_text().split("\nrun:", 1)[1].split("\n\n", 1)[0]
    steps = [line.strip() for line in recipe.splitlines()[1:]]
    at = {
        name: next(i for i, s in enumerate(steps) if name in s)
        for name in ("collectstatic", "demo --accounts", "gunicorn")
    }
    assert at["collectstatic"] < at["demo --accounts"] < at["gunicorn"]
