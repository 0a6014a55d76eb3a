from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ptdv.plans"
    label = "plans"
    verbose_name = "Kế hoạch, chỉ tiêu kết nạp đảng viên"
