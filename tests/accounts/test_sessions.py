"""Sessions end after 30 idle minutes, 12 hours after login at most, and everywhere on request."""

import os
import subprocess
import sys
from datetime import timedelta

from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ptdv.accounts.sessions import LOGIN_AT, RENEWED_AT


def log_in(username):
    client = Client()
    response = client.post(reverse("login"), {"username": username, "password": f"x-{username}"})
    assert response.status_code == 302
    return client


def stored(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def expires_in(client) -> timedelta:
    return stored(client).expire_date - timezone.now()


def idle(client, minutes):
    """As if the last activity was `minutes` ago: every stored time moves back."""
    shift = timedelta(minutes=minutes)
    session = client.session
    for key in (LOGIN_AT, RENEWED_AT):
        session[key] -= shift.total_seconds()
    session.save()
    Session.objects.filter(pk=session.session_key).update(
        expire_date=timezone.now() + timedelta(minutes=30) - shift
    )


def test_a_session_ends_after_thirty_idle_minutes_and_activity_renews_it(world):
    client = log_in("carol")
    assert timedelta(minutes=29) < expires_in(client) <= timedelta(minutes=30)
    idle(client, 25)
    assert client.get("/don-vi/").status_code == 200
    assert expires_in(client) > timedelta(minutes=29)
    idle(client, 31)
    assert client.get("/don-vi/").url.startswith(reverse("login"))


def test_page_views_within_a_minute_do_not_write_the_session(world, client_for):
    client = client_for(world.alice)
    client.get("/don-vi/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/don-vi/")
    assert not [q for q in captured.captured_queries if "django_session" in q["sql"] and "UPDATE" in q["sql"]]


def set_login_age(client, hours):
    session = client.session
    session[LOGIN_AT] = (timezone.now() - timedelta(hours=hours)).timestamp()
    session.save()


def test_an_active_session_ends_twelve_hours_after_login(world):
    client = log_in("carol")
    set_login_age(client, 11.9)
    assert client.get("/don-vi/").status_code == 200
    set_login_age(client, 12.1)
    response = client.get("/don-vi/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert "quá 12 giờ" in response.content.decode()
    assert client.get("/don-vi/").status_code == 302


def test_log_out_everywhere_keeps_only_this_session(world):
    phone, office = log_in("carol"), log_in("carol")
    assert phone.post(reverse("accounts:sign-out-everywhere")).url == reverse("accounts:profile")
    assert phone.get("/don-vi/").status_code == 200
    assert office.get("/don-vi/").url.startswith(reverse("login"))
    assert "Đăng xuất khỏi mọi thiết bị khác" in phone.get(reverse("accounts:profile")).content.decode()


def test_production_cookies_are_secure_and_http_only(tmp_path):
    env = {**os.environ, "PTDV_DATA_DIR": str(tmp_path), "SECURE_COOKIES": "true", "PTDV_TESTING": ""}
    script = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'ptdv.settings'; "
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.CSRF_COOKIE_HTTPONLY, s.SESSION_COOKIE_AGE)"
    )
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "True", "True", "1800"]
