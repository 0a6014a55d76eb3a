"""Filling a form: the template to use (a unit's replacement or the shipped one) and docxtpl.

A template an administrator uploads can be anything: not a .docx, a Jinja syntax error, a
variable the product does not provide. Each becomes a FormError with a Vietnamese message that
names the form and the template's unit, so the page shows what to fix instead of a server error.
"""

import io
import zipfile

import jinja2
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate

from ptdv.org.models import Unit
from ptdv.paperwork.build_templates import template_path
from ptdv.paperwork.catalogue import Form
from ptdv.paperwork.context import VARIABLES
from ptdv.paperwork.models import FormTemplate

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class FormError(Exception):
    """A form could not be filled; the message is for people."""


def replacement_for(form: Form, unit: Unit) -> FormTemplate | None:
    """The replacement uploaded for `unit` or the nearest unit above it; None: use the shipped one.

    Deliberately not scoped to the requesting user: which template a unit prints with is product
    configuration chosen by that unit's administrators, not a record of a person.
    """
    ancestors = [*Unit.objects.get_ancestors(unit), unit] if not unit.is_root() else [unit]
    return (
        FormTemplate.objects.filter(form_code=form.code, unit__in=ancestors, voided_at__isnull=True)
        .select_related("unit")
        .order_by("-unit__depth", "-recorded_at", "-id")
        .first()
    )


def _load(content: bytes, where: str) -> DocxTemplate:
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise FormError(_("Mẫu %(where)s không phải tệp Word .docx.") % {"where": where})
    try:
        template = DocxTemplate(io.BytesIO(content))
        template.init_docx()
    except Exception as error:  # python-docx refuses a zip that is not a Word document in many ways
        raise FormError(_("Mẫu %(where)s không phải tệp Word .docx hợp lệ.") % {"where": where}) from error
    return template


def render_bytes(content: bytes, context: dict, where: str) -> bytes:
    """Fill `content` (a .docx template) with `context`; every variable must be provided."""
    template = _load(content, where)
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        template.render(context, jinja_env=environment)
    except jinja2.TemplateSyntaxError as error:
        raise FormError(
            _("Mẫu %(where)s có lỗi cú pháp ở dòng %(line)s: %(error)s")
            % {"where": where, "line": error.lineno, "error": error.message}
        ) from error
    except jinja2.UndefinedError as error:
        raise FormError(
            _(
                "Mẫu %(where)s dùng trường không có trong dữ liệu (%(error)s). "
                "Xem danh sách trường ở docs/paperwork.md."
            )
            % {"where": where, "error": error.message}
        ) from error
    except (jinja2.TemplateError, TypeError, ValueError, KeyError) as error:
        raise FormError(
            _("Không điền được mẫu %(where)s: %(error)s") % {"where": where, "error": error}
        ) from error
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def render_form(form: Form, unit: Unit, context: dict) -> bytes:
    """The filled .docx of `form` for a case or register of `unit`."""
    replacement = replacement_for(form, unit)
    if replacement is None:
        return render_bytes(template_path(form).read_bytes(), context, form.code)
    where = _("%(form)s của %(unit)s") % {"form": form.code, "unit": replacement.unit.name}
    return render_bytes(bytes(replacement.content), context, where)


def check_template(form: Form, content: bytes) -> None:
    """Refuse an upload that would not render: not a .docx, a syntax error, or a variable the
    product does not provide (ptdv.paperwork.context.VARIABLES). A missing attribute of a
    provided variable ("p.nickname") is only known when filling, and is reported then."""
    template = _load(content, form.code)
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        used = template.get_undeclared_template_variables(jinja_env=environment)
    except jinja2.TemplateSyntaxError as error:
        raise FormError(
            _("Mẫu có lỗi cú pháp ở dòng %(line)s: %(error)s")
            % {"line": error.lineno, "error": error.message}
        ) from error
    except Exception as error:  # docxtpl's XML pre-processing fails on a damaged document
        raise FormError(
            _("Mẫu %(where)s không đọc được: %(error)s") % {"where": form.code, "error": error}
        ) from error
    unknown = sorted(set(used) - VARIABLES)
    if unknown:
        raise FormError(
            _("Mẫu dùng trường không có trong dữ liệu: %(names)s. Xem danh sách trường ở docs/paperwork.md.")
            % {"names": ", ".join(unknown)}
        )
