"""Template helpers: Bootstrap form fields, Vietnamese number formatting, edit rights."""

from django import forms, template

from ptdv import scope
from ptdv.plans import percent

register = template.Library()

# `{% if user|can_edit %}`: a page shows an action only to the roles its view lets through,
# by the very predicate the view checks (ptdv.web.views.common.require_editor).
register.filter("can_edit", scope.can_edit)


@register.inclusion_tag("web/_field.html")
def field(bound_field):
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        css = "form-check-input"
    elif isinstance(widget, forms.Select):
        css = "form-select"
    else:
        css = "form-control"
    if bound_field.errors:
        css += " is-invalid"
    widget.attrs["class"] = css
    return {"f": bound_field, "checkbox": isinstance(widget, forms.CheckboxInput)}


@register.filter
def vn_number(value):
    """1234567 → "1.234.567" (Vietnamese thousands separator)."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return value


# The deepest `indent-N` class in ptdv/web/static/ptdv/ptdv.css.
MAX_INDENT = 12


@register.filter
def indent(depth, base=1):
    """The indent level of a tree row, a class `indent-N` of ptdv.css (no inline style: CSP);
    deeper rows than the stylesheet has classes for share its last level."""
    return min(max(int(depth) - int(base), 0), MAX_INDENT)


@register.filter
def vn_percent_of(achieved, target):
    """`{{ 425|vn_percent_of:400 }}` → "106,25%" (nothing without a target)."""
    return percent.vn_percent(percent.share(achieved, target))
