"""Walks every URL of the admin (/quan-tri/) as every role: in scope, out of scope and missing.

For GET and POST alike:
- a record outside the user's scope answers exactly like a missing id (status and redirect);
- only the admin role gets a page: other roles never get 200;
- no request by anyone changes a record they may not change (the database is compared);
- lists and autocomplete hold nothing of the other tree.
Every model registered in admin.site must be listed in MODELS, and every URL the admin serves
in MODEL_URLS or SITE_URLS: a new registration or admin view fails here until it is walked.
"""

import functools
from urllib.parse import unquote, urlencode

import pytest
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, reverse

from ptdv.accounts.models import ApiToken, User
from ptdv.admin_scope import ScopedAdmin
from ptdv.cases.models import CalendarDay
from ptdv.org.models import Unit, Village
from ptdv.paperwork.models import FormTemplate
from ptdv.plans.models import Plan, Quota
from ptdv.reports.models import ReviewTemplate
from tests.admins import AdminWorld
from tests.logins import log_in

MISSING = "987654"

# model → the World record the walk opens in each tree; None: national data, no tree.
MODELS = {
    "accounts.user": {"bac_kan": "alice", "kon_tum": "olga"},
    "accounts.apitoken": {"bac_kan": "token_alice", "kon_tum": "token_olga"},
    "org.unit": {"bac_kan": "phya_ma", "kon_tum": "thon_1"},
    "org.village": {"bac_kan": "v_phya_ma", "kon_tum": "v_thon_1"},
    "cases.calendarday": None,
    "plans.plan": {"bac_kan": "plan_pac_nam", "kon_tum": "plan_dak_to"},
    "plans.quota": {"bac_kan": "quota_cong_bang", "kon_tum": "quota_tan_canh"},
    "reports.reviewtemplate": {"bac_kan": "review_template_pac_nam", "kon_tum": "review_template_dak_to"},
    "paperwork.formtemplate": {"bac_kan": "template_bac_kan", "kon_tum": "template_kon_tum"},
}
# Every URL pattern of a model admin → the URL walked, from the record's id and history version.
MODEL_URLS = {
    "<path:object_id>/": "{id}/",
    "<path:object_id>/change/": "{id}/change/",
    "<path:object_id>/history/": "{id}/history/",
    "^([^/]+)/history/([^/]+)/$": "{id}/history/{version}/",  # simple-history's revert form
    "<path:object_id>/delete/": "{id}/delete/",
    "<id>/password/": "{id}/password/",
    "add/": "add/",
    "": "",  # the list; a POST there runs an action on the id in the body
}
OPENS = {"", "{id}/change/", "{id}/history/", "{id}/history/{version}/"}  # 200 for an admin in scope
AUTOCOMPLETE = {"app_label": "accounts", "model_name": "user", "field_name": "unit", "term": ""}
# Every site-wide admin URL (by name, or pattern when unnamed) → the path walked; None: per app,
# per record (view_on_site) or walked last (logout ends the session).
SITE_URLS = {
    "index": "",
    "app_list": None,  # one per app, below
    "login": "login/",
    "password_change": "password_change/",
    "password_change_done": "password_change/done/",
    "jsi18n": "jsi18n/",
    "autocomplete": "autocomplete/?" + urlencode(AUTOCOMPLETE),
    "(?P<url>.*)$": "khong-co-trang-nay/",
    "view_on_site": None,
    "logout": None,
}
ACTIONS = {"accounts.apitoken": "revoke"}
KINDS = {"org.unit": "PROVINCE", "org.village": "THON", "cases.calendarday": "DAY_OFF"}
USERS = ["alice", "bob", "carol", "victor", "olga", "adam", "kim", "nina"]


@pytest.fixture
def world(db):
    return AdminWorld()


def _label(model):
    return model._meta.label_lower


def test_every_admin_registration_and_url_is_in_the_walk():
    registry = admin.site._registry
    assert {_label(m) for m in registry} == set(MODELS)
    assert all(isinstance(model_admin, ScopedAdmin) for model_admin in registry.values())
    for model in registry:
        assert _served(model) <= set(MODEL_URLS)
    site = {p.name or str(p.pattern) for p in admin.site.get_urls() if not isinstance(p, URLResolver)}
    assert site == set(SITE_URLS)


def _tree(world, user):
    if user.unit_id is None:
        return None
    return "bac_kan" if user.unit.path.startswith(world.bac_kan.path) else "kon_tum"


def _records(world, model, tree):
    """(kind, record) to walk: missing, out of scope, in scope (last: a POST there may change it)."""
    trees = MODELS[_label(model)]
    if trees is None:
        return [("missing", None), ("in", world.holiday)]
    other = "kon_tum" if tree == "bac_kan" else "bac_kan"
    walked = [("missing", None), ("out", getattr(world, trees[other]))]
    return walked + ([("in", getattr(world, trees[tree]))] if tree else [])


