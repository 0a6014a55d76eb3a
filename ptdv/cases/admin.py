from ptdv.admin_scope import AdminRoleOnly, admin
from ptdv.cases.models import CalendarDay


@admin.register(CalendarDay)
class CalendarDayAdmin(AdminRoleOnly, admin.ModelAdmin):
    """The holiday calendar is national, not scoped: the administrator keeps the swapped days."""

    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)
