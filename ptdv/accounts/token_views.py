"""The profile's API-token section: create (the token shown once), revoke. Own tokens only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ptdv.accounts.tokens import TokenForm, create_token, revoke_token


@never_cache
@login_required
@require_POST
def create(request):
    """The token appears in this one answer (never cached) and nowhere else, ever."""
    form = TokenForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, _("Chưa tạo khóa API: %(error)s") % {"error": error})
        return redirect("accounts:profile")
    token = create_token(request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"])
    return render(
        request,
        "accounts/token_created.html",
        {"token": token, "name": form.cleaned_data["name"], "days": form.cleaned_data["days"]},
        status=201,
    )


@login_required
@require_POST
def revoke(request, key):
    if not revoke_token(request.user, key):
        raise Http404
    messages.success(request, _("Đã thu hồi khóa API %(key)s…; khóa này không dùng được nữa.") % {"key": key})
    return redirect("accounts:profile")
