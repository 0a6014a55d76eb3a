"""Who entered a record and when, kept apart from the date of the act it records."""

from django.conf import settings
from django.db import models


class Recorded(models.Model):
    """Abstract base of appended records: `recorded_by`/`recorded_at` say who typed it and when;
    the record's own date field says when the act (meeting, decision, ceremony) happened."""

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


def acting_user(instance, request=None, **kwargs):
    """The author of a Recorded row's historical versions: the officer the service was told
    acted (`recorded_by`), also outside a request (commands, imports); else the request's user.

    Pass as `HistoricalRecords(get_user=acting_user)` on models built on Recorded.
    """
    if getattr(instance, "recorded_by_id", None) is not None:
        return instance.recorded_by
    user = getattr(request, "user", None)
    return user if getattr(user, "is_authenticated", False) else None
