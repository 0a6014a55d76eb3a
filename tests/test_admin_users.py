"""Accounts in the admin: no superuser from a form, staff follows the role, units of one's subtree,
and the national admin made by `ptdv createsuperuser`."""

import pytest
from django.core.management import call_command, get_commands
from django.test import Client
from django.urls import reverse

from ptdv import versioning
from ptdv.accounts import user_admin
from ptdv.accounts.models import User
from tests.admins import AdminWorld

PASSWORD = "Mat-khau-rat-dai-2026"


@pytest.fixture
def world(db):
    return AdminWorld()


def _form_fields(response):
    return set(response.context["adminform"].form.fields)


def _new_user(unit, role, **extra):
    return {
        **dict(username="hoa", usable_password="true", password1=PASSWORD, password2=PASSWORD),
        **dict(role=role, unit=unit.pk),
        **extra,
    }


def test_superuser_staff_groups_and_permissions_are_in_no_user_form(world, client_for):
    adam = client_for(world.adam)
    forms = {
        name: _form_fields(adam.get(url))
        for name, url in (
            ("add", reverse("admin:accounts_user_add")),
            ("other", reverse("admin:accounts_user_change", args=[world.alice.pk])),
            ("own", reverse("admin:accounts_user_change", args=[world.adam.pk])),
        )
    }
    assert {"role", "unit"} <= forms["add"] and {"role", "unit", "is_active"} <= forms["other"]
    assert not {"role", "unit", "is_active"} & forms["own"]
    for fields in forms.values():
        assert not {"is_superuser", "is_staff", "groups", "user_permissions"} & fields


def test_an_admin_cannot_make_anyone_superuser_and_staff_follows_the_role(world, client_for):
    adam = client_for(world.adam)
    change = reverse("admin:accounts_user_change", args=[world.alice.pk])
    promote = dict(username="alice", role="admin", unit=world.pac_nam.pk, is_active="on", is_superuser="on")
    assert adam.post(change, {**promote, "read_version": world.alice.version}).status_code == 302
    world.alice.refresh_from_db()
    assert world.alice.role == "admin" and world.alice.is_staff and not world.alice.is_superuser

    demote = dict(username="alice", role="organizer", unit=world.pac_nam.pk, is_active="on", is_staff="on")
    assert adam.post(change, {**demote, "read_version": world.alice.version}).status_code == 302
    world.alice.refresh_from_db()
    assert world.alice.role == "organizer" and not world.alice.is_staff

    created = adam.post(
        reverse("admin:accounts_user_add"), _new_user(world.pac_nam, "admin", is_superuser="on")
    )
    assert created.status_code == 302
    hoa = User.objects.get(username="hoa")
    assert hoa.is_staff and not hoa.is_superuser and hoa.must_change_password


def test_an_admin_gives_only_units_of_their_subtree(world, client_for):
    pac_nam_admin = client_for(world.user("paul", "admin", world.pac_nam, is_staff=True))
    add = reverse("admin:accounts_user_add")
    choices = _units_offered(pac_nam_admin.get(add))
    assert world.phya_ma.pk in choices and not {world.bac_kan.pk, world.thon_1.pk} & choices
    for outside in (world.bac_kan, world.thon_1):
        refused = pac_nam_admin.post(add, _new_user(outside, "organizer"))
        assert refused.status_code == 200 and "unit" in refused.context["adminform"].form.errors
    assert not User.objects.filter(username="hoa").exists()

    move = dict(username="carol", role="branch", unit=world.thon_1.pk, is_active="on")
    pac_nam_admin.post(reverse("admin:accounts_user_change", args=[world.carol.pk]), move)
    world.carol.refresh_from_db()
    assert world.carol.unit == world.phya_ma


def _units_offered(response):
    """The unit field is an autocomplete: its queryset is what the form accepts."""
    return set(response.context["adminform"].form.fields["unit"].queryset.values_list("pk", flat=True))


def test_createsuperuser_makes_the_national_admin_who_keeps_the_calendar(db, client_for, monkeypatch):
    assert get_commands()["createsuperuser"] == "ptdv.accounts"
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command("createsuperuser", "--noinput", username="quoc", email="quoc@example.vn", verbosity=0)
    quoc = User.objects.get(username="quoc")
    assert (quoc.role, quoc.unit, quoc.is_staff, quoc.is_superuser) == ("admin", None, True, True)
    client = client_for(quoc)
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:cases_calendarday_add")).status_code == 200


def test_the_national_admin_is_invisible_to_every_other_admin(world, client_for):
    adam = client_for(world.adam)
    listed = adam.get(reverse("admin:accounts_user_changelist")).context["cl"].result_list
    assert world.nina.pk not in {u.pk for u in listed}
    assert adam.get(reverse("admin:auth_user_password_change", args=[world.nina.pk])).status_code == 404


def test_the_admin_has_no_sign_in_of_its_own(world):
    """The product's login carries lockout, forced password change and two-factor; the admin's
    own login form would go around them."""
    client = Client()
    response = client.post(reverse("admin:login"), {"username": "adam", "password": "x-adam"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


def test_an_admin_edit_made_on_an_old_version_of_the_account_writes_nothing(world, client_for):
    """Two officers change one account at once: the second, made on the version both read, is told."""
    adam = client_for(world.adam)
    change = reverse("admin:accounts_user_change", args=[world.alice.pk])
    read = world.alice.version
    first = dict(
        username="alice", full_name="Lê Thị An", role="organizer", unit=world.pac_nam.pk, is_active="on"
    )
    assert adam.post(change, {**first, "read_version": read}).status_code == 302
    second = {**first, "full_name": "Lê Thị Bình", "role": "viewer", "read_version": read}
    refused = adam.post(change, second)
    assert refused.status_code == 200 and "người khác cập nhật" in refused.content.decode()
    world.alice.refresh_from_db()
    assert (world.alice.get_full_name(), world.alice.role) == ("Lê Thị An", "organizer")


def test_an_organizers_act_on_an_account_edited_meanwhile_is_refused(world, rf):
    """Disabling an account claims the version read with it; an edit in between makes it stale."""
    carol = User.objects.get(pk=world.carol.pk)  # read by the organizer's request
    User.objects.filter(pk=carol.pk).update(version=carol.version + 1)  # an admin saved meanwhile
    request = rf.post("/")
    request.user = world.alice
    carol.is_active = False
    with pytest.raises(versioning.StaleVersion):
        user_admin._save(request, carol, "Khóa tài khoản")
    assert User.objects.get(pk=carol.pk).is_active
