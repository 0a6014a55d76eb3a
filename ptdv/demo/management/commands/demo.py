from django.core.management.base import BaseCommand

from ptdv.accounts.models import Role
from ptdv.accounts.users import create_user
from ptdv.demo.build import build
from ptdv.org.models import Unit

DEMO_USERS = [
    ("tochuc.pacnam", Role.ORGANIZER, "BK.PN", "Cán bộ Ban Tổ chức Huyện ủy Pác Nặm"),
    ("danguy.congbang", Role.COMMITTEE, "BK.PN.X01", "Văn phòng Đảng ủy xã Công Bằng"),
    ("bithu.phyama", Role.BRANCH, "BK.PN.X01.T01", "Bí thư Chi bộ thôn Phya Mạ"),
    ("lanhdao.pacnam", Role.VIEWER, "BK.PN", "Thường trực Huyện ủy Pác Nặm"),
    ("quantri", Role.ADMIN, "BK", "Quản trị hệ thống"),
    ("tochuc.dakto", Role.ORGANIZER, "KT.DT", "Cán bộ Ban Tổ chức Huyện ủy Đăk Tô"),
]


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (Pác Nặm, Đăk Tô) và tạo tài khoản mẫu khi cơ sở dữ liệu còn trống."

    def handle(self, **options):
        if Unit.objects.exists():
            self.stdout.write("Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.")
            return
        build()
        self.stdout.write("Đã nạp dữ liệu mẫu. Tài khoản mẫu (mật khẩu chỉ hiện một lần):")
        for username, role, code, name in DEMO_USERS:
            user, password = create_user(username, role, Unit.objects.get(code=code), full_name=name)
            self.stdout.write(
                f"  {user.username:<18} {password}   {user.get_role_display()} — {user.unit.name}"
            )
