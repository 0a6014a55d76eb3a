from django.contrib.auth.admin import UserAdmin

from ptdv.accounts.models import User
from ptdv.admin_scope import ScopedAdmin, admin
from ptdv.org.models import Unit


@admin.register(User)
class PTDVUserAdmin(ScopedAdmin, UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "unit", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = [*UserAdmin.fieldsets, ("PTĐV", {"fields": ["role", "unit"]})]
    add_fieldsets = [*UserAdmin.add_fieldsets, ("PTĐV", {"fields": ["role", "unit"]})]

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = Unit.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
