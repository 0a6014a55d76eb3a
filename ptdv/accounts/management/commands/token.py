from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ptdv.accounts.models import User
from ptdv.accounts.tokens import DEFAULT_DAYS, MAX_DAYS, create_token


class Command(BaseCommand):
    help = (
        "Tạo khóa API cho một người dùng: ptdv token TÊN [--name TÊN_GỢI_NHỚ] [--days SỐ_NGÀY]. "
        "Khóa chỉ in ra một lần; chỉ mã băm được lưu."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="tên gợi nhớ của khóa")
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS, help=f"số ngày hiệu lực, 1–{MAX_DAYS}")

    def handle(self, username, name, days, **options):
        try:
            user = User.objects.get(username=username, is_active=True)
        except User.DoesNotExist as missing:
            raise CommandError(f"Không có người dùng đang hoạt động tên {username}.") from missing
        try:
            token = create_token(user, name=name, days=days)
        except ValidationError as invalid:
            raise CommandError(invalid.messages[0]) from invalid
        self.stdout.write(token)
