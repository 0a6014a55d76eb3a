"""Optimistic concurrency: an edit names the version it was made on; a stale edit writes nothing.

Two officers open the same record, change different fields and save. Without a check the
second save writes back the first officer's fields as they were before, and both are told
"saved". Every user-editable record therefore has a ``version`` column, and every edit goes
through :func:`save`, which first claims the row with one conditional statement::

    UPDATE … SET version = version + 1 WHERE id = %s AND version = %s

Exactly one of two simultaneous claims on the same version matches a row (PostgreSQL makes the
second wait for the first's row lock and then re-reads the version; SQLite's IMMEDIATE
transactions let one writer in at a time), so exactly one edit wins. The loser gets
:class:`StaleVersion`, a ValidationError with a Vietnamese message, and its transaction is
rolled back: nothing of it is written. The winner's row is then saved in the same
transaction through the ordinary ``Model.save()``, so history, derived fields and text
normalisation work as for any save.

A record adopts this by having a ``version = models.PositiveIntegerField(default=0)`` field and
saving its edits with ``versioning.save(record, version)``: pages keep the version in a hidden
field, the API takes it from ``If-Match`` or the body (``ptdv.api.versioning``).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

STALE_MESSAGE = _(
    "Hồ sơ vừa được người khác cập nhật; thay đổi của bạn chưa được ghi. "
    "Hãy tải lại trang, kiểm tra rồi sửa lại."
)
REQUIRED_MESSAGE = _(
    "Thiếu phiên bản của hồ sơ: hãy đọc hồ sơ trước rồi gửi kèm phiên bản "
    "(tiêu đề If-Match hoặc trường “version”)."
)


class StaleVersion(ValidationError):
    """The record changed since the version the edit was made on."""

    def __init__(self):
        super().__init__(STALE_MESSAGE, code="stale")


class VersionRequired(ValidationError):
    """An edit that does not say which version it was made on."""

    def __init__(self):
        super().__init__(REQUIRED_MESSAGE, code="version_required")


def check(record, version: int | None) -> None:
    """Refuse early an edit made on another version than the one `record` was read at, before
    any other rule is judged: a user working from a stale page is first told to reload it."""
    if version is None:
        raise VersionRequired()
    if record.version != version:
        raise StaleVersion()


@transaction.atomic
def save(record, version: int | None) -> None:
    """Save the edited `record` if it is still at `version`; raise StaleVersion otherwise."""
    if version is None:
        raise VersionRequired()
    claimed = type(record)._default_manager.filter(pk=record.pk, version=version)
    if not claimed.update(version=F("version") + 1):
        raise StaleVersion()
    record.version = version + 1
    record.save()
