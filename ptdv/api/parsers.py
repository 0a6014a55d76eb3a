"""JSON bodies with a bounded nesting depth.

Python's JSON decoder recurses once per level, so a body nested a thousand levels deep
raised RecursionError (a 500). No PTĐV request nests more than a few levels; anything
deeper than MAX_DEPTH is refused as a bad request before a serializer sees it.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 32
TOO_DEEP = _("Nội dung JSON lồng nhau quá sâu (tối đa %(max)d cấp).")


def nesting_depth_exceeds(value, limit: int) -> bool:
    """Whether `value` has containers nested more than `limit` deep, walked without recursion."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children)
    return False


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as deep:
            raise ParseError(TOO_DEEP % {"max": MAX_DEPTH}) from deep
        if nesting_depth_exceeds(data, MAX_DEPTH):
            raise ParseError(TOO_DEEP % {"max": MAX_DEPTH})
        return data
