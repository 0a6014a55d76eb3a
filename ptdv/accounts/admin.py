"""Accounts in the admin: users of the admin's subtree, and their API tokens (revoke only)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from ptdv import versioning
from ptdv.accounts.admin_forms import FULL_NAME, UserFullNameChangeForm, UserFullNameCreationForm
from ptdv.accounts.models import ApiToken, Role, User
from ptdv.admin_scope import ScopedAdmin, is_admin
from ptdv.org.models import Unit


class VersionedUserChangeForm(UserFullNameChangeForm):
    """The account as read, with its version: a save made on an older version is refused."""

    # Not named "version": that is the model's own (non-editable) field.
    read_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["read_version"].initial = self.instance.version

    def clean_read_version(self):
        if self.cleaned_data["read_version"] != self.instance.version:
            raise forms.ValidationError(versioning.STALE_MESSAGE, code="stale")
        return self.cleaned_data["read_version"]


@admin.register(User)
class PTDVUserAdmin(ScopedAdmin, UserAdmin):
    """An admin gives any role, and a unit of their own subtree, to the users of their subtree.

    There is no superuser, staff, group or permission field: staff follows the role, and the one
    superuser comes from `ptdv createsuperuser`. On their own page an admin cannot change their
    role, unit or active flag.
    """

    add_form = UserFullNameCreationForm
    list_display = ["username", "full_name", "role", "unit", "is_active"]
    list_filter = ["role", "is_active"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit"]
    form = VersionedUserChangeForm
    fieldsets = [
        (None, {"fields": ["username", "password", "read_version"]}),
        (_("Họ tên, thư điện tử"), {"fields": ["full_name", "email"]}),
        ("PTĐV", {"fields": ["role", "unit", "is_active"]}),
        (_("Ngày"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [*UserAdmin.add_fieldsets, ("PTĐV", {"fields": ["full_name", "role", "unit"]})]
    OWN_FIELDS = ["role", "unit", "is_active"]

    @admin.display(description=FULL_NAME, ordering="last_name")
    def full_name(self, user):
        return user.get_full_name()

    def get_queryset(self, request):
        # The national admin has no unit, so scope hides them anyway; say it for any future unit.
        return super().get_queryset(request).exclude(is_superuser=True)

    def has_add_permission(self, request):
        return is_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_admin(request.user)

    def get_form(self, request, obj=None, **kwargs):
        if getattr(request, "ptdv_reading_history", False):  # a past version: nothing to save
            kwargs["form"] = forms.ModelForm
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not getattr(request, "ptdv_reading_history", False):
            return fieldsets
        return [
            (name, {**opts, "fields": [f for f in opts["fields"] if f != "read_version"]})
            for name, opts in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "last_login", "date_joined"]
        if obj is not None and obj.pk == request.user.pk:
            fields += self.OWN_FIELDS
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = Unit.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.is_staff = obj.role == Role.ADMIN
        if not change:
            obj.must_change_password = True  # the admin chose it; the user picks their own
            super().save_model(request, obj, form, change)
        else:
            versioning.save(obj, form.cleaned_data["read_version"])

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A save that lost a race with another edit (after the form's own check) writes nothing
        and says so, instead of a server error."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except versioning.StaleVersion as stale:
            self.message_user(request, stale.messages[0], messages.ERROR)
            return redirect(request.path)


@admin.register(ApiToken)
class ApiTokenAdmin(ScopedAdmin):
    """Tokens of the users in scope: who, what for, since and until when; the only act is revoking.

    Only a hash of each token is stored, and not even that is shown.
    """

    list_display = ["user", "name", "created", "expiry"]
    fields = ["user", "name", "created", "expiry"]
    readonly_fields = fields
    search_fields = ["name", "user__username"]
    list_select_related = ["user"]
    actions = ["revoke"]

    def has_revoke_permission(self, request):
        return is_admin(request.user)

    @admin.action(description=_("Thu hồi các khóa đã chọn"), permissions=["revoke"])
    def revoke(self, request, queryset):
        revoked = 0
        for token in queryset:  # one by one, so the history keeps a "deleted" version of each
            token.delete()
            revoked += 1
        self.message_user(request, _("Đã thu hồi %(n)d khóa API.") % {"n": revoked})
