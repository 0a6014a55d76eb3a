from django.contrib import admin

from ptdv.admin_scope import ScopedAdmin, is_national_admin
from ptdv.cases.models import CalendarDay


@admin.register(CalendarDay)
class CalendarDayAdmin(ScopedAdmin):
    """The holiday calendar moves every deadline in the country: every admin reads it, only the
    national admin (`ptdv createsuperuser`) adds or changes a day; no day is deleted here — a
    mistaken day is changed, and every version stays in its history."""

    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]

    def get_queryset(self, request):
        return CalendarDay.objects.all()  # national: the same days for every unit

    def has_add_permission(self, request):
        return is_national_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_national_admin(request.user)
