from django.contrib.auth.management.commands import createsuperuser


class Command(createsuperuser.Command):
    """Django's command (prompts, --noinput with DJANGO_SUPERUSER_PASSWORD) making PTĐV's one
    kind of superuser: the national admin (ptdv.admin_scope.is_national_admin)."""

    help = (
        "Tạo quản trị viên cấp quốc gia (superuser): vai trò quản trị, không gắn đơn vị nào. "
        "Chỉ người này thêm, sửa lịch ngày nghỉ, ngày làm bù trong /quan-tri/; vì không có đơn vị, "
        "người này không thấy người dùng, đơn vị, khóa API của tỉnh nào. Quản trị viên tỉnh, huyện "
        "tạo bằng: ptdv createuser TÊN --role admin --unit MÃ_ĐƠN_VỊ. Giao diện không tạo được superuser."
    )
