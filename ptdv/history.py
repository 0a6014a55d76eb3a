"""Every record has history from its creation, also when it was loaded in bulk.

django-simple-history writes a record's first version from the post_save signal, which
`bulk_create` never sends. A bulk load (the demo, an import) therefore ends with
`record_first_versions()`: one "+" version for each row that has none yet, written in
batches, dated and signed by the row's own `recorded_at`/`recorded_by` where it has them.
The models are found through simple-history's registration, so a new model with
`history = HistoricalRecords()` is covered without being listed here.
"""

from django.apps import apps

BATCH = 2000


def models_with_history() -> list:
    """Every model registered with simple-history (not the historical models themselves)."""
    return [model for model in apps.get_models() if hasattr(model._meta, "simple_history_manager_attribute")]


def history_of(model):
    """The historical model of `model` (e.g. HistoricalPerson)."""
    return getattr(model, model._meta.simple_history_manager_attribute).model


def without_history(model):
    """The rows of `model` that have no historical version at all."""
    pk = model._meta.pk.attname
    versioned = history_of(model)._default_manager.values(pk)
    return model._base_manager.exclude(**{f"{pk}__in": versioned})


def record_first_versions() -> int:
    """Write the missing first versions; returns how many were written."""
    written = 0
    for model in models_with_history():
        manager = getattr(model, model._meta.simple_history_manager_attribute)
        missing = list(without_history(model).values_list("pk", flat=True))
        for start in range(0, len(missing), BATCH):
            rows = list(model._base_manager.filter(pk__in=missing[start : start + BATCH]))
            for row in rows:
                if getattr(row, "recorded_at", None) is not None:
                    row._history_date = row.recorded_at
            manager.bulk_history_create(rows, batch_size=BATCH)
            written += len(rows)
    return written
