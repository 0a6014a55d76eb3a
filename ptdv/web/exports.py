"""Downloads of the lists ("Tải Excel", "Tải CSV"): the page's own rows, all of them, streamed.

A list page and its export call the same builder of the scoped, filtered queryset (e.g.
ptdv.web.views.members.member_query), so the file holds exactly what the page lists; it is not
paged: every row streams through ptdv.exchange.writing in a fixed number of queries. Members,
persons and cases are written in the sheet format that `ptdv import` reads back
(ptdv.exchange.columns.KINDS). A sensitive column (ptdv.scope.FIELD_ROLES) is in the file only
for the roles that see it on the page — left out, not blanked — and then the export is written
to the read log for every person in it (ptdv.audit.reads).
"""

from collections.abc import Iterable, Sequence

from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from ptdv.audit.models import ReadChannel
from ptdv.audit.reads import record_reads_of
from ptdv.exchange import writing
from ptdv.scope import sees_field

LABELS = {writing.XLSX: "Tải Excel", writing.CSV: "Tải CSV"}
# The page's position in the list: an export holds every row, not the page shown.
PAGING = ("after", "before", "last", "page", "sau")


def links(request, url_name: str, *args) -> list[dict]:
    """The list's export links, carrying the page's filters and search (not its paging);
    `action` is the bare address, for a button that submits the list's filter form."""
    query = request.GET.copy()
    for name in PAGING:
        query.pop(name, None)
    tail = f"?{query.urlencode()}" if query else ""
    actions = {fmt: reverse(url_name, args=[*args, fmt]) for fmt in LABELS}
    return [
        {"label": label, "action": actions[fmt], "url": actions[fmt] + tail} for fmt, label in LABELS.items()
    ]


def check_format(fmt: str) -> None:
    if fmt not in writing.FORMATS:
        raise Http404


def filename(title: str) -> str:
    return f"{title} {timezone.localdate():%d-%m-%Y}"


def download(request, title: str, headers: Sequence[str], rows: Iterable[Sequence], fmt: str):
    """Rows with no personal data beyond names (deadlines, report tables) as a file."""
    check_format(fmt)
    return writing.download(filename(title), headers, rows, fmt, sheet=title)


def kind_download(request, kind, queryset, fmt: str, *, person_field: str):
    """The records of `queryset` (scoped and filtered by the page's builder) in `kind`'s sheet
    format, without the columns the user may not read; `person_field` leads from a record to
    its person, for the read log."""
    check_format(fmt)
    user = request.user
    shown = [i for i, c in enumerate(kind.columns) if not c.sensitive or sees_field(user, c.sensitive)]
    rows = kind.rows(queryset, viewer=user)
    if len(shown) < len(kind.columns):
        rows = ([row[i] for i in shown] for row in rows)
    if any(kind.columns[i].sensitive for i in shown):
        record_reads_of(request, queryset, person_field, ReadChannel.EXPORT)
    headers = [kind.columns[i].header for i in shown]
    return writing.download(filename(kind.label), headers, rows, fmt, sheet=kind.label)
