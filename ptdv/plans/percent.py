"""Achievement as officials write it: "đạt 106,25% chỉ tiêu" (comma decimals, at most two)."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

HUNDREDTH = Decimal("0.01")


def share(achieved: int, target: int, quantum: Decimal = HUNDREDTH) -> Decimal | None:
    """`achieved` as a percentage of `target`, to the hundredth (or `quantum`); None without
    a target."""
    if not target:
        return None
    return (Decimal(achieved) * 100 / Decimal(target)).quantize(quantum, rounding=ROUND_HALF_UP)


def vn_percent(value: Decimal | None) -> str:
    """Decimal("106.25") → "106,25%", Decimal("102.00") → "102%", None → ""."""
    if value is None:
        return ""
    whole, _sep, fraction = f"{value:.2f}".partition(".")
    whole, fraction = f"{int(whole):,}".replace(",", "."), fraction.rstrip("0")
    return f"{whole},{fraction}%" if fraction else f"{whole}%"


def sentence(achieved: int, target: int) -> str:
    """ "đạt 106,25% chỉ tiêu", or "chưa có chỉ tiêu" when there is none."""
    value = share(achieved, target)
    if value is None:
        return _("chưa có chỉ tiêu")
    return _("đạt %(percent)s chỉ tiêu") % {"percent": vn_percent(value)}
