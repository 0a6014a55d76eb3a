"""The admin is PTĐV's: its colours and logo, Vietnamese throughout, names shown whole."""

import re

import pytest
from django.urls import reverse

from ptdv.accounts.models import User

pytestmark = pytest.mark.django_db

# Strings Django's own Vietnamese translation lacks; each was on an admin page in English.
ENGLISH = [
    "Skip to main content",
    "Toggle theme",
    "Model name",
    "Add link",
    "Change or view list link",
    "Show counts",
    "Reset password",
    "Raw passwords are not stored",
]


def _text(response) -> str:
    return re.sub(r"<[^>]+>", " ", response.content.decode())


def test_admin_pages_show_no_english(world, client_for):
    adam = client_for(world.adam)
    for url in (
        reverse("admin:index"),
        reverse("admin:accounts_user_changelist"),
        reverse("admin:accounts_user_change", args=[world.carol.pk]),
    ):
        text = _text(adam.get(url))
        assert not [s for s in ENGLISH if s in text], url


def test_admin_is_branded_with_the_products_logo_and_colours(world, client_for):
    page = client_for(world.adam).get(reverse("admin:index")).content.decode()
    assert "ptdv/admin.css" in page and "ptdv/favicon.svg" in page
    assert "Quản trị PTĐV" in page
    assert "style=" not in page.split("<body", 1)[1].split('id="content"')[0]  # no inline style (CSP)


def test_user_list_shows_the_name_whole_in_vietnamese_order(world, client_for):
    User.objects.filter(pk=world.carol.pk).update(first_name="Bí thư Chi bộ thôn Phya", last_name="Mạ")
    page = client_for(world.adam).get(reverse("admin:accounts_user_changelist")).content.decode()
    assert "Họ và tên" in page and "Bí thư Chi bộ thôn Phya Mạ" in page
    assert ">Họ<" not in page and ">Tên<" not in page


def test_user_form_has_one_full_name_field_that_keeps_the_name_whole(world, client_for):
    adam = client_for(world.adam)
    url = reverse("admin:accounts_user_change", args=[world.carol.pk])
    fields = set(adam.get(url).context["adminform"].form.fields)
    assert "full_name" in fields and not {"first_name", "last_name"} & fields
    data = dict(username="carol", full_name="  Hoàng Thị   Mai ", role="branch", unit=world.phya_ma.pk)
    assert adam.post(url, {**data, "is_active": "on", "read_version": world.carol.version}).status_code == 302
    world.carol.refresh_from_db()
    assert world.carol.get_full_name() == "Hoàng Thị Mai" and world.carol.last_name == "Mai"
