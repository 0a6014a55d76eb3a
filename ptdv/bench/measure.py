"""Timing pages as a signed-in user with Django's test client, and plain SQL beside them."""

import statistics
import time
from dataclasses import asdict, dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from ptdv.accounts import two_factor
from ptdv.bench.pages import Page


@dataclass
class Result:
    name: str
    median_ms: float
    p95_ms: float
    queries: int
    reference_ms: float

    def as_dict(self) -> dict:
        return asdict(self)


def signed_in(user) -> Client:
    """A client of `user`, past two-factor login for the roles that need it: the session
    carries a confirmed authenticator the way django-otp's login() records it."""
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    if two_factor.is_required(user):
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def address(page: Page, values: dict) -> str | None:
    """The page's URL for the measured unit, or None when its URL name does not resolve."""
    try:
        url = reverse(page.url, args=[values.get(a, a) for a in page.args])
    except NoReverseMatch:
        return None
    if page.query:
        url += "?" + "&".join(f"{k}={v.format(**values)}".replace(" ", "+") for k, v in page.query.items())
    return url


def p95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class NotAPage(Exception):
    """The address answers, but not with a page (a redirect, a refusal): nothing to time."""


def page(client: Client, url: str, runs: int, before=None) -> tuple[list[float], int]:
    """Timings of `runs` GETs after one warm-up, and the queries of the last; `before` runs
    untimed ahead of each."""
    response = client.get(url)
    if response.status_code != 200:
        raise NotAPage(f"{url} trả về {response.status_code}")
    timings = []
    for _ in range(runs):
        if before:
            before()
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
    return timings, len(queries)


def reference(statement: str, runs: int) -> float:
    """Median time of the plain SQL, rows fetched."""
    timings = []
    with connection.cursor() as cursor:
        for _ in range(runs + 1):
            start = time.perf_counter()
            cursor.execute(statement)
            cursor.fetchall()
            timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings[1:])


def measure(name: str, client: Client, url: str, statement: str, runs: int, before=None) -> Result:
    timings, queries = page(client, url, runs, before)
    return Result(
        name=name,
        median_ms=round(statistics.median(timings), 1),
        p95_ms=round(p95(timings), 1),
        queries=queries,
        reference_ms=round(reference(statement, runs), 1),
    )
