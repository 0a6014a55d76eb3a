"""Dữ liệu lịch sử: acts of a case that were done on paper, before its branch used PTĐV.

Such an act already happened, so it is recorded as a fact: the regulation's findings are
shown but block nothing. The exemption is narrow so that it cannot switch the regulation
off: only an organizer marks a case historical or records such an act, and only for acts
dated before the branch's `ptdv_since` (ptdv.org.adoption). An act dated on or after that
day is judged like any other, on a historical case too.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ptdv.org.adoption import ptdv_since
from ptdv.regulation import format_vn
from ptdv.scope import ORGANIZER


def _refuse(message: str) -> None:
    raise ValidationError({"historical": message})


def check_may_mark(branch, opened_on: date, by) -> None:
    """Refuse, on the `historical` field, a case that may not be marked historical."""
    if getattr(by, "role", None) != ORGANIZER:
        _refuse(_("Chỉ cán bộ Ban Tổ chức được đánh dấu hồ sơ là dữ liệu lịch sử."))
    since = ptdv_since(branch)
    if since is None:
        _refuse(
            _(
                "%(u)s chưa có ngày bắt đầu dùng PTĐV nên không có dữ liệu lịch sử để nhập; "
                "hãy đặt ngày này ở trang đơn vị trước."
            )
            % {"u": branch.name}
        )
    if opened_on >= since:
        _refuse(
            _(
                "Hồ sơ đưa vào nguồn ngày %(d)s, khi %(u)s đã dùng PTĐV (từ ngày %(s)s): "
                "chỉ các việc làm trên giấy trước ngày đó mới là dữ liệu lịch sử."
            )
            % {"d": format_vn(opened_on), "u": branch.name, "s": format_vn(since)}
        )


def check_may_change(case, historical: bool, by) -> None:
    """Marking needs check_may_mark; unmarking, too, is the organizer's decision."""
    if historical == case.historical:
        return
    if historical:
        check_may_mark(case.branch, case.opened_on, by)
    elif getattr(by, "role", None) != ORGANIZER:
        _refuse(_("Chỉ cán bộ Ban Tổ chức được bỏ đánh dấu dữ liệu lịch sử."))


def recorded_as_history(case, on: date, by) -> bool:
    """Whether an act of `case` dated `on`, recorded by `by`, is a paper act (not judged)."""
    if not case.historical or getattr(by, "role", None) != ORGANIZER:
        return False
    since = ptdv_since(case.branch)
    return since is not None and on < since
