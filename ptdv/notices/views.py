"""The user's own notifications (/thong-bao/): deadlines `ptdv remind` told them about."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ptdv.notices.models import Notification

PAGE_SIZE = 50


@login_required
def notification_list(request):
    notices = Notification.objects.filter(user=request.user).select_related("case")
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notices/list.html", {"page": page})


@login_required
@require_POST
def mark_read(request):
    """Mark one notification (`id` in the form) or, without an id, all of the user's as read.

    Only the user's own notifications are looked up, so another user's id answers 404.
    """
    own = Notification.objects.filter(user=request.user)
    if "id" in request.POST:
        notice_id = request.POST["id"]
        own = own.filter(pk=get_object_or_404(own, pk=notice_id if notice_id.isdigit() else None).pk)
    own.filter(read_at__isnull=True).update(read_at=timezone.now())
    return redirect("notices:list")
