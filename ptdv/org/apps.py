from django.apps import AppConfig
from django.db.models.signals import post_save


class OrgConfig(AppConfig):
    name = "ptdv.org"
    label = "org"
    verbose_name = "Tổ chức đảng"

    def ready(self):
        from ptdv.org import lineage
        from ptdv.org.models import Unit

        # However a unit is added (an act, the demo, a test), it is placed in the dated tree.
        post_save.connect(lineage.placed, sender=Unit, dispatch_uid="ptdv.org.lineage.placed")
