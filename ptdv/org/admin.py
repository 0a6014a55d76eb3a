from ptdv.admin_scope import ScopedAdmin, admin
from ptdv.org.models import Unit, Village


@admin.register(Unit)
class UnitAdmin(ScopedAdmin):
    list_display = ["name", "code", "kind", "branch_type", "valid_from", "valid_to"]
    list_filter = ["kind", "branch_type"]
    search_fields = ["name", "code"]

    def has_change_permission(self, request, obj=None):
        return False  # the tree changes through the dated reorganisation acts


@admin.register(Village)
class VillageAdmin(ScopedAdmin):
    list_display = ["name", "kind", "branch"]
    search_fields = ["name"]

    def has_change_permission(self, request, obj=None):
        return False
