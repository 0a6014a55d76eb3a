"""Builds the default review template, ptdv/reports/templates/review.docx, with python-docx.

Kept in the repository so the shipped template can be regenerated and reviewed as code:
    python -m ptdv.reports.review_template
An administrator's own template (uploaded in the admin) uses the same names (docs/reports.md).
"""

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

TARGET = Path(__file__).parent / "templates" / "review.docx"
PROGRESS_COLUMNS = (
    ("Đơn vị", "name"),
    ("Kết nạp", "admitted"),
    ("Chỉ tiêu", "target"),
    ("Tỷ lệ", "percent"),
    ("Nông dân", "farmers"),
    ("Đoàn viên", "youth_union"),
)
TOTALS_COLUMNS = (
    ("Đơn vị", "name"),
    ("Tổng số", "total"),
    ("Chính thức", "official"),
    ("Dự bị", "probationary"),
)


def _table(document, columns, rows_name):
    """A table whose middle row repeats for each of `rows_name` (docxtpl's {%tr %} rows)."""
    table = document.add_table(rows=4, cols=len(columns))
    table.style = "Table Grid"
    for cell, (title, _key) in zip(table.rows[0].cells, columns, strict=True):
        cell.text = title
        cell.paragraphs[0].runs[0].bold = True
    table.rows[1].cells[0].text = "{%tr for row in " + rows_name + " %}"
    for cell, (_title, key) in zip(table.rows[2].cells, columns, strict=True):
        cell.text = "{{ row." + key + " }}"
    table.rows[3].cells[0].text = "{%tr endfor %}"


def build(target: Path = TARGET) -> Path:
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(2)
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    header = document.add_paragraph("{{ unit_name|upper }}")
    header.runs[0].bold = True
    title = document.add_paragraph("BÁO CÁO\nSơ kết, tổng kết công tác phát triển đảng viên {{ period }}")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].bold = True
    document.add_paragraph("I. KẾT QUẢ THỰC HIỆN").runs[0].bold = True
    document.add_paragraph("{%p for sentence in sentences %}")
    document.add_paragraph("{{ sentence }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("II. KẾT QUẢ KẾT NẠP THEO ĐƠN VỊ").runs[0].bold = True
    _table(document, PROGRESS_COLUMNS, "progress_rows")
    document.add_paragraph("III. SỐ LƯỢNG ĐẢNG VIÊN ĐẾN NGÀY {{ end }}").runs[0].bold = True
    _table(document, TOTALS_COLUMNS, "totals_rows")
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(target)
    return target


if __name__ == "__main__":
    print(build())
