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
