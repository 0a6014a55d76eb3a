"""Builders for the admin tests: admins of each tree, the national admin, API tokens, a holiday."""

from datetime import date

from ptdv.accounts.models import ApiToken, User
from ptdv.cases.models import CalendarDay
from ptdv.paperwork.models import FormTemplate
from tests.factories import World


class AdminWorld(World):
    """The World plus kim, admin of Kon Tum (adam's twin in the other tree), nina, the national
    admin (`ptdv createsuperuser`), an API token for alice and one for olga, and one holiday,
    and a replacement form template in each tree."""

    def __init__(self):
        super().__init__()
        self.kim = self.user("kim", "admin", self.kon_tum, is_staff=True)
        self.nina = User.objects.create_superuser("nina", password="x-nina")
        self.token_alice = ApiToken.objects.create(user=self.alice, name="Báo cáo Pác Nặm")[0]
        self.token_olga = ApiToken.objects.create(user=self.olga, name="Báo cáo Đăk Tô")[0]
        self.holiday = CalendarDay.objects.create(date=date(2026, 9, 1), kind="DAY_OFF", note="Nghỉ lễ")
        self.template_bac_kan = FormTemplate.objects.create(unit=self.pac_nam, form_code="6-KNĐ", content=b"")
        self.template_kon_tum = FormTemplate.objects.create(unit=self.dak_to, form_code="6-KNĐ", content=b"")

    @property
    def users(self):
        return {**super().users, "kim": self.kim, "nina": self.nina}
