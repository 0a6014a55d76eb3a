"""Replacement form templates in the admin: an administrator uploads a .docx for a unit subtree.

The unit offered is one of the admin's own subtree; the file is refused at upload when it is not
a Word document, has a Jinja syntax error or names a variable the product does not provide, so a
unit never prints with a broken template. Uploading again for the same form and unit replaces it
(the newest wins); withdrawing returns the subtree to the template above it or the shipped one.
"""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ptdv.admin_scope import ScopedAdmin, is_admin
from ptdv.org.models import Unit
from ptdv.paperwork import catalogue
from ptdv.paperwork.models import FormTemplate
from ptdv.paperwork.rendering import FormError, check_template

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024
SHOWN = ["unit", "form_code", "file_name", "void_reason"]


class FormTemplateForm(forms.ModelForm):
    upload = forms.FileField(label=_("Tệp mẫu .docx"))

    class Meta:
        model = FormTemplate
        fields = ["unit", "form_code"]

    def clean(self):
        data = super().clean()
        upload, code = data.get("upload"), data.get("form_code")
        if upload is None or not code:
            return data
        if upload.size > MAX_TEMPLATE_BYTES:
            raise forms.ValidationError(_("Tệp mẫu lớn quá 5 MB."))
        content = upload.read()
        try:
            check_template(catalogue.find(code), content)
        except FormError as error:
            raise forms.ValidationError(str(error)) from error
        self.instance.content, self.instance.file_name = content, upload.name[:200]
        return data


@admin.register(FormTemplate)
class FormTemplateAdmin(ScopedAdmin):
    form = FormTemplateForm
    list_display = ["form_code", "unit", "file_name", "recorded_at", "recorded_by", "voided_at"]
    list_filter = ["form_code"]
    list_select_related = ["unit", "recorded_by"]
    actions = ["withdraw"]

    def get_form(self, request, obj=None, **kwargs):
        """The upload form to add one; an existing template is only shown, never edited."""
        if obj is not None:
            kwargs["form"] = forms.ModelForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return ["unit", "form_code", "upload"] if obj is None else SHOWN

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else SHOWN

    def has_add_permission(self, request):
        return is_admin(request.user) and request.user.unit_id is not None

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = Unit.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.recorded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Thu hồi mẫu đã chọn (dùng lại mẫu cấp trên hoặc mẫu có sẵn)"))
    def withdraw(self, request, queryset):
        withdrawn = 0
        for template in queryset.filter(voided_at__isnull=True):
            template.voided_at, template.voided_by = timezone.now(), request.user
            template.void_reason = _("Quản trị viên %(user)s thu hồi") % {"user": request.user.username}
            template.save()
            withdrawn += 1
        messages.success(request, _("Đã thu hồi %(n)s mẫu.") % {"n": withdrawn})
