"""The Django admin is the `admin` role's tool: every list goes through the scope mechanism."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ptdv.scope import ADMIN


class AdminRoleOnly:
    """Only an active staff user with the admin role opens these pages."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff and request.user.role == ADMIN

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)


class ScopedAdmin(AdminRoleOnly, SimpleHistoryAdmin):
    def get_queryset(self, request):
        return self.model.objects.visible_to(request.user)

    def has_delete_permission(self, request, obj=None):
        return False  # nothing is hard-deleted by ordinary users


__all__ = ["AdminRoleOnly", "ScopedAdmin", "admin"]
