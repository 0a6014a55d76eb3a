"""Whether figures computed earlier are still current: the data generation.

The dashboard is the page every user opens first, and for a province it adds up the kept
counts of thousands of branches: too much to redo on every visit (issue 7 asks for a fifth of
a plain aggregate over the members). So it is computed once per change of the data and kept
(ptdv.web.dashboard.figures_html), stamped with the generation it was computed from.

The generation is one counter, bumped once after every transaction that saved or deleted a
record people enter (a model with history) of the apps the figures are made of (FIGURE_APPS):
the pages, the API, the admin, the import and the services all end in a save, so none can
forget. The receivers are connected model by model: a receiver for every model would make
Django fetch and signal each row of the kept tables' bulk deletes. It is bumped *after* the commit,
in its own short statement: a reader that read the old count may have computed without the
change, and the bump then makes its result stale; a reader that read the new count started
after the commit and saw the change. No lock is held inside the writers' transactions (a
counter updated inside them would queue every writer behind the others, and could deadlock
with the rows they lock).

Bulk writers send no signals: the writers of the kept case state, the rebuild of the kept
counts and the daily refresh, which every bulk load (ptdv demo, ptdv bench) and command ends
with, call `changed()`. A kept figure is also tied to its day (ptdv.web.dashboard), since the
next 30 days and the overdue move with the date.
"""

from django.apps import apps
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_migrate, post_save

# The apps whose records the dashboard and the reports count; the accounts, the read log, the
# notices, the import's jobs and the Word templates are not figures.
FIGURE_APPS = frozenset({"org", "people", "cases", "plans", "training"})


def bump() -> None:
    """The data changed: every kept figure computed before now is stale."""
    from ptdv.reports.models import DataGeneration

    if not DataGeneration.objects.filter(pk=1).update(n=F("n") + 1):
        # Its migration made the row; a database emptied since (a flushed test database) has none.
        DataGeneration.objects.get_or_create(pk=1, defaults={"n": 1})


def changed() -> None:
    """The figures' data changes in the current transaction: bump when it commits (at once
    outside one). Once per transaction, however many records it saves: the pending callbacks
    are looked at (a rolled-back savepoint drops ours with its writes, so a later save
    registers it again)."""
    if not any(callback is bump for _ids, callback, _robust in connection.run_on_commit):
        transaction.on_commit(bump)


def _changed(sender, **kwargs):
    changed()


def _migrated(sender, **kwargs):
    """A new version of PTĐV may draw the figures differently: what was kept is dropped."""
    from ptdv.reports.models import KeptDashboard

    if sender.label == "reports":
        KeptDashboard.objects.all().delete()


def connect() -> None:
    """Called once from ReportsConfig.ready."""
    for model in apps.get_models():
        if model._meta.app_label in FIGURE_APPS and hasattr(model._meta, "simple_history_manager_attribute"):
            post_save.connect(_changed, sender=model, dispatch_uid=f"figures_saved_{model._meta.label}")
            post_delete.connect(_changed, sender=model, dispatch_uid=f"figures_deleted_{model._meta.label}")
    post_migrate.connect(_migrated, dispatch_uid="figures_migrated")
