"""Replacement templates: the nearest unit up the tree wins; a broken one is a message, never a 500."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ptdv.paperwork import catalogue, documents
from ptdv.paperwork.build_templates import template_path
from ptdv.paperwork.models import FormTemplate
from tests.paperwork.conftest import docx_text

pytestmark = pytest.mark.django_db

SIX = catalogue.find("6-KNĐ")


def _docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _replace(unit, content: bytes):
    return FormTemplate.objects.create(unit=unit, form_code=SIX.code, content=content, file_name="mau.docx")


def test_the_shipped_template_is_used_without_a_replacement(world):
    text = docx_text(documents.for_case(SIX, world.case_phya_ma).content)
    assert "NGHỊ QUYẾT ĐỀ NGHỊ KẾT NẠP ĐẢNG VIÊN" in text and template_path(SIX).exists()


def test_the_nearest_unit_up_the_tree_wins(world):
    _replace(world.bac_kan, _docx("Mẫu tỉnh {{ p.name }}"))
    assert "Mẫu tỉnh Hà Thị Hoa" in docx_text(documents.for_case(SIX, world.case_phya_ma).content)
    nearer = _replace(world.cong_bang, _docx("Mẫu xã {{ issuer }}"))
    assert "Mẫu xã CHI BỘ THÔN PHYA MẠ" in docx_text(documents.for_case(SIX, world.case_phya_ma).content)
    # Another tree never sees these; a withdrawn one gives way to the one above it.
    assert "Mẫu tỉnh" not in docx_text(documents.for_case(SIX, world.case_thon_1).content)
    nearer.voided_at = nearer.recorded_at
    nearer.save()
    assert "Mẫu tỉnh" in docx_text(documents.for_case(SIX, world.case_phya_ma).content)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a word file", "không phải tệp Word .docx"),
        (_docx("{{ p.name "), "có lỗi cú pháp"),
        (_docx("{{ p.nickname }}"), "dùng trường không có trong dữ liệu"),
        (_docx("{{ khong_co }}"), "dùng trường không có trong dữ liệu"),
    ],
)
def test_a_broken_template_gives_a_vietnamese_message_on_the_case_page(world, client_for, content, message):
    _replace(world.cong_bang, content)
    url = reverse("web:case-form", args=[world.case_phya_ma.pk, SIX.slug])
    response = client_for(world.carol).get(url, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "6-KNĐ của Đảng bộ xã Công Bằng" in page


def _admin_upload(client, world, content):
    url = reverse("admin:paperwork_formtemplate_add")
    file = SimpleUploadedFile("mau.docx", content)
    return client.post(url, {"unit": world.cong_bang.pk, "form_code": SIX.code, "upload": file})


def test_an_admin_uploads_a_replacement_for_a_unit_of_their_subtree(world, client_for):
    client = client_for(world.adam)
    response = _admin_upload(client, world, _docx("Mẫu riêng {{ p.name }} {{ date_line }}"))
    assert response.status_code == 302
    template = FormTemplate.objects.get()
    assert template.unit == world.cong_bang and template.recorded_by == world.adam


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"PK broken", "không phải tệp Word"), (_docx("{% if %}"), "lỗi cú pháp"), (_docx("{{ ai }}"), "ai")],
)
def test_the_admin_refuses_a_template_that_would_not_render(world, client_for, content, message):
    response = _admin_upload(client_for(world.adam), world, content)
    assert response.status_code == 200 and message in response.content.decode()
    assert not FormTemplate.objects.exists()


def test_an_admin_cannot_upload_for_a_unit_of_another_tree(world, client_for):
    client = client_for(world.adam)
    url = reverse("admin:paperwork_formtemplate_add")
    file = SimpleUploadedFile("mau.docx", _docx("x"))
    client.post(url, {"unit": world.tan_canh.pk, "form_code": SIX.code, "upload": file})
    assert not FormTemplate.objects.exists()
