"""Plans and quotas in the admin: read-only lists of the admin's subtree with their history.

They are entered, corrected and withdrawn on their own pages (/ke-hoach/), where the reasons
and versions are asked for; the admin only reads them.
"""

from django.contrib import admin

from ptdv.admin_scope import ScopedAdmin
from ptdv.plans.models import Plan, Quota


@admin.register(Plan)
class PlanAdmin(ScopedAdmin):
    list_display = ["number", "title", "unit", "starts_on", "ends_on", "target", "voided_at"]
    list_select_related = ["unit"]
    search_fields = ["number", "title"]


@admin.register(Quota)
class QuotaAdmin(ScopedAdmin):
    list_display = ["unit", "plan", "target", "voided_at"]
    list_select_related = ["unit", "plan"]
