"""The official layout every form shares, written once: header, title, signature block.

Used by build_templates.py to write the shipped .docx templates. The unit lines, the
number/symbol and the date line are Jinja tags that docxtpl fills at render time
(ptdv.paperwork.context), so a replaced template keeps working with the same names.
"""

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

FONT = "Times New Roman"


def new_document(code: str) -> Document:
    """A4, margins of Thông tư 01/2011 style documents, the form's code top right ("Mẫu 6-KNĐ")."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    if code[0].isdigit():
        line(doc, f"Mẫu {code}", align=WD_ALIGN_PARAGRAPH.RIGHT, size=11)
    return doc


def line(container, text: str, *, bold=False, italic=False, underline=False, align=None, size=None):
    paragraph = container.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    if size:
        run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(2)
    return paragraph


COLUMN_WIDTHS = (Cm(7.5), Cm(9))


def _two_columns(doc, widths=COLUMN_WIDTHS):
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = width
        cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return table.rows[0].cells


def header(doc) -> None:
    """Left: the superior unit above the issuing unit, in capitals, then the number/symbol line.
    Right: the Party's name, then "<place>, ngày … tháng … năm …"."""
    left, right = _two_columns(doc)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    line(left, "{{ superior }}", align=centre)
    line(left, "{{ issuer }}", bold=True, align=centre)
    line(left, "*", align=centre)
    line(left, "{{ symbol_line }}", align=centre)
    line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, align=centre)
    line(right, "{{ date_line }}", italic=True, align=centre)


def title(doc, text: str, subtitle: str = "") -> None:
    line(doc, "")
    line(doc, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=14)
    if subtitle:
        line(doc, subtitle, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    line(doc, "")


def body(doc, paragraphs: list[str]) -> None:
    """Paragraphs of the form's text; "{%p …%}" lines are docxtpl's paragraph tags (loops)."""
    for text in paragraphs:
        paragraph = line(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        if not text.startswith("{%p"):
            paragraph.paragraph_format.first_line_indent = Cm(1)


def signature(doc, *, recipients: bool) -> None:
    """Left: "Nơi nhận" for documents sent on; right: who signs, then the name."""
    line(doc, "")
    left, right = _two_columns(doc)
    if recipients:
        line(left, "Nơi nhận:", bold=True, italic=True, size=12)
        line(left, "- {{ recipient }},", size=11)
        line(left, "- Lưu hồ sơ.", size=11)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    line(right, "{{ signer_title }}", bold=True, align=centre)
    line(right, "(Ký, ghi rõ họ tên)", italic=True, align=centre, size=12)
    for _blank in range(3):
        line(right, "")
    line(right, "{{ signer_name }}", bold=True, align=centre)
