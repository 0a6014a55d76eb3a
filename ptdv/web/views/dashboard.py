"""Trang tổng quan, the page after login: thin — the figures come from ptdv.web.dashboard."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.safestring import mark_safe

from ptdv.web import dashboard as figures


@login_required
def dashboard(request):
    # The national administrator belongs to no unit: there is no scope to sum up.
    # The kept figures were rendered, escaped, by the dashboard's own template.
    html = mark_safe(figures.figures_html(request.user)) if request.user.unit_id else None  # noqa: S308
    return render(request, "web/dashboard.html", {"figures": html})
