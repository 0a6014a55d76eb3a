"""The read log page (/nhat-ky/): an admin searches who opened whose sensitive data.

Only the admin role opens it, and only the reads of users in the admin's subtree are there
(SensitiveRead.objects.visible_to). The page names the reader, the person, the channel and
the path, never the data that was read.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from ptdv.accounts.models import User
from ptdv.audit.models import SensitiveRead
from ptdv.fields import DATE_INPUT
from ptdv.people.names import fold
from ptdv.scope import ADMIN

PAGE_SIZE = 50


class ReadLogFilter(forms.Form):
    user = forms.ModelChoiceField(queryset=User.objects.none(), required=False, label="Người xem")
    person = forms.CharField(required=False, label="Người được xem (họ tên)")
    since = forms.DateField(required=False, label="Từ ngày", widget=DATE_INPUT)
    until = forms.DateField(required=False, label="Đến ngày", widget=DATE_INPUT)

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.visible_to(viewer).order_by("username")

    def filter(self, reads):
        data = self.cleaned_data
        if data["user"]:
            reads = reads.filter(user=data["user"])
        if fold(data["person"]):
            reads = reads.filter(person__search_name__contains=fold(data["person"]))
        if data["since"]:
            reads = reads.filter(at__date__gte=data["since"])
        if data["until"]:
            reads = reads.filter(at__date__lte=data["until"])
        return reads


@login_required
def read_log(request):
    if request.user.role != ADMIN:
        raise PermissionDenied
    form = ReadLogFilter(request.GET or None, viewer=request.user)
    reads = SensitiveRead.objects.visible_to(request.user).select_related("user", "person")
    if form.is_bound:
        reads = form.filter(reads) if form.is_valid() else reads.none()
    page = Paginator(reads, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "audit/read_log.html", {"form": form, "page": page, "query": query.urlencode()})
