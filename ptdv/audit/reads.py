"""Writing the read log: one SensitiveRead row each time a user is shown a person's sensitive data.

Called wherever such data leaves the server (pages, API, later exports and documents), with
the people shown. Nothing is written for a role that does not see sensitive fields or
verification conclusions (a viewer, an admin): they were shown nothing to log. The path is
stored without its query string, because a query may carry a searched citizen ID and the
log must not repeat the values it protects.
"""

from django.db import connection
from django.db.models import F
from django.utils import timezone

from ptdv.audit.models import ReadChannel, SensitiveRead
from ptdv.scope import VERIFICATION_ROLES, sees_sensitive

PATH_LENGTH = SensitiveRead._meta.get_field("path").max_length


def reveals_sensitive(user) -> bool:
    return sees_sensitive(user) or getattr(user, "role", None) in VERIFICATION_ROLES


def record_reads(request, person_ids, channel: ReadChannel) -> None:
    """Log that `request.user` was shown the sensitive data of the people `person_ids`."""
    user = request.user
    if not reveals_sensitive(user):
        return
    path = request.path[:PATH_LENGTH]
    SensitiveRead.objects.bulk_create(
        SensitiveRead(user=user, person_id=pk, channel=channel, path=path) for pk in dict.fromkeys(person_ids)
    )


def record_reads_of(request, records, person_field: str, channel: ReadChannel) -> None:
    """Log the people of `records` (a queryset; `person_field` leads to the person's id) as
    shown to `request.user`: one INSERT … SELECT however many they are (an export of a
    province), each person once."""
    user = request.user
    if not reveals_sensitive(user):
        return
    people = records.order_by().annotate(read_person=F(person_field)).values("read_person").distinct()
    select, params = people.query.sql_with_params()
    table = connection.ops.quote_name(SensitiveRead._meta.db_table)
    at = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (user_id, person_id, channel, path, at) "
            f"SELECT %s, chosen.read_person, %s, %s, %s FROM ({select}) chosen",
            [user.pk, str(channel), request.path[:PATH_LENGTH], at, *params],
        )
