"""The export of each list ("Tải Excel", "Tải CSV"): the page's own builder of its rows, then
every row streamed (ptdv.web.exports). 404 for a format other than xlsx or csv, and, as on
the page, for a unit outside the user's scope."""

from django.contrib.auth.decorators import login_required

from ptdv.exchange.columns import KINDS
from ptdv.web import exports
from ptdv.web.views.cases import board_query
from ptdv.web.views.members import member_query
from ptdv.web.views.people import person_query
from ptdv.web.views.todo import HEADERS as TODO_HEADERS
from ptdv.web.views.todo import export_lines as todo_lines


@login_required
def members(request, fmt):
    exports.check_format(fmt)
    chosen = member_query(request).members.select_related("person__village__branch", "branch")
    ordered = chosen.order_by("person__sort_key", "id")
    return exports.kind_download(request, KINDS["members"], ordered, fmt, person_field="person_id")


@login_required
def people(request, fmt):
    exports.check_format(fmt)
    chosen = person_query(request).people.select_related("unit", "village__branch")
    ordered = chosen.order_by("sort_key", "id")
    return exports.kind_download(request, KINDS["persons"], ordered, fmt, person_field="pk")


@login_required
def board(request, fmt):
    exports.check_format(fmt)
    chosen = board_query(request).shown.select_related("person__village__branch", "branch")
    ordered = chosen.order_by("person__sort_key", "id")
    return exports.kind_download(request, KINDS["cases"], ordered, fmt, person_field="person_id")


@login_required
def todo(request, fmt):
    exports.check_format(fmt)
    return exports.download(request, "Việc cần làm", TODO_HEADERS, todo_lines(request), fmt)
