"""Which saves change which cases' kept state (ptdv.cases.derived), caught where they happen.

Every writer of a fact the rules or the deadlines read ends in a ``save()`` (``versioning.save``
included), so listening here finds them all — the pages, the API, the admin, the training
app — and none can forget. Each receiver names the cases whose facts the save changed:

- a case, its events and its checklist records: that case;
- a person (birth date, education…): their cases;
- a member event, once the kept member counts follow it: the cases of that person
  (DUPLICATE_PERSON), the cases they introduce (INTRODUCER_OFFICIAL) and the cases of every
  branch they were in (BRANCH_SIZE counts the official members of the branch on the meeting date);
- a unit whose deciding body or kind changed: the cases under it (COMMITTEE_VOTE);
- a calendar day: every due date (derived.recount_deadlines).
Bulk loads send no signals and end with ``derived.rebuild()``.
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save

from ptdv.cases import derived
from ptdv.cases.deadlines import forget_calendar
from ptdv.cases.models import (
    CalendarDay,
    Case,
    CaseEvent,
    DossierDocument,
    Introduction,
    RelativeVerification,
)
from ptdv.org.models import Unit
from ptdv.people.models import MemberEvent, Person
from ptdv.people.summary_rows import member_counted


def _case(sender, instance, raw=False, **kwargs):
    if not raw:
        derived.touch([instance.pk])


def _record(sender, instance, raw=False, **kwargs):
    if not raw:
        derived.touch([instance.case_id])


def _person(sender, instance, raw=False, **kwargs):
    if not raw:
        derived.touch(Case.objects.filter(person_id=instance.pk).values_list("pk", flat=True))


def _member_counted(sender, member_id, **kwargs):
    """After a member event, once the kept member counts follow it (ptdv.people.summary_rows),
    so BRANCH_SIZE reads the new figures."""
    branches = MemberEvent.objects.filter(member_id=member_id).values("branch_id")
    derived.touch(
        Case.objects.filter(
            Q(person__membership__pk=member_id)
            | Q(introductions__introducer_id=member_id)
            | Q(branch_id__in=branches)
        ).values_list("pk", flat=True)
    )


_RULED = ("deciding_body", "kind")


def _unit_before(sender, instance, raw=False, **kwargs):
    old = Unit.objects.filter(pk=instance.pk).values(*_RULED).first() if instance.pk and not raw else None
    instance._ruled_before = old


def _unit(sender, instance, raw=False, created=False, **kwargs):
    old = getattr(instance, "_ruled_before", None)
    if raw or created or old is None or all(old[f] == getattr(instance, f) for f in _RULED):
        return
    derived.touch(Case.objects.filter(branch__path__startswith=instance.path).values_list("pk", flat=True))


def _calendar(sender, instance, raw=False, **kwargs):
    if not raw:
        forget_calendar()
        derived.recount_deadlines()


def connect() -> None:
    """Called once from CasesConfig.ready."""
    post_save.connect(_case, sender=Case, dispatch_uid="kept_case")
    for model in (CaseEvent, DossierDocument, RelativeVerification, Introduction):
        post_save.connect(_record, sender=model, dispatch_uid=f"kept_{model.__name__}")
    post_save.connect(_person, sender=Person, dispatch_uid="kept_person")
    member_counted.connect(_member_counted, dispatch_uid="kept_member_counted")
    pre_save.connect(_unit_before, sender=Unit, dispatch_uid="kept_unit_before")
    post_save.connect(_unit, sender=Unit, dispatch_uid="kept_unit")
    post_save.connect(_calendar, sender=CalendarDay, dispatch_uid="kept_calendar")
    post_delete.connect(_calendar, sender=CalendarDay, dispatch_uid="kept_calendar_delete")
