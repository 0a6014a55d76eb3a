"""Cases with a branch resolution on a chosen date, to put deadlines past or ahead."""

from datetime import date

from ptdv.cases.models import Case, CaseEvent
from tests.factories import case

# A resolution this old has its decision overdue; one dated today has not.
LONG_AGO = date(2025, 2, 3)


def resolved(world, full_name, on):
    """A Phya Mạ case whose branch resolution is dated `on`: its decision falls due some
    working days later."""
    opened = case(world.phya_ma, full_name, by=world.carol)
    CaseEvent.objects.create(case=opened, stage="BRANCH_RESOLVED", date=on)
    Case.objects.filter(pk=opened.pk).update(stage="BRANCH_RESOLVED")
    return opened
