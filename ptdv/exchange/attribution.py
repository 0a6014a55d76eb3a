"""Who imported: every historical version written during an import names the importing user
and the import, also for rows written by services that take no reason (membership, cases).

django-simple-history sends `pre_create_historical_record` before it saves a version; while
an import runs (in a worker, outside any request), a receiver fills in the user and the
reason the version would otherwise lack. Only the thread running the import is affected.
"""

import threading
from contextlib import contextmanager

from simple_history.signals import pre_create_historical_record

_current = threading.local()


def _attribute(sender, history_instance, **kwargs):
    acting = getattr(_current, "acting", None)
    if acting is None:
        return
    user, reason = acting
    if history_instance.history_user_id is None and user is not None:
        history_instance.history_user = user
    if reason and not history_instance.history_change_reason:
        history_instance.history_change_reason = reason


pre_create_historical_record.connect(_attribute, dispatch_uid="ptdv.exchange.attribution")


@contextmanager
def imported_by(user, reason: str):
    previous = getattr(_current, "acting", None)
    _current.acting = (user, reason)
    try:
        yield
    finally:
        _current.acting = previous
