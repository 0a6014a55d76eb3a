"""Every text field a person types has a length limit, by the page and the API alike, and long
words wrap on pages instead of widening them."""

from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from rest_framework import serializers
from rest_framework.test import APIClient

from ptdv.api.serializers import NormalisedSerializer
from ptdv.people.models import MemberEvent
from ptdv.text import LINE_MAX_LENGTH, NOTE_MAX_LENGTH, NormalisedForm

pytestmark = pytest.mark.django_db


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _event(note):
    return {"kind": "DIED", "date": "2024-01-01", "branch": "", "decision_no": "", "note": note}


def test_a_note_longer_than_2000_characters_is_refused_by_the_page_and_the_api(world, client_for):
    member = world.m_phya_ma
    before = MemberEvent.objects.count()
    page = client_for(world.alice).post(f"/dang-vien/{member.pk}/su-kien/", _event("x" * 20_000))
    assert page.status_code == 400 and "Tối đa 2000 ký tự" in page.content.decode()
    data = {**_event("x" * (NOTE_MAX_LENGTH + 1)), "branch": None}
    api = _api(world.alice).post(f"/api/members/{member.pk}/events/", data, format="json")
    assert api.status_code == 400 and "Tối đa 2000 ký tự" in str(api.json())
    assert MemberEvent.objects.count() == before


def test_a_note_of_2000_characters_is_kept(world, client_for):
    page = client_for(world.alice).post(
        f"/dang-vien/{world.m_phya_ma.pk}/su-kien/", _event("x" * NOTE_MAX_LENGTH)
    )
    assert page.status_code == 302


class _Free(NormalisedForm, forms.Form):
    title = forms.CharField()
    note = forms.CharField(widget=forms.Textarea)


class _FreeSerializer(NormalisedSerializer):
    title = serializers.CharField()
    note = serializers.CharField(style={"base_template": "textarea.html"})


def test_a_text_field_without_a_limit_of_its_own_gets_one_in_forms_and_the_api():
    too_long = {"title": "y" * (LINE_MAX_LENGTH + 1), "note": "x" * (NOTE_MAX_LENGTH + 1)}
    form = _Free(data=too_long)
    assert not form.is_valid() and set(form.errors) == {"title", "note"}
    assert 'maxlength="200"' in str(form["title"]) and 'maxlength="2000"' in str(form["note"])
    serializer = _FreeSerializer(data=too_long)
    assert not serializer.is_valid() and set(serializer.errors) == {"title", "note"}
    at_limit = {"title": "y" * LINE_MAX_LENGTH, "note": "x" * NOTE_MAX_LENGTH}
    assert _Free(data=at_limit).is_valid() and _FreeSerializer(data=at_limit).is_valid()


def test_long_words_wrap_on_pages():
    css = Path(settings.BASE_DIR, "web", "static", "ptdv", "ptdv.css").read_text()
    assert "body { overflow-wrap: anywhere; }" in css
