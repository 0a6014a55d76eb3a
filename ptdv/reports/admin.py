"""Review templates in the admin: an administrator uploads a .docx that replaces the default
review document for their unit's subtree, or stops using one (never deleted; history kept).

An upload is rendered once with sample figures before it is saved, so a broken template is
refused on the form with the reason, in Vietnamese, instead of failing later.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ptdv.admin_scope import ScopedAdmin, is_admin
from ptdv.org.models import Unit
from ptdv.reports import review_document, samples
from ptdv.reports.models import ReviewTemplate

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


class ReviewTemplateForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Tệp mẫu (.docx)"),
        required=False,
        help_text=_("Mẫu Word dùng thẻ docxtpl; các tên dùng được xem ở tài liệu docs/reports.md."),
    )

    class Meta:
        model = ReviewTemplate
        fields = ["unit", "name", "active"]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None:
            if self.instance.pk is None:
                raise forms.ValidationError(_("Hãy chọn tệp mẫu .docx."))
            return None
        if upload.size > MAX_TEMPLATE_BYTES:
            raise forms.ValidationError(_("Tệp mẫu quá lớn (tối đa 5 MB)."))
        content = upload.read()
        try:
            review_document.render(samples.review(), content)
        except review_document.TemplateProblem as problem:
            raise forms.ValidationError(problem.message) from problem
        return content

    def save(self, commit=True):
        if self.cleaned_data.get("upload") is not None:
            self.instance.content = self.cleaned_data["upload"]
        return super().save(commit)


@admin.register(ReviewTemplate)
class ReviewTemplateAdmin(ScopedAdmin):
    form = ReviewTemplateForm
    list_display = ["name", "unit", "active", "recorded_at", "recorded_by"]
    list_select_related = ["unit", "recorded_by"]

    @admin.display(description=_("Tệp mẫu (.docx)"))
    def upload(self, obj):
        """A past version's file is not kept in history (only who changed what, and when)."""
        return _("tệp Word, %(size)s byte") % {"size": len(obj.content or b"")}

    def has_add_permission(self, request):
        return is_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_admin(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = Unit.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
