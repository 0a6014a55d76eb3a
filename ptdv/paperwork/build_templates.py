"""Writes the shipped .docx templates: `python -m ptdv.paperwork.build_templates`.

The templates are generated, not drawn by hand, so that the fifteen forms share one header and
signature (ptdv.paperwork.layout) and a change of wording is a reviewable diff here. The
generated files are committed (templates_docx/) and are what the product falls back to when no
administrator has uploaded a replacement. Names of the Jinja variables: docs/paperwork.md.
"""

import io
import zipfile
from datetime import datetime
from pathlib import Path

from ptdv.paperwork import layout
from ptdv.paperwork.catalogue import FORMS, UNIT

TEMPLATE_DIR = Path(__file__).with_name("templates_docx")

PERSON_LINE = (
    "{{ p.title }} {{ p.name }}, sinh {{ p.birth_date }}, quê quán {{ p.home_town }}, "
    "nơi cư trú {{ p.village }}; nghề nghiệp {{ p.occupation }}; trình độ học vấn {{ p.education }}."
)
MEETING = (
    "Tổng số đảng viên chính thức được triệu tập {{ meeting.summoned }} đồng chí; "
    "số đảng viên tán thành {{ meeting.votes_for }} đồng chí, đạt {{ meeting.percent }}."
)
INTRODUCERS = [
    "{%p for i in introducers %}",
    "- Đồng chí {{ i.name }}, giới thiệu ngày {{ i.date }}, {{ i.relationship }} "
    "({{ i.months }} tháng cùng công tác, học tập hoặc cư trú).",
    "{%p endfor %}",
]

