"""Trang tổng quan, the page after login: thin — the figures come from ptdv.web.dashboard."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ptdv.web import dashboard as figures


@login_required
def dashboard(request):
    # The national administrator belongs to no unit: there is no scope to sum up.
    board = figures.build(request.user) if request.user.unit_id else None
    return render(request, "web/dashboard.html", {"board": board})
