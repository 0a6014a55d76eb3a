"""Builders for the admin tests: admins of each tree, the national admin, API tokens, a holiday."""

from datetime import date

from ptdv.accounts.models import ApiToken, User
from ptdv.cases.models import CalendarDay
from ptdv.paperwork.models import FormTemplate
from ptdv.reports.models import ReviewTemplate
from tests.factories import World


class AdminWorld(World):
    """The World plus kim, admin of Kon Tum (adam's twin in the other tree), nina, the national
    admin (`ptdv createsuperuser`), an API token for alice and one for olga, one holiday, a
    review template and a replacement form template in each tree."""

    def __init__(self):
        super().__init__()
        self.kim = self.user("kim", "admin", self.kon_tum, is_staff=True)
        self.nina = User.objects.create_superuser("nina", password="x-nina")
        self.token_alice = ApiToken.objects.create(user=self.alice, name="Báo cáo Pác Nặm")[0]
        self.token_olga = ApiToken.objects.create(user=self.olga, name="Báo cáo Đăk Tô")[0]
        self.holiday = CalendarDay.objects.create(date=date(2026, 9, 1), kind="DAY_OFF", note="Nghỉ lễ")
        self.review_template_pac_nam = ReviewTemplate.objects.create(
            unit=self.pac_nam, name="Mẫu Pác Nặm", content=b""
        )
        self.review_template_dak_to = ReviewTemplate.objects.create(
            unit=self.dak_to, name="Mẫu Đăk Tô", content=b""
        )
        self.template_bac_kan = FormTemplate.objects.create(unit=self.pac_nam, form_code="6-KNĐ", content=b"")
        self.template_kon_tum = FormTemplate.objects.create(unit=self.dak_to, form_code="6-KNĐ", content=b"")

    @property
    def users(self):
        return {**super().users, "kim": self.kim, "nina": self.nina}
