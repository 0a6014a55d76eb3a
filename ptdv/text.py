"""Every piece of text a person types is normalised here, and only here.

Why
---
Names reach PTĐV from phones, old Windows keyboards (decomposed NFD Vietnamese), copied
spreadsheets (non-breaking spaces, zero-width spaces, stray control characters) and,
occasionally, from someone trying to fool a reader with right-to-left overrides. Two
spellings of one name must be one name: the name check, the duplicate check, search and
the database's unique constraints must all see the same string. So :func:`normalise`
puts text in NFC, drops control characters (Unicode Cc), format characters (Cf: bidi
overrides and isolates, zero-width characters, soft hyphens, byte-order marks) and lone
surrogates (Cs, which no database stores), collapses runs of whitespace into one space
and strips the ends. Vietnamese needs none of the dropped characters. Multi-line text
(notes, conclusions) keeps its line breaks; each line is normalised on its own.

Where it runs (one function, three doors)
-----------------------------------------
1. Forms: :class:`NormalisedForm` normalises the submitted data when the form is bound,
   so the form's and the model's validation (required, lengths, the citizen-ID check,
   uniqueness) judge the normalised text, and what is shown back is what will be saved.
2. The API: ``ptdv.api.serializers.NormalisedSerializer`` does the same with a request's
   body before the serializer's fields validate it.
3. Everything else (the admin, services, commands, the demo): :func:`normalise_instance`,
   a ``pre_save`` receiver for every model of the ``ptdv`` apps, normalises each
   ``CharField`` and ``TextField`` before the row is written. It is the backstop that
   makes the rule hold for every write, whatever door the text came through.

Every text a person types also has a length limit: a field that names none gets
:data:`LINE_MAX_LENGTH` (one line) or :data:`NOTE_MAX_LENGTH` (a multi-line note) from
:func:`limit_length`, applied by the same two doors (forms and the API), so no note can be
twenty thousand characters long.

Fields that keep their whitespace on purpose (a form field with ``strip=False``, such as
a password, and the ``password`` column) are left untouched.
"""

import unicodedata

from django import forms
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})

#: Limits for text fields that name none: a line (a name, a number, a place) and a note.
LINE_MAX_LENGTH = 200
NOTE_MAX_LENGTH = 2000
TOO_LONG = _("Tối đa %(limit_value)d ký tự (đã nhập %(show_value)d).")


def limit_length(max_length: int | None, multiline: bool) -> MaxLengthValidator | None:
    """The validator a text field without a limit of its own gets; None when it has one."""
    if max_length is not None:
        return None
    return MaxLengthValidator(NOTE_MAX_LENGTH if multiline else LINE_MAX_LENGTH, message=TOO_LONG)


def _clean_line(line: str) -> str:
    return " ".join("".join(ch for ch in line if _kept(ch)).split())


def _kept(ch: str) -> bool:
    # Tabs and other whitespace controls become spaces (then collapse) instead of vanishing,
    # so "Lò\tVăn" stays two words.
    return ch.isspace() or unicodedata.category(ch) not in _DROPPED_CATEGORIES


def normalise(text: str, *, multiline: bool = False) -> str:
    """Return *text* in NFC without invisible or control characters, spaces collapsed.

    >>> normalise("  Hoa\\u0300ng\\u200b  Văn\\u202e Bình ")
    'Hoàng Văn Bình'
    >>> normalise("dòng 1  \\r\\n\\r\\n  dòng   2\\n", multiline=True)
    'dòng 1\\n\\ndòng 2'
    """
    text = unicodedata.normalize("NFC", text)
    if not multiline:
        return _clean_line(text)
    return "\n".join(_clean_line(line) for line in text.splitlines()).strip("\n")


def _normalised_value(value, multiline: bool):
    return normalise(value, multiline=multiline) if isinstance(value, str) else value


class NormalisedForm:
    """Mixin for forms: the bound data is normalised before any field sees it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                _limit_form_field(field)
        if not self.is_bound:
            return
        data = self.data.copy()
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and not field.strip:
                continue  # passwords and other text whose spaces are meaningful
            multiline = isinstance(field.widget, forms.Textarea)
            key = self.add_prefix(name)
            if hasattr(data, "setlist"):
                data.setlist(key, [_normalised_value(v, multiline) for v in data.getlist(key)])
            elif key in data:
                data[key] = _normalised_value(data[key], multiline)
        self.data = data


def _limit_form_field(field: forms.CharField) -> None:
    validator = limit_length(field.max_length, isinstance(field.widget, forms.Textarea))
    if validator is not None:
        field.max_length = validator.limit_value
        field.validators.append(validator)
        field.widget.attrs["maxlength"] = str(validator.limit_value)


def normalise_instance(sender, instance, raw=False, **kwargs):
    """pre_save receiver: normalise the text fields of any model of the ``ptdv`` apps."""
    if raw or not sender.__module__.startswith("ptdv."):
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)) and field.name != "password":
            value = getattr(instance, field.attname)
            multiline = isinstance(field, models.TextField)
            setattr(instance, field.attname, _normalised_value(value, multiline))
