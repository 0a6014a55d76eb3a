from django.apps import AppConfig
from django.db.models.signals import pre_save

from ptdv import text


class PeopleConfig(AppConfig):
    name = "ptdv.people"
    label = "people"
    verbose_name = "Con người và đảng viên"

    def ready(self):
        # People's names are where untidy text hurts most; the receiver covers every ptdv model.
        pre_save.connect(text.normalise_instance, dispatch_uid="ptdv.text.normalise_instance")
