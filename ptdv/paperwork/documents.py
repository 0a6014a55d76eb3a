"""The documents a user downloads: one form of a case, the 18-KNĐ register, a batch as a zip.

Callers pass records already taken through the scope (Model.objects.visible_to); this module
decides only what goes in the file and what it is called.
"""

import io
import zipfile
from dataclasses import dataclass

from ptdv.cases.models import Case
from ptdv.paperwork import catalogue, context, register
from ptdv.paperwork.catalogue import Form
from ptdv.paperwork.rendering import DOCX_TYPE, FormError, render_form
from ptdv.paperwork.vietnamese import short_date
from ptdv.people.names import fold

ZIP_TYPE = "application/zip"


@dataclass(frozen=True)
class Download:
    file_name: str
    content: bytes
    content_type: str


def _name_part(text: str) -> str:
    """A file-name-safe ASCII form of a name: "Hoàng Văn Bình" → "hoang-van-binh"."""
    return "-".join("".join(c if c.isalnum() else " " for c in fold(text)).split()) or "ho-so"


def for_case(form: Form, case: Case) -> Download:
    if form.source == catalogue.UNIT:
        raise FormError(f"{form.code} là sổ của đơn vị, không phải của một hồ sơ.")
    if form.source == catalogue.BLANK:
        data = context.blank_context(form, case.branch)
    else:
        data = context.case_context(form, case)
    content = render_form(form, case.branch, data)
    return Download(f"{form.slug}-{_name_part(case.person.full_name)}-{case.pk}.docx", content, DOCX_TYPE)


def batch(form: Form, cases: list[Case], label: str) -> Download:
    """The same form for many cases, one .docx each, in one zip. A case whose form cannot be filled
    stops the batch with its message, so nobody prints a set with a silent gap."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for case in cases:
            document = for_case(form, case)
            archive.writestr(document.file_name, document.content)
    return Download(f"{form.slug}-{_name_part(label)}.zip", out.getvalue(), ZIP_TYPE)


def probation_register(unit, as_of, members, fmt: str = "docx") -> Download:
    """18-KNĐ for `unit`'s subtree as Word ("docx") or Excel ("xlsx"); `members` is the
    PartyMember queryset the user may see."""
    rows = register.rows(unit, as_of, members)
    name = f"18-knd-{_name_part(unit.name)}"
    if fmt == "xlsx":
        return Download(f"{name}.xlsx", register.as_xlsx(unit, as_of, rows), register.XLSX_TYPE)
    form = catalogue.BY_SLUG["18-knd"]
    data = context.header_context(form, unit, as_of) | {
        "form_code": form.code,
        "subtitle": "",
        "as_of": short_date(as_of),
        "members": rows,
    }
    return Download(f"{name}.docx", render_form(form, unit, data), DOCX_TYPE)
