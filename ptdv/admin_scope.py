"""The Django admin (/quan-tri/) is the `admin` role's tool, closed the same way as the pages.

- Only an active user with the admin role gets in (`PTDVAdminSite.has_permission`); everyone
  else is sent to the product's own login, so the admin adds no second way to sign in.
- Every object any admin view opens — change, delete, history, a history version,
  "view on site", actions, search, autocomplete — comes from the admin's `get_queryset`, which
  for scoped models is `Model.objects.visible_to(user)`: out of scope answers like a missing id.
- History is shown, never reverted: a revert form writes past every rule of the services.
- Nothing is hard-deleted from the admin, and permissions are spelled out for everyone
  (Django's defaults would let a superuser add, change and delete anything).
- Only admins built on `ScopedAdmin` are mounted: the default admins that third-party apps
  register (groups, axes logs, OTP devices) know nothing of scope and are taken off at start-up.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from ptdv.scope import ADMIN


def is_admin(user) -> bool:
    return user.is_active and user.is_staff and getattr(user, "role", None) == ADMIN


def is_national_admin(user) -> bool:
    """The national administrator: the superuser made by `ptdv createsuperuser`, bound to no unit.

    Province and district admins are bound to a unit of the tree; what is the same for the whole
    country (the holiday calendar) is kept by this one account, which no form can create.
    """
    return is_admin(user) and user.is_superuser


class PTDVAdminSite(admin.AdminSite):
    site_header = _("Quản trị PTĐV")
    site_title = _("Quản trị PTĐV")
    index_title = _("Quản trị hệ thống")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.disable_action("delete_selected")

    def has_permission(self, request):
        return is_admin(request.user)

    def login(self, request, extra_context=None):
        """One login for the whole product (lockout, forced password change, two-factor)."""
        return redirect_to_login(request.GET.get("next", reverse("admin:index")), reverse("login"))

    def get_urls(self):
        urls = super().get_urls()
        scoped = path(
            "r/<path:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        return [scoped if getattr(u, "name", None) == "view_on_site" else u for u in urls]

    def view_on_site(self, request, content_type_id, object_id):
        """Django's shortcut looks the object up unscoped; here it must be in the admin's list."""
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except (ContentType.DoesNotExist, ValueError) as missing:
            raise Http404 from missing
        model_admin = self._registry.get(model)
        if model_admin is None or model_admin.get_object(request, unquote(object_id)) is None:
            raise Http404
        return shortcut(request, content_type_id, object_id)

    def keep_only_scoped_admins(self):
        for model, model_admin in list(self._registry.items()):
            if not isinstance(model_admin, ScopedAdmin):
                self.unregister(model)


class ScopedAdmin(SimpleHistoryAdmin):
    """Base of every admin page: scoped list, read-only history, nothing allowed unless granted."""

    def get_queryset(self, request):
        return self.model.objects.visible_to(request.user)

    def has_module_permission(self, request):
        return is_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_admin(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # records leave through their own acts (dissolve, revoke), never deleted

    def revert_disabled(self, request, obj=None):
        return True

    def has_change_history_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if getattr(request, "ptdv_reading_history", False):  # set by history_form_view
            hidden = {*readonly, *(self.exclude or ()), self.opts.pk.name}
            fields = [*self.opts.concrete_fields, *self.opts.many_to_many]
            readonly += [f.name for f in fields if f.editable and f.name not in hidden]
            # Fields the form declares beyond the model's (the user's whole name) are shown too.
            readonly += [name for name in self.form.declared_fields if name not in {*readonly, *hidden}]
        return readonly

    def history_view(self, request, object_id, extra_context=None):
        """simple-history falls back to the history of any id; only ids in the list are shown."""
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """One past version, read-only. simple-history fetches it unscoped and saves a POST."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self._has_version(obj, unquote(version_id)):
            raise Http404
        if request.method != "GET":
            raise PermissionDenied
        request.ptdv_reading_history = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _has_version(self, obj, version_id) -> bool:
        history = getattr(self.model, self.opts.simple_history_manager_attribute)
        try:
            return history.filter(**{self.opts.pk.attname: obj.pk, "history_id": version_id}).exists()
        except (ValueError, ValidationError):
            return False