BODIES: dict[str, list[str]] = {
    "1-KNĐ": [
        "Kính gửi: {{ issuer_name }}",
        "Tôi là: …………………………………… Sinh ngày … tháng … năm ……",
        "Quê quán: ……………………………………………………………………",
        "Sau khi được học tập, nghiên cứu Điều lệ Đảng Cộng sản Việt Nam, Cương lĩnh chính trị "
        "của Đảng, tôi tự nguyện làm đơn này xin được đứng vào hàng ngũ của Đảng.",
        "Nếu được đứng vào hàng ngũ của Đảng, tôi xin hứa tuyệt đối trung thành với Đảng, "
        "gương mẫu chấp hành đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    ],
    "2-KNĐ": [
        "Họ và tên đang dùng: ……………………………… Nam, nữ: ………",
        "Ngày tháng năm sinh: ……………………… Nơi sinh: ………………………",
        "Quê quán: ………………………………………………………………………",
        "Nơi cư trú: ……………………………………………………………………",
        "Nghề nghiệp: ……………………… Trình độ học vấn: ………………………",
        "Lịch sử bản thân, những công tác và việc làm đã qua, đặc điểm lịch sử, quan hệ gia đình "
        "(người khai tự viết tay theo hướng dẫn của chi bộ {{ issuer_name }}).",
    ],
    "3-KNĐ": [
        "Kính gửi: {{ branch_name }}",
        *INTRODUCERS,
        "giới thiệu {{ p.title }} {{ p.name }}, sinh {{ p.birth_date }}, nơi cư trú {{ p.village }}, "
        "vào Đảng Cộng sản Việt Nam.",
        "Qua thời gian cùng công tác, học tập, cư trú, tôi thấy {{ p.title }} {{ p.name }} có lý lịch rõ "
        "ràng, "
        "phẩm chất chính trị, đạo đức, lối sống tốt, đủ điều kiện để xét kết nạp vào Đảng. "
        "Tôi xin chịu trách nhiệm trước Đảng về sự giới thiệu của mình.",
    ],
    "4-KNĐ": [
        "Ban Chấp hành Đoàn họp ngày {{ union.date }} xét, giới thiệu đoàn viên ưu tú vào Đảng.",
        PERSON_LINE,
        "Nghị quyết giới thiệu đoàn viên {{ p.name }} để {{ branch_name }} xem xét, kết nạp vào Đảng.",
    ],
    "4A-KNĐ": [
        "Ban Chấp hành Công đoàn họp ngày {{ union.date }} xét, giới thiệu đoàn viên công đoàn vào Đảng.",
        PERSON_LINE,
        "Nghị quyết giới thiệu đoàn viên công đoàn {{ p.name }} để {{ branch_name }} xem xét, kết nạp vào "
        "Đảng.",
    ],
    "5-KNĐ": [
        "Thực hiện Điều lệ Đảng, {{ branch_name }} đã lấy ý kiến nhận xét của tổ chức đoàn thể "
        "(ngày {{ comments.mass_org }}) và chi bộ nơi cư trú (ngày {{ comments.residence }}) đối với người "
        "xin vào Đảng:",
        PERSON_LINE,
        "Tổng hợp ý kiến nhận xét: ……………………………………………………………………",
    ],
    "6-KNĐ": [
        "Ngày {{ meeting.date }}, {{ branch_name }} họp xét đề nghị kết nạp {{ p.title }} {{ p.name }} vào "
        "Đảng.",
        PERSON_LINE,
        "Đảng viên giới thiệu:",
        *INTRODUCERS,
        MEETING,
        "Chi bộ đề nghị {{ grassroots_name }} xem xét, đề nghị cấp có thẩm quyền kết nạp "
        "{{ p.title }} {{ p.name }} vào Đảng Cộng sản Việt Nam.",
    ],
    "7-KNĐ": [
        "Thẩm định hồ sơ đề nghị kết nạp {{ p.title }} {{ p.name }} của {{ branch_name }} "
        "(nghị quyết chi bộ ngày {{ meeting.date }}, {{ meeting.votes_for }}/{{ meeting.summoned }} đảng "
        "viên tán thành).",
        PERSON_LINE,
        "Ý kiến thẩm định: ……………………………………………………………………",
    ],
    "8-KNĐ": [
        "Ngày {{ committee.date }}, {{ grassroots_name }} họp xét đề nghị của {{ branch_name }} "
        "(nghị quyết ngày {{ meeting.date }}) kết nạp {{ p.title }} {{ p.name }} vào Đảng.",
        PERSON_LINE,
        "Tổng số cấp ủy viên {{ committee.members }} đồng chí; số tán thành {{ committee.votes_for }} đồng "
        "chí, "
        "đạt {{ committee.percent }}.",
        "Đề nghị {{ deciding_name }} xem xét, quyết định kết nạp {{ p.title }} {{ p.name }} vào Đảng.",
    ],
    "9-KNĐ": [
        "Căn cứ Điều lệ Đảng Cộng sản Việt Nam; xét đề nghị của {{ grassroots_name }} "
        "(hồ sơ trình ngày {{ submitted.date }}),",
        "QUYẾT ĐỊNH",
        "Điều 1. Kết nạp {{ p.title }} {{ p.name }}, sinh {{ p.birth_date }}, quê quán {{ p.home_town }}, "
        "sinh hoạt tại {{ branch_name }}, vào Đảng Cộng sản Việt Nam.",
        "Điều 2. {{ branch_name }} tổ chức lễ kết nạp trong thời hạn 30 ngày làm việc kể từ ngày nhận quyết "
        "định.",
    ],
    "10-KNĐ": [
        "Kính gửi: {{ branch_name }}",
        "Tôi là {{ p.name }}, sinh {{ p.birth_date }}, được kết nạp vào Đảng ngày {{ ceremony.date }} "
        "theo Quyết định số {{ decided.number }} ngày {{ decided.date }}.",
        "Sau 12 tháng dự bị (đến ngày {{ probation_end }}), tôi tự kiểm điểm như sau: ……………………………………",
    ],
    "11-KNĐ": [
        "Kính gửi: {{ branch_name }}",
        "Tôi là {{ helper_name }}, đảng viên được chi bộ phân công giúp đỡ đảng viên dự bị {{ p.name }} "
        "(kết nạp ngày {{ ceremony.date }}).",
        "Nhận xét về đảng viên dự bị trong thời gian dự bị: ……………………………………",
    ],
    "12-KNĐ": [
        "{{ branch_name }} tổng hợp ý kiến nhận xét của tổ chức đoàn thể và chi bộ nơi cư trú đối với "
        "đảng viên dự bị {{ p.name }}, kết nạp ngày {{ ceremony.date }}, hết thời gian dự bị ngày {{ "
        "probation_end }}.",
        "Tổng hợp ý kiến: ……………………………………………………………………",
    ],
    "13-KNĐ": [
        "Ngày {{ recognition.date }}, {{ branch_name }} họp xét đề nghị công nhận đảng viên chính thức "
        "cho đồng chí {{ p.name }}, kết nạp ngày {{ ceremony.date }} theo Quyết định số {{ decided.number "
        "}}.",
        "Tổng số đảng viên chính thức được triệu tập {{ recognition.summoned }} đồng chí; số tán thành "
        "{{ recognition.votes_for }} đồng chí, đạt {{ recognition.percent }}.",
        "Chi bộ đề nghị công nhận đồng chí {{ p.name }} là đảng viên chính thức từ ngày {{ probation_end }}.",
    ],
    "15-KNĐ": [
        "{{ grassroots_name }} xét nghị quyết của {{ branch_name }} ngày {{ recognition.date }} đề nghị "
        "công nhận "
        "đảng viên chính thức cho đồng chí {{ p.name }}.",
        "Đề nghị {{ deciding_name }} xem xét, quyết định công nhận đồng chí {{ p.name }} là đảng viên chính "
        "thức "
        "từ ngày {{ probation_end }}.",
    ],
    "QĐ-CNCT": [
        "Căn cứ Điều lệ Đảng Cộng sản Việt Nam; xét đề nghị của {{ grassroots_name }},",
        "QUYẾT ĐỊNH",
        "Điều 1. Công nhận đồng chí {{ p.name }}, sinh {{ p.birth_date }}, đảng viên dự bị kết nạp ngày "
        "{{ ceremony.date }}, sinh hoạt tại {{ branch_name }}, là đảng viên chính thức từ ngày {{ "
        "probation_end }}.",
        "Điều 2. {{ branch_name }} và đồng chí có tên tại Điều 1 thi hành quyết định này.",
    ],
    "18-KNĐ": [
        "Đảng viên dự bị của {{ issuer_name }} tính đến ngày {{ as_of }}: {{ members|length }} đồng chí.",
    ],
}

# Letters and reports signed by a person have no "Nơi nhận".
NO_RECIPIENTS = {"1-KNĐ", "2-KNĐ", "3-KNĐ", "10-KNĐ", "11-KNĐ", "18-KNĐ"}


def _register_table(doc) -> None:
    """18-KNĐ: one row per probationary member, a docxtpl row loop ({%tr %})."""
    columns = ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Ngày vào Đảng", "Hết dự bị", "Chính thức"]
    table = doc.add_table(rows=3, cols=len(columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, columns, strict=True):
        cell.text = name
    table.rows[1].cells[0].text = "{%tr for m in members %}"
    row = [
        "{{ loop.index }}",
        "{{ m.name }}",
        "{{ m.birth_date }}",
        "{{ m.branch }}",
        "{{ m.admitted }}",
        "{{ m.probation_end }}",
        "{{ m.official }}",
    ]
    for cell, text in zip(table.rows[2].cells, row, strict=True):
        cell.text = text
    end = table.add_row()
    end.cells[0].text = "{%tr endfor %}"


def build(form) -> "layout.Document":
    doc = layout.new_document(form.code)
    layout.header(doc)
    layout.title(doc, form.title, "{{ subtitle }}")
    layout.body(doc, BODIES[form.code])
    if form.source == UNIT:
        _register_table(doc)
    layout.signature(doc, recipients=form.code not in NO_RECIPIENTS)
    return doc


def template_path(form) -> Path:
    return TEMPLATE_DIR / f"{form.slug}.docx"


FIXED_TIME = (2022, 1, 1, 0, 0, 0)


def template_bytes(form) -> bytes:
    """The template as a .docx whose bytes depend only on this script: fixed document properties
    and zip entry times, so regenerating without a change leaves the committed files unchanged."""
    document = build(form)
    document.core_properties.created = document.core_properties.modified = datetime(*FIXED_TIME)
    document.core_properties.author = document.core_properties.last_modified_by = "PTĐV"
    document.core_properties.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(
                zipfile.ZipInfo(item.filename, FIXED_TIME), source.read(item.filename), zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


def main() -> None:
    TEMPLATE_DIR.mkdir(exist_ok=True)
    for form in FORMS:
        template_path(form).write_bytes(template_bytes(form))
        print(template_path(form))


if __name__ == "__main__":
    main()
