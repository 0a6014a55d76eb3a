"""Security headers: a strict Content-Security-Policy, the usual headers, and no caching of
personal data for an authenticated user (pages and API) while static files stay cacheable."""

import re
from pathlib import Path

import pytest
from django.test import Client

from ptdv.accounts.models import ApiToken

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parent.parent / "ptdv"


def _policy(response) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


def test_pages_carry_a_strict_content_security_policy(world, client_for):
    policy = _policy(client_for(world.alice).get("/don-vi/"))
    assert policy == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }


def test_pages_carry_the_usual_security_headers():
    response = Client().get("/dang-nhap/")
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions


@pytest.mark.parametrize("path", ["/don-vi/", "/dang-vien/", "/ho-so/", "/viec-can-lam/", "/tai-khoan/"])
def test_pages_for_an_authenticated_user_are_never_stored(world, client_for, path):
    response = client_for(world.alice).get(path)
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]


def test_member_page_is_never_stored(world, client_for):
    response = client_for(world.alice).get(f"/dang-vien/{world.m_phya_ma.pk}/")
    assert "no-store" in response.headers["Cache-Control"]


def test_api_answers_with_a_session_are_never_stored(world, client_for):
    response = client_for(world.alice).get("/api/persons/")
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]


def test_api_answers_with_a_token_are_never_stored(world):
    _, token = ApiToken.objects.create(user=world.alice)
    response = Client().get("/api/persons/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]


def test_static_files_stay_cacheable_for_a_logged_in_user(world, client_for):
    response = client_for(world.alice).get("/static/ptdv/ptdv.css")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")


INLINE = [
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"<style", re.I), "a <style> block"),
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an on* handler"),
]


def test_no_template_has_inline_scripts_styles_or_handlers():
    """The policy forbids them; a template that adds one breaks in the browser, so fail here."""
    found = [
        f"{template.relative_to(TEMPLATES)}: {what}"
        for template in TEMPLATES.rglob("templates/**/*.html")
        for pattern, what in INLINE
        if pattern.search(template.read_text())
    ]
    assert found == []
