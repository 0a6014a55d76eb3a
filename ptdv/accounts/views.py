"""The user's own account: the profile page and what hangs off it (password, two-factor, tokens)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def profile(request):
    """Hồ sơ tài khoản: each section is its own template under accounts/_profile_*.html."""
    return render(request, "accounts/profile.html", {})
