"""The demo, loaded once per test module (it takes seconds), and the four ways to read a report:
its page, its Excel file, the API and `ptdv report` — the seed figures are asserted from each."""

import json
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook
from rest_framework.test import APIClient

from ptdv.accounts.models import User
from ptdv.org.models import Unit
from tests.logins import log_in


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data set, committed for the module's tests and flushed after them."""
    from django.conf import settings

    data_dir, settings.DATA_DIR = settings.DATA_DIR, tmp_path_factory.mktemp("demo")
    with django_db_blocker.unblock():
        call_command("demo", stdout=StringIO())
        # The demo accounts change their password at first login; these tests are past it.
        User.objects.update(must_change_password=False)
    yield
    settings.DATA_DIR = data_dir
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


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
