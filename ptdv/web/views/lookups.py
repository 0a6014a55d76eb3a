"""What the searchable pickers ask while the user types (ptdv.pickers, static ptdv/pickers.js).

`GET /chon/<source>/?q=<text>[&trong=<unit id>]` answers one page of matches in the user's
scope as JSON: `{"results": [{"value": id, "text": entry, "search": entry folded}, ...]}`.
Read-only, and scoped like every page: out-of-scope records are never among the results, and
a unit id outside the scope in `trong` is 404, as for a missing one.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from ptdv.people.names import fold
from ptdv.pickers import SOURCES, within_unit

# The longest name in the records is 200 characters; anything longer finds nothing anyway.
MAX_QUERY = 200


@login_required
@require_GET
def lookup(request, source):
    if source not in SOURCES:
        raise Http404
    picker = SOURCES[source]
    within = within_unit(request.user, request.GET.get("trong"))
    records = picker.page(picker.offered(request.user, within), request.GET.get("q", "")[:MAX_QUERY])
    results = [
        {"value": pk, "text": text, "search": fold(text)} for pk, text in picker.labels(records, request.user)
    ]
    return JsonResponse({"results": results})
