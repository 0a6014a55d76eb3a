"""Units and villages in the admin: read-only lists of the admin's subtree.

The tree changes only through the dated reorganisation acts (ptdv.org.reorganisation), so no
admin form adds or changes a unit, and the tree fields that scope stands on are never in a form.
"""

from django.contrib import admin

from ptdv.admin_scope import ScopedAdmin
from ptdv.org.models import Unit, Village


@admin.register(Unit)
class UnitAdmin(ScopedAdmin):
    list_display = ["name", "code", "kind", "branch_type", "valid_from", "valid_to"]
    list_filter = ["kind", "branch_type"]
    search_fields = ["name", "code"]
    exclude = ["path", "depth", "numchild"]


@admin.register(Village)
class VillageAdmin(ScopedAdmin):
    list_display = ["name", "kind", "branch"]
    list_select_related = ["branch"]
    search_fields = ["name"]
