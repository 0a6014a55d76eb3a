from django.core.management.base import BaseCommand, CommandError

from ptdv.accounts.models import Role, User
from ptdv.accounts.users import create_user
from ptdv.org.models import Unit


class Command(BaseCommand):
    help = "Tạo người dùng: ptdv createuser TÊN --role organizer --unit MÃ_ĐƠN_VỊ (in mật khẩu một lần)"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--unit", required=True, help="mã đơn vị, ví dụ BK.PN")
        parser.add_argument("--name", default="", help="họ và tên")

    def handle(self, username, role, unit, name, **options):
        if User.objects.filter(username=username).exists():
            raise CommandError(f"Tên đăng nhập {username} đã có.")
        try:
            unit_obj = Unit.objects.get(code=unit)
        except Unit.DoesNotExist as missing:
            raise CommandError(f"Không có đơn vị mã {unit}.") from missing
        user, password = create_user(username, role, unit_obj, full_name=name)
        self.stdout.write(
            f"{user.username}\t{user.get_role_display()}\t{unit_obj.name}\tmật khẩu: {password}"
        )
