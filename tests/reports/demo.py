"""The demo, loaded once per test module (it takes seconds), and the four ways to read a report:
its page, its Excel file, the API and `ptdv report` — the seed figures are asserted from each."""

import json
from dataclasses import dataclass
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook
from rest_framework.test import APIClient

from ptdv.accounts.models import Role, User
from ptdv.accounts.users import create_user
from ptdv.org.models import Unit
from tests.demo_loaded import demo_loaded
from tests.logins import log_in


@dataclass(frozen=True)
class Readers:
    """Who reads the reports in each world: before 2025 the district and commune officers;
    after the reorganisation today's accounts, who read the dissolved units' past."""

    viewer: str  # sees Pác Nặm
    organizer: str  # organizes Pác Nặm
    committee: str  # sees Công Bằng
    dak_to: str  # organizes Đăk Tô


BEFORE_2025 = Readers("lanhdao.pacnam", "tochuc.pacnam", "danguy.congbang", "tochuc.dakto")
AFTER_2025 = Readers("lanhdao.thainguyen", "tochuc.thainguyen", "danguy.caominh", "tochuc.quangngai")
BEFORE_2025_ACCOUNTS = [
    (BEFORE_2025.viewer, Role.VIEWER, "BK.PN"),
    (BEFORE_2025.organizer, Role.ORGANIZER, "BK.PN"),
    (BEFORE_2025.committee, Role.COMMITTEE, "BK.PN.X01"),
    (BEFORE_2025.dak_to, Role.ORGANIZER, "KT.DT"),
]


@pytest.fixture(scope="module", params=["before_2025", "after_2025"])
def demo(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo as the articles left it, then (second run) after the 1/7/2025 reorganisation:
    every figure is asserted in both worlds. Loaded once per module and world, flushed after."""
    after = request.param == "after_2025"
    with demo_loaded(django_db_blocker, tmp_path_factory.mktemp("demo"), reorganise=after):
        with django_db_blocker.unblock():
            if not after:
                for username, role, code in BEFORE_2025_ACCOUNTS:
                    create_user(username, role, Unit.objects.get(code=code), full_name=username)
            # The accounts change their password at first login; these tests are past it.
            User.objects.update(must_change_password=False)
        yield AFTER_2025 if after else BEFORE_2025


def unit_id(code: str) -> int:
    return Unit.objects.get(code=code).pk


def user(username: str) -> User:
    return User.objects.get(username=username)


def page_facts(response) -> dict[str, str]:
    """{label: value} of the page's facts list, as a person reads it."""
    from html.parser import HTMLParser

    class Facts(HTMLParser):
        def __init__(self):
            super().__init__()
            self.inside, self.cells, self.tag = False, [], None

        def handle_starttag(self, tag, attrs):
            if dict(attrs).get("id") == "report-facts":
                self.inside = True
            if self.inside and tag in ("dt", "dd"):
                self.tag = tag
                self.cells.append("")

        def handle_endtag(self, tag):
            if tag == "dl":
                self.inside = False
            if tag in ("dt", "dd"):
                self.tag = None

        def handle_data(self, data):
            if self.inside and self.tag:
                self.cells[-1] += data.strip()

    parser = Facts()
    parser.feed(response.content.decode())
    return dict(zip(parser.cells[::2], parser.cells[1::2], strict=True))


def xlsx_facts(content: bytes) -> dict[str, object]:
    """{label: value} of the Excel file's summary sheet, read back with openpyxl."""
    sheet = load_workbook(BytesIO(content))["Tổng hợp"]
    return {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0] and len(row) > 1}


def xlsx_sheet(content: bytes, title: str) -> list[tuple]:
    return list(load_workbook(BytesIO(content))[title].iter_rows(values_only=True))


def web(username: str) -> Client:
    return log_in(Client(), user(username))


def api(username: str) -> APIClient:
    return log_in(APIClient(), user(username))


def command_json(name: str, *args: str) -> dict:
    out = StringIO()
    call_command("report", name, *args, stdout=out)
    return json.loads(out.getvalue())