def _post_data(world, user, model, record):
    """Everything an attacker would put in any admin form: flags, tree fields, a unit of their own."""
    unit = user.unit or world.pac_nam
    password = "Mat-khau-rat-dai-2026"
    return {
        **dict(username="ke-gian", first_name="Kẻ", last_name="Gian", email="x@example.vn"),
        **dict(role="admin", unit=unit.pk, is_active="on", is_staff="on", is_superuser="on"),
        **dict(usable_password="true", password1=password, password2=password),
        **dict(name="Đã bị sửa", code="HACK", path="0009", depth="1", numchild="0"),
        **dict(valid_from="2000-01-01", branch=unit.pk, user=user.pk, date="2030-01-02", note="Đã sửa"),
        "kind": KINDS.get(_label(model), ""),
        "action": ACTIONS.get(_label(model), "delete_selected"),
        "_selected_action": record.pk if record else MISSING,
        **dict(index="0", post="yes"),
    }


@functools.cache
def _served(model):
    return {str(p.pattern) for p in admin.site._registry[model].get_urls()}


def _model_urls(model, record):
    """Each URL of the model's admin for one record, keyed by its template."""
    base = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    pk = quote(record.pk) if record else MISSING
    version = record.history.latest().history_id if record else MISSING
    urls = {t: base + t.format(id=pk, version=version) for p, t in MODEL_URLS.items() if p in _served(model)}
    urls["view_on_site"] = reverse(
        "admin:view_on_site", args=[ContentType.objects.get_for_model(model).pk, pk]
    )
    return urls, pk


def _answer(response, url, pk):
    """Status and redirect target, with the walked id written the same way for every record."""
    location = unquote(response.get("Location", "")).replace(url, "URL").replace(f"/{pk}/", "/ID/")
    return response.status_code, location


def _protected(world, user):
    """What the user may not change from the admin: units, villages, plans and quotas (nobody
    may: they have their own pages), the calendar
    unless national, and every account and token outside an admin's subtree."""
    own = user.unit.path if user.role == "admin" and user.unit_id else None

    def outside(queryset, path):
        rows = queryset if own is None else queryset.exclude(**{f"{path}__startswith": own})
        return list(rows.order_by("pk").values())

    return {
        "units": list(Unit.objects.order_by("pk").values()),
        "villages": list(Village.objects.order_by("pk").values()),
        "plans": list(Plan.objects.order_by("pk").values()),
        "quotas": list(Quota.objects.order_by("pk").values()),
        "calendar": [] if user.is_superuser else list(CalendarDay.objects.order_by("pk").values()),
        "users": outside(User.objects.all(), "unit__path"),
        "tokens": outside(ApiToken.objects.all(), "user__unit__path"),
        "review_templates": outside(ReviewTemplate.objects.all(), "unit__path"),
        "form templates": outside(FormTemplate.objects.all(), "unit__path"),
    }


@pytest.mark.parametrize("username", USERS)
def test_admin_walk_out_of_scope_answers_like_missing_and_changes_nothing(world, username):
    user = world.users[username]
    client = log_in(Client(), user)
    is_admin, tree = user.role == "admin", _tree(world, user)
    before = _protected(world, user)

    for model in admin.site._registry:
        answers = {}
        for kind, record in _records(world, model, tree):
            urls, pk = _model_urls(model, record)
            for template, url in sorted(urls.items(), key=lambda item: item[0] == ""):
                if template == "add/" and record is not None:
                    continue  # the same URL for every record: walked once
                for method in ("get", "post"):
                    data = _post_data(world, user, model, record) if method == "post" else {}
                    response = getattr(client, method)(url, data)
                    answers[kind, template, method] = _answer(response, url, pk)
                    assert is_admin or response.status_code != 200, (url, method)
        for (kind, template, method), answer in answers.items():
            if kind == "out":
                assert answer == answers["missing", template, method], (model, template, method)
            if kind == "in" and method == "get" and template in OPENS and is_admin:
                assert answer[0] == 200, (model, template)

    apps = {f"{model._meta.app_label}/" for model in admin.site._registry}
    for path in [p for p in SITE_URLS.values() if p is not None] + sorted(apps):
        for method in ("get", "post"):
            response = getattr(client, method)(reverse("admin:index") + path)
            assert is_admin or response.status_code != 200, (path, method)
    assert client.post(reverse("admin:logout")).status_code != 200 or is_admin

    assert _protected(world, user) == before
    assert set(User.objects.filter(is_superuser=True).values_list("username", flat=True)) == {"nina"}
    assert not User.objects.filter(is_staff=True).exclude(role="admin").exists()


