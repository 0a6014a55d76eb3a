"""Forms of the account pages. Units and roles offered come from the officer's scope and rank."""

from django import forms
from django.contrib.auth import forms as auth_forms

from ptdv import pickers
from ptdv.accounts.models import Role, User
from ptdv.accounts.rights import grantable_roles


class UserCreateForm(forms.ModelForm):
    """A new account in the officer's subtree, with a role no higher than the officer's."""

    full_name = forms.CharField(label="Họ và tên", max_length=150)

    class Meta:
        model = User
        fields = ["username", "full_name", "email", "role", "unit"]
        labels = {"username": "Tên đăng nhập", "email": "Thư điện tử (không bắt buộc)"}
        help_texts = {"username": "Chữ, số và . _ - ; ví dụ tochuc.pacnam"}

    def __init__(self, *args, officer, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = grantable_roles(officer)
        self.fields["role"].choices = [(v, label) for v, label in Role.choices if v in allowed]
        self.fields["role"].label = "Vai trò"
        self.fields["unit"] = pickers.PickerField(pickers.UNITS, officer, label="Đơn vị")


class ChosenPasswordMixin:
    """The user has now chosen their own password: the forced change is over."""

    def save(self, commit=True):
        self.user.must_change_password = False
        self.user._change_reason = "Người dùng tự đặt mật khẩu"
        return super().save(commit=commit)


class PasswordChangeForm(ChosenPasswordMixin, auth_forms.PasswordChangeForm):
    pass


class SetPasswordForm(ChosenPasswordMixin, auth_forms.SetPasswordForm):
    pass
