"""Done when (issue 11): the demo's records exported with `ptdv export` and imported back with
`ptdv import --dry-run` report nothing to change; imported into an empty database (units
first, then villages, persons, members) they reproduce the same member totals."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ptdv.accounts.models import User
from ptdv.org import reorganisation
from ptdv.org.models import Unit
from ptdv.people.models import PartyMember, Person
from ptdv.reports import totals
from tests.demo_loaded import demo_loaded

pytestmark = pytest.mark.django_db
ORGANIZER = "tochuc.thainguyen"
ORDER = ("units", "villages", "persons", "members")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_loaded(django_db_blocker, tmp_path_factory.mktemp("demo-data")):
        yield


def export(kind, folder, fmt="xlsx"):
    path = folder / f"{kind}.{fmt}"
    call_command("export", kind, "--unit", "TN", "--format", fmt, "--output", str(path), stderr=StringIO())
    return path


def imported(kind, path, user, *extra) -> str:
    out = StringIO()
    call_command("import", kind, str(path), "--user", user, *extra, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_demo_exported_and_imported_again_reports_nothing_to_change(demo, tmp_path, fmt):
    for kind in (*ORDER, "cases"):
        report = imported(kind, export(kind, tmp_path, fmt), ORGANIZER, "--dry-run")
        assert "Thêm mới: 0; cập nhật: 0;" in report and "có lỗi: 0." in report, (kind, report[-500:])
        assert "không ghi gì" in report


def _counts(unit_code):
    report = totals.build(Unit.objects.get(code=unit_code), timezone.localdate())
    return report.count, sorted((row.unit.name, row.count) for row in report.rows)


def test_the_demo_imported_into_an_empty_database_has_the_same_member_totals(demo, tmp_path):
    files = {kind: export(kind, tmp_path) for kind in ORDER}
    province = Unit.objects.get(code="TN")
    expected = _counts("TN")
    members = PartyMember.objects.current().filter(branch__path__startswith=province.path).count()
    call_command("flush", interactive=False, verbosity=0)  # inside the test's transaction
    assert not Person.objects.exists()
    root = reorganisation.create(None, province.valid_from, code="TN", name=province.name, kind=province.kind)
    User.objects.create(username="tochuc", role="organizer", unit=root)
    for kind in ORDER:
        report = imported(kind, files[kind], "tochuc")
        assert "Đã ghi." in report, (kind, report[-800:])
    assert PartyMember.objects.count() == members
    assert _counts("TN") == expected
