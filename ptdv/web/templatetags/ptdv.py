"""Template helpers: Bootstrap form fields and Vietnamese number formatting."""

from django import forms, template

register = template.Library()


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


@register.filter
def indent(depth, base=1):
    """CSS length for a tree row: a string, so the Vietnamese locale adds no decimal comma."""
    return f"{max(int(depth) - int(base), 0) * 1.25:g}"
