"""What every page shares: scoped lookups, edit rights, and turning refusals into messages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404

from ptdv.cases import derived
from ptdv.scope import ORGANIZER, can_edit


def scoped_get(request, model, pk, queryset=None):
    """The record if it is in the user's scope; 404 otherwise, as if it did not exist."""
    base = queryset if queryset is not None else model.objects
    return get_object_or_404(base.visible_to(request.user), pk=pk)


def require_editor(request) -> None:
    if not can_edit(request.user):
        raise PermissionDenied


def require_organizer(request) -> None:
    if request.user.role != ORGANIZER:
        raise PermissionDenied


def apply(request, form, action) -> bool:
    """Run `action(data)` for a valid form; put a service's refusal on the form instead.

    Services refuse with ValidationError (Vietnamese messages) before writing anything,
    so the user sees what is wrong and nothing is half-saved. One transaction holds the
    action and what it derives (a case's kept deadlines and findings, ptdv.cases.derived),
    derived once for the whole action (a merge moving hundreds of members: once per case).
    """
    if not form.is_valid():
        return False
    try:
        with transaction.atomic(), derived.deferred():
            action(form.cleaned_data)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return False
    messages.success(request, "Đã lưu.")
    return True
