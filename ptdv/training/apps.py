from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "ptdv.training"
    label = "training"
    verbose_name = "Lớp bồi dưỡng nhận thức về Đảng"
