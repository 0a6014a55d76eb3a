"""The review's Word document: from the default template, from an administrator's template
uploaded in the admin (which changes the output without code), and a broken template told in
Vietnamese — never an error page."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from ptdv.reports import review_document, samples
from ptdv.reports.models import ReviewTemplate
from tests.logins import log_in

pytestmark = pytest.mark.django_db

H1_2023 = {"from": "2023-01-01", "to": "2023-06-30"}


def _docx(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraphs(content: bytes) -> list[str]:
    return [p.text for p in Document(BytesIO(content)).paragraphs]


def _word(client, world):
    return client.get("/bao-cao/review/word/", {"unit": world.pac_nam.pk, **H1_2023})


def test_the_default_template_names_the_unit_and_the_period(world, client):
    response = _word(log_in(client, world.victor), world)
    assert response.status_code == 200
    text = _paragraphs(response.content)
    assert "ĐẢNG BỘ HUYỆN PÁC NẶM" in text
    assert any(t.startswith("Trong 6 tháng đầu năm 2023, toàn huyện kết nạp được 00 đảng viên") for t in text)


def test_an_uploaded_template_changes_the_document_without_code(world, client):
    template = _docx("Báo cáo của {{ unit_name }}: {{ admitted }} đảng viên mới.")
    upload = SimpleUploadedFile("mau.docx", template)
    response = log_in(client, world.adam).post(
        "/quan-tri/reports/reviewtemplate/add/",
        {"unit": world.pac_nam.pk, "name": "Mẫu của huyện", "active": "on", "upload": upload},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ReviewTemplate.objects.get().recorded_by == world.adam
    document = _word(log_in(client, world.victor), world)
    assert _paragraphs(document.content) == ["Báo cáo của Đảng bộ huyện Pác Nặm: 00 đảng viên mới."]


def test_a_broken_upload_is_refused_on_the_form_in_vietnamese(world, client):
    upload = SimpleUploadedFile("mau.docx", _docx("{% for x in %}"))
    response = log_in(client, world.adam).post(
        "/quan-tri/reports/reviewtemplate/add/", {"unit": world.pac_nam.pk, "name": "Hỏng", "upload": upload}
    )
    assert response.status_code == 200 and "Mẫu báo cáo không dùng được" in response.content.decode()
    assert not ReviewTemplate.objects.exists()


def test_a_template_broken_anyway_gives_a_clear_message_not_a_500(world, client):
    ReviewTemplate.objects.create(unit=world.bac_kan, name="Hỏng", content=b"not a docx")
    response = _word(log_in(client, world.victor), world)
    assert response.status_code == 400
    assert "tệp không phải là tài liệu Word .docx" in response.content.decode()


def test_a_syntax_error_names_its_line():
    with pytest.raises(review_document.TemplateProblem, match="lỗi cú pháp"):
        review_document.render(samples.review(), _docx("{{ unit_name "))


def test_the_command_writes_word_excel_and_csv_files(world, tmp_path):
    from django.core.management import call_command
    from openpyxl import load_workbook

    args = ["--unit", "BK.PN", "--from", "2023-01-01", "--to", "2023-06-30"]
    call_command("report", "review", *args, "--format", "docx", "--output", str(tmp_path / "r.docx"))
    assert "ĐẢNG BỘ HUYỆN PÁC NẶM" in _paragraphs((tmp_path / "r.docx").read_bytes())
    call_command("report", "progress", *args, "--format", "xlsx", "--output", str(tmp_path / "p.xlsx"))
    assert load_workbook(tmp_path / "p.xlsx")["Tổng hợp"]["A2"].value == "Đảng bộ huyện Pác Nặm"
    call_command("report", "progress", *args, "--format", "csv", "--output", str(tmp_path / "p.csv"))
    assert "Kết nạp đảng viên,0" in (tmp_path / "p.csv").read_text(encoding="utf-8")
