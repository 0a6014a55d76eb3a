from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save

from ptdv import text


class PeopleConfig(AppConfig):
    name = "ptdv.people"
    label = "people"
    verbose_name = "Con người và đảng viên"

    def ready(self):
        from ptdv.people import completeness, summary_rows
        from ptdv.people.models import PartyMember, Person

        # People's names are where untidy text hurts most; the receiver covers every ptdv model.
        pre_save.connect(text.normalise_instance, dispatch_uid="ptdv.text.normalise_instance")
        # Member figures by category follow every edit of a person, whichever page or API made it.
        post_save.connect(summary_rows.person_saved, sender=Person, dispatch_uid="ptdv.people.summaries")
        # The data-completeness counts of the unit page follow every save of a person.
        pre_save.connect(
            completeness.person_before, sender=Person, dispatch_uid="ptdv.people.completeness.pre"
        )
        post_save.connect(completeness.person_saved, sender=Person, dispatch_uid="ptdv.people.completeness")
        post_delete.connect(
            completeness.person_deleted, sender=Person, dispatch_uid="ptdv.people.completeness.del"
        )
        post_save.connect(
            completeness.membership_started,
            sender=PartyMember,
            dispatch_uid="ptdv.people.completeness.member",
        )
