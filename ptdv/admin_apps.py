"""The admin app with PTĐV's site (ptdv.admin_scope.PTDVAdminSite) as `admin.site`."""

from django.contrib.admin.apps import AdminConfig


class PTDVAdminConfig(AdminConfig):
    default_site = "ptdv.admin_scope.PTDVAdminSite"

    def ready(self):
        super().ready()  # imports every app's admin.py
        from django.contrib import admin

        admin.site.keep_only_scoped_admins()
