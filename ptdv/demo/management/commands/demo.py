import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from ptdv.accounts.models import Role
from ptdv.accounts.users import create_user
from ptdv.demo.build import build
from ptdv.org.models import Unit

# Today's units (after the 1/7/2025 reorganisation): a dissolved unit has no users.
DEMO_USERS = [
    ("tochuc.thainguyen", Role.ORGANIZER, "TN", "Cán bộ Ban Tổ chức Tỉnh ủy Thái Nguyên"),
    ("danguy.caominh", Role.COMMITTEE, "TN.X03", "Văn phòng Đảng ủy xã Cao Minh"),
    ("bithu.phyama", Role.BRANCH, "BK.PN.X01.T01", "Bí thư Chi bộ thôn Phya Mạ"),
    ("lanhdao.thainguyen", Role.VIEWER, "TN", "Thường trực Tỉnh ủy Thái Nguyên"),
    ("quantri", Role.ADMIN, "TN", "Quản trị hệ thống"),
    ("tochuc.quangngai", Role.ORGANIZER, "QN", "Cán bộ Ban Tổ chức Tỉnh ủy Quảng Ngãi"),
]
ACCOUNTS_FILE = "demo-accounts.txt"
RECOVERY = (
    "Quên mật khẩu: `.venv/bin/ptdv changepassword TÊN` trên máy chủ, hoặc cán bộ tổ chức / quản trị\n"
    "cấp trên đặt lại ở trang Tài khoản › Quản lý người dùng (/tai-khoan/nguoi-dung/)."
)


def accounts_file() -> Path:
    return Path(settings.DATA_DIR) / ACCOUNTS_FILE


def _write_private(path: Path, text: str) -> None:
    """Owner-only from the first byte: the file holds passwords (like the data folder)."""
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(text)


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (Pác Nặm, Đăk Tô) và tạo tài khoản mẫu khi cơ sở dữ liệu còn trống."

    def add_arguments(self, parser):
        parser.add_argument(
            "--accounts",
            action="store_true",
            help=f"Chỉ in danh sách tài khoản mẫu đã lưu trong thư mục dữ liệu ({ACCOUNTS_FILE}).",
        )

    def handle(self, **options):
        if options["accounts"]:
            self._show_accounts()
            return
        if Unit.objects.exists():
            self.stdout.write("Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.")
            return
        build()
        lines = [
            "Tài khoản mẫu PTĐV (mật khẩu ban đầu; lần đăng nhập đầu phải đổi sang mật khẩu riêng):",
            "",
        ]
        for username, role, code, name in DEMO_USERS:
            user, password = create_user(username, role, Unit.objects.get(code=code), full_name=name)
            lines.append(f"  {user.username:<18} {password}   {user.get_role_display()} — {user.unit.name}")
        _write_private(accounts_file(), "\n".join([*lines, "", RECOVERY, ""]))
        self.stdout.write(
            f"Đã nạp dữ liệu mẫu; tài khoản mẫu lưu ở {accounts_file()} (chỉ chủ máy đọc được)."
        )

    def _show_accounts(self):
        path = accounts_file()
        if not path.exists():
            return
        rule = "=" * 78
        self.stdout.write(
            f"\n{rule}\n{path.read_text(encoding='utf-8')}Danh sách này lưu ở {path}.\n{rule}\n"
        )
