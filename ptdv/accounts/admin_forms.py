"""The user forms of the admin with one "Họ và tên" field instead of Django's two.

Django splits a name into first and last name, which the Vietnamese admin labels "Tên" and
"Họ": a user named "Bí thư Chi bộ thôn Phya Mạ" was shown as "Họ: Mạ". People type and read
the name whole; ptdv.accounts.users.split_full_name keeps it in the two columns.
"""

from django import forms
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from ptdv.accounts.users import split_full_name

FULL_NAME = _("Họ và tên")


class FullNameMixin(forms.Form):
    full_name = forms.CharField(label=FULL_NAME, max_length=150, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "full_name" in self.fields:  # not on a read-only page (a past version)
            self.fields["full_name"].initial = self.instance.get_full_name()

    def clean(self):
        cleaned = super().clean()
        if "full_name" in self.fields:
            self.instance.first_name, self.instance.last_name = split_full_name(cleaned.get("full_name", ""))
        return cleaned


class UserFullNameChangeForm(FullNameMixin, UserChangeForm):
    pass


class UserFullNameCreationForm(FullNameMixin, AdminUserCreationForm):
    pass