@pytest.mark.parametrize("username", ["adam", "kim", "nina"])
def test_admin_lists_and_autocomplete_hold_nothing_from_another_tree(world, username, client_for):
    user = world.users[username]
    client = client_for(user)
    tree = _tree(world, user)
    other = "kon_tum" if tree == "bac_kan" else "bac_kan"
    for model in admin.site._registry:
        if MODELS[_label(model)] is None:
            continue
        outside = getattr(world, MODELS[_label(model)][other])
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for query in ({}, {"q": str(outside)}):
            listed = client.get(changelist, query).context["cl"].result_list
            assert outside.pk not in {row.pk for row in listed}
    found = client.get(reverse("admin:autocomplete"), AUTOCOMPLETE).json()["results"]
    visible = {str(u.pk) for u in Unit.objects.filter(path__startswith=user.unit.path)} if tree else set()
    assert {r["id"] for r in found} == visible


def _revert_url(record, version=None):
    opts = record._meta
    version = version or record.history.latest().history_id
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[quote(record.pk), version]
    )


def _history_url(record):
    return reverse(
        f"admin:{record._meta.app_label}_{record._meta.model_name}_history", args=[quote(record.pk)]
    )


def _row(record):
    return type(record).objects.filter(pk=record.pk).values().get()


def test_probe_pac_nam_admin_cannot_see_or_revert_dak_to_unit_or_user(world, client_for):
    """The outside probe: the Pác Nặm admin renamed a Đăk Tô unit and moved its organizer."""
    paul = client_for(world.user("paul", "admin", world.pac_nam, is_staff=True))
    attack = {
        world.dak_to: {"name": "Đã đổi tên", "code": "KT.DT", "kind": "DISTRICT", "valid_from": "2000-01-01"},
        world.olga: {"username": "olga", "role": "admin", "unit": world.pac_nam.pk, "is_superuser": "on"},
    }
    for record, data in attack.items():
        before = _row(record)
        tree_moves = {"path": world.pac_nam.path + "0009", "depth": "3", "numchild": "0"}
        assert paul.post(_revert_url(record), {**data, **tree_moves}).status_code == 404
        assert paul.get(_revert_url(record)).status_code == 404
        assert paul.get(_history_url(record)).status_code == 404
        assert _row(record) == before


def test_history_versions_are_read_only_even_in_scope(world, client_for):
    adam = client_for(world.adam)
    for record, data in ((world.pac_nam, {"name": "Đã đổi tên"}), (world.alice, {"role": "admin"})):
        before = _row(record)
        full = {key: value for key, value in before.items() if value is not None}
        assert adam.post(_revert_url(record), {**full, **data}).status_code == 403
        assert _row(record) == before
        page = adam.get(_revert_url(record))
        assert page.status_code == 200 and page.context["adminform"].form.fields == {}
    # A version of another tree's record never opens under an id of one's own.
    assert adam.get(_revert_url(world.pac_nam, world.dak_to.history.latest().history_id)).status_code == 404


def test_tree_fields_are_in_no_admin_form_not_even_the_national_admins(world, client_for):
    assert client_for(world.nina).get(reverse("admin:org_unit_add")).status_code == 403
    change = client_for(world.adam).get(reverse("admin:org_unit_change", args=[world.pac_nam.pk]))
    shown = {name for fieldset in change.context["adminform"] for line in fieldset for name in line.fields}
    assert "name" in shown and not {"path", "depth", "numchild"} & shown


def test_no_admin_offers_hard_delete(world, rf):
    request = rf.get("/quan-tri/")
    request.user = world.nina  # a superuser: Django's defaults would grant her everything
    for model_admin in admin.site._registry.values():
        assert "delete_selected" not in model_admin.get_actions(request)
        assert not model_admin.has_delete_permission(request, None)


def test_an_admin_cannot_change_their_own_role_flags_unit_or_activity(world, client_for):
    adam = client_for(world.adam)
    before = _row(world.adam)
    data = {
        **dict(username="adam", full_name="Adam Smith", email=""),
        **dict(role="organizer", unit=world.pac_nam.pk, is_superuser="on", is_staff="", is_active=""),
        "read_version": world.adam.version,
    }
    response = adam.post(reverse("admin:accounts_user_change", args=[world.adam.pk]), data)
    assert response.status_code == 302
    after = _row(world.adam)
    assert {k: after[k] for k in ("role", "unit_id", "is_superuser", "is_staff", "is_active")} == {
        k: before[k] for k in ("role", "unit_id", "is_superuser", "is_staff", "is_active")
    }
    assert (after["first_name"], after["last_name"]) == ("Adam", "Smith")  # the rest of the form works
