"""The review as a Word document, rendered by docxtpl from an editable template.

The template sees `context(review)`: the unit's name, the period in words, the sentences, and
the rows of the progress and totals tables (see docs/reports.md for every name). A template
that cannot be rendered — not a .docx, a broken {{ }} or {% %} tag — raises `TemplateProblem`
with a Vietnamese message, never an error page.
"""

from io import BytesIO
from pathlib import Path
from zipfile import BadZipFile

from django.utils.translation import gettext as _
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from lxml.etree import XMLSyntaxError

from ptdv.plans.percent import vn_percent
from ptdv.regulation import format_vn
from ptdv.reports.models import template_for
from ptdv.reports.review import Review
from ptdv.reports.wording import count

DEFAULT_TEMPLATE = Path(__file__).parent / "templates" / "review.docx"
BROKEN = (TemplateError, BadZipFile, PackageNotFoundError, XMLSyntaxError, KeyError, ValueError, TypeError)


class TemplateProblem(Exception):
    """A review template that cannot be rendered; `message` tells the user why, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def context(review: Review) -> dict:
    p, t = review.progress, review.totals
    return {
        "unit_name": review.unit.name,
        "period": review.period,
        "start": format_vn(review.start),
        "end": format_vn(review.end),
        "sentences": review.sentences,
        "admitted": count(p.admitted),
        "farmers": count(p.among.farmers),
        "target": count(p.target) if p.target else "",
        "percent": vn_percent(p.percent) if p.percent is not None else "",
        "progress_rows": [
            {
                "name": row.unit.name,
                "admitted": row.admitted,
                "target": row.target if row.target is not None else "",
                "percent": vn_percent(row.percent) if row.percent is not None else "",
                "farmers": row.among.farmers,
                "youth_union": row.among.youth_union,
            }
            for row in p.rows
        ],
        "totals_rows": [
            {
                "name": row.unit.name,
                "total": row.count.total,
                "official": row.count.official,
                "probationary": row.count.probationary,
            }
            for row in t.rows
        ],
        "total": count(t.count.total),
    }


def render(review: Review, template: bytes | None = None) -> bytes:
    """The review's .docx from `template` (the default one when None)."""
    source = template if template is not None else DEFAULT_TEMPLATE.read_bytes()
    try:
        document = DocxTemplate(BytesIO(source))
        document.render(context(review))
        out = BytesIO()
        document.save(out)
    except BROKEN as error:
        raise TemplateProblem(
            _(
                "Mẫu báo cáo không dùng được (%(why)s). "
                "Hãy sửa mẫu hoặc tải lên mẫu khác trong trang quản trị."
            )
            % {"why": _describe(error)}
        ) from error
    return out.getvalue()


def for_unit(review: Review, unit) -> bytes:
    """The review rendered from the template that applies to `unit` (ptdv.reports.models)."""
    template = template_for(unit)
    return render(review, template.content if template is not None else None)


def _describe(error: Exception) -> str:
    if isinstance(error, TemplateError):
        line = getattr(error, "lineno", None)
        where = _(" ở dòng %(line)s") % {"line": line} if line else ""
        return _("lỗi cú pháp trong thẻ mẫu%(where)s: %(what)s") % {
            "where": where,
            "what": error.message or "",
        }
    if isinstance(error, BadZipFile | PackageNotFoundError):
        return _("tệp không phải là tài liệu Word .docx")
    return _("nội dung tệp không đọc được")
