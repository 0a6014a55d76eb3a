"""Each KNĐ form filled from a case walked through the services, read back with python-docx."""

import pytest

from ptdv.paperwork import catalogue, documents
from ptdv.paperwork.vietnamese import long_date, number, percent
from tests.paperwork.conftest import docx_text

pytestmark = pytest.mark.django_db

# The facts each form must carry from the case's records, beyond the header.
FACTS = {
    "3-KNĐ": ["Lục Văn Kiên", "Ma Thị Nhung", "15/12/2024", "Công Bằng, ngày 15 tháng 12 năm 2024"],
    "4-KNĐ": ["ĐOÀN TNCS HỒ CHÍ MINH", "BCH ĐOÀN PHYA MẠ", "Số 12-NQ/ĐTN", "10/12/2024"],
    "4A-KNĐ": ["BCH CÔNG ĐOÀN PHYA MẠ", "Số …-NQ/CĐ"],
    "5-KNĐ": ["01/12/2024", "02/12/2024"],
    "6-KNĐ": [
        "ĐẢNG BỘ XÃ CÔNG BẰNG",
        "CHI BỘ THÔN PHYA MẠ",
        "Số …-NQ/CB",
        "Công Bằng, ngày 03 tháng 02 năm 2025",
        "Lục Văn Kiên",
        "số đảng viên tán thành 3 đồng chí, đạt 100,00%",
    ],
    "7-KNĐ": ["ĐẢNG BỘ HUYỆN PÁC NẶM", "ĐẢNG BỘ XÃ CÔNG BẰNG", "03/02/2025"],
    "8-KNĐ": ["ĐẢNG BỘ HUYỆN PÁC NẶM", "ngày 10 tháng 02 năm 2025", "Tổng số cấp ủy viên 9", "đạt 88,89%"],
    "9-KNĐ": [
        "Số 123-QĐ/HU",
        "Pác Nặm, ngày 01 tháng 3 năm 2025",
        "Kết nạp quần chúng Hà Thị Hoa",
        "12/02/2025",
        "QUYẾT ĐỊNH KẾT NẠP ĐẢNG VIÊN",
    ],
    "10-KNĐ": ["15/03/2025", "123-QĐ/HU", "15/03/2026"],
    "11-KNĐ": ["15/03/2025"],
    "12-KNĐ": ["15/03/2026"],
    "13-KNĐ": ["Số …-NQ/CB", "ngày 20 tháng 3 năm 2026", "từ ngày 15/03/2026"],
    "15-KNĐ": ["Số …-NQ/ĐU", "20/03/2026"],
    "QĐ-CNCT": [
        "Số 45-QĐ/HU",
        "Pác Nặm, ngày 01 tháng 6 năm 2026",
        "Công nhận đồng chí Hà Thị Hoa",
        "từ ngày 15/03/2026",
    ],
    "1-KNĐ": ["ĐƠN XIN VÀO ĐẢNG", "Kính gửi: Chi bộ thôn Phya Mạ", "Công Bằng, ngày … tháng … năm …"],
    "2-KNĐ": ["LÝ LỊCH CỦA NGƯỜI XIN VÀO ĐẢNG", "ĐẢNG BỘ XÃ CÔNG BẰNG"],
}


def test_every_case_form_has_its_facts_listed():
    assert set(FACTS) == {form.code for form in catalogue.CASE_FORMS}


@pytest.mark.parametrize("code", sorted(FACTS))
def test_each_form_renders_with_the_party_header_and_the_case_facts(official_case, code):
    form = catalogue.find(code)
    text = docx_text(documents.for_case(form, official_case).content)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert f"Mẫu {code}" in text or not code[0].isdigit()
    for fact in FACTS[code]:
        assert fact in text, (code, fact)
    if form.source == catalogue.CASE:
        assert "Hà Thị Hoa" in text
    assert "{{" not in text and "{%" not in text


def test_the_unit_above_the_issuer_is_in_capitals_above_it(official_case):
    text = docx_text(documents.for_case(catalogue.find("6-knd"), official_case).content)
    assert text.index("ĐẢNG BỘ XÃ CÔNG BẰNG") < text.index("CHI BỘ THÔN PHYA MẠ")


def test_codes_are_found_however_they_are_typed():
    assert catalogue.find("6-KNĐ") is catalogue.find("6-knd") is catalogue.find("6-KND")
    assert catalogue.find("4a-knđ").code == "4A-KNĐ"
    assert catalogue.find("99-KNĐ") is None


def test_vietnamese_dates_and_numbers():
    from datetime import date

    assert long_date(date(2024, 2, 5)) == "ngày 05 tháng 02 năm 2024"
    assert long_date(date(2024, 11, 20)) == "ngày 20 tháng 11 năm 2024"
    assert long_date(None) == "ngày … tháng … năm …"
    assert number(1234567) == "1.234.567"
    assert percent(425, 400) == "106,25%"


@pytest.mark.parametrize("form", catalogue.FORMS, ids=lambda f: f.slug)
def test_the_shipped_templates_are_what_the_generator_writes(form):
    """Edit build_templates.py or layout.py, then run `python -m ptdv.paperwork.build_templates`."""
    from ptdv.paperwork.build_templates import template_bytes, template_path

    assert template_path(form).read_bytes() == template_bytes(form)
